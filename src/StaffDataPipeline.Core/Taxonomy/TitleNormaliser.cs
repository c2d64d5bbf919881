namespace StaffDataPipeline.Taxonomy;

/// <summary>
/// Folds a job title and rewrites its words through reference-data/title-synonyms.csv, so that
/// "Snr Genetic Counselor" and "Senior genetic counsellor" read the same to the rules.
/// </summary>
public sealed class TitleNormaliser
{
    private readonly Dictionary<string, string> _synonyms;

    public TitleNormaliser(IEnumerable<KeyValuePair<string, string>> synonyms)
    {
        _synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, replacement) in synonyms)
        {
            _synonyms[TitleText.Fold(word)] = TitleText.Fold(replacement);
        }
    }

    public string Normalise(string? title)
    {
        var folded = TitleText.Fold(title);
        if (folded.Length == 0 || _synonyms.Count == 0)
        {
            return folded;
        }

        var words = folded.Split(' ');
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            if (_synonyms.TryGetValue(words[i], out var replacement))
            {
                words[i] = replacement;
                changed = true;
            }
        }

        return changed ? string.Join(' ', words.Where(w => w.Length > 0)) : folded;
    }
}
