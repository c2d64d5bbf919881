using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StaffDataPipeline.Tests.Support;

/// <summary>A self-signed certificate for 127.0.0.1, localhost and the given addresses, written as a .pfx for Serve:Https.</summary>
internal static class TestCertificate
{
    public static string Write(string path, string password, params System.Net.IPAddress[] addresses)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=staffdata test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
