using System.Text;

namespace StaffDataPipeline.Taxonomy;

/// <summary>Folds free text (titles, areas of work, grades) to lower-case words separated by single spaces.</summary>
public static class TitleText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is '\'' or '\u2019')
            {
                // "counsellor's" folds to "counsellors", not "counsellor s".
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }

        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        return sb.ToString();
    }
}
