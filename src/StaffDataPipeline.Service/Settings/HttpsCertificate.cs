using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using StaffDataPipeline.Hosting;

namespace StaffDataPipeline.Service.Settings;

/// <summary>Reads the certificate named by Serve:Https:CertificatePath, or stops the service with a sentence naming the setting.</summary>
public static class HttpsCertificate
{
    public static X509Certificate2 Load(HttpsSettings https)
    {
        ArgumentNullException.ThrowIfNull(https);
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(https.CertificatePath, https.CertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                throw new SettingsException([$"Serve:Https:CertificatePath '{https.CertificatePath}' holds a certificate without its private key: export it as .pfx with the key."]);
            }

            return certificate;
        }
        catch (CryptographicException ex)
        {
            throw new SettingsException([$"Serve:Https:CertificatePath '{https.CertificatePath}' could not be read as a .pfx file with Serve:Https:CertificatePassword ({ex.Message.TrimEnd('.')}): check the file and its password."]);
        }
    }
}
