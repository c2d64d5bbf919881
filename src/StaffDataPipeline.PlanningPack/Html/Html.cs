using System.Text;

namespace StaffDataPipeline.PlanningPack.Html;

/// <summary>Text for HTML and SVG: &amp; &lt; &gt; and both quotes encoded, characters XML cannot hold replaced.</summary>
internal static class Html
{
    public static string Encode(string? text)
    {
        var clean = XmlText.Clean(text);
        var builder = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
