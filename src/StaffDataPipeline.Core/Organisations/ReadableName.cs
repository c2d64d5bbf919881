namespace StaffDataPipeline.Organisations;

/// <summary>
/// ODS publishes names in capitals ("MANCHESTER UNIVERSITY NHS FOUNDATION TRUST"); reports and views want them as
/// people write them ("Manchester University NHS Foundation Trust"). Acronyms stay capitals; small words are lower
/// case except at the start.
/// </summary>
public static class ReadableName
{
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "NHS", "FT", "HQ", "GP", "GPS", "CCG", "UK", "MRI", "CT", "ENT", "ICU", "PCT", "CIC", "LLP", "LTD", "PLC", "HMP", "YOI", "RMCH", "A&E", "UCLH", "II", "III", "IV",
    };

    private static readonly HashSet<string> Small = new(StringComparer.Ordinal) { "AND", "OF", "THE", "FOR", "IN", "ON", "AT", "TO", "BY", "WITH" };

    public static string Of(string upper)
    {
        ArgumentNullException.ThrowIfNull(upper);
        var words = upper.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            words[i] = Acronyms.Contains(word.Trim('(', ')', ',', '.', ':')) || word.Any(char.IsDigit) ? word
                : i > 0 && Small.Contains(word) ? word.ToLowerInvariant()
                : Capitalise(word);
        }

        return string.Join(' ', words);
    }

    // "WOMEN'S" → "Women's", "ST.HELENS" → "St.Helens", "HEALTH-CARE" → "Health-Care".
    private static string Capitalise(string word)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        var start = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                if (start)
                {
                    chars[i] = char.ToUpperInvariant(chars[i]);
                }

                start = false;
            }
            else if (chars[i] is '-' or '.' or '(' or '/')
            {
                start = true;
            }
        }

        return new string(chars);
    }
}
