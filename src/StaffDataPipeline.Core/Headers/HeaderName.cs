using System.Text;

namespace StaffDataPipeline.Headers;

/// <summary>Folds a column header to the key used for alias matching.</summary>
public static class HeaderName
{
    /// <summary>
    /// Keeps letters and digits only, lower-cased, so "Unique Nhs Identifier", "UNIQUE_NHS_IDENTIFIER" and
    /// " unique-nhs identifier\uFEFF" all meet at "uniquenhsidentifier".
    /// </summary>
    public static string Fold(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
