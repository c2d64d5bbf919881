namespace StaffDataPipeline.Headers;

/// <summary>
/// The documented alias list (reference-data/header-aliases.csv): which header spellings mean which field.
/// Two columns that are synonyms of one field (FTE and WTE): the alias earlier in the file is read and the other is
/// compared with it row by row. Columns that are different notations of one field (<see cref="FieldNotations"/>) are
/// alternatives, read in the order in which the file first lists each notation.
/// </summary>
public sealed class HeaderAliases
{
    private readonly Dictionary<string, (EsrField Field, int Rank)> _byFoldedAlias;
    private readonly Dictionary<EsrField, List<string>> _aliasesByField;
    private readonly Dictionary<EsrField, List<EsrField>> _preference = [];

    public HeaderAliases(IEnumerable<(EsrField Field, string Alias)> aliases)
    {
        _byFoldedAlias = new Dictionary<string, (EsrField, int)>(StringComparer.Ordinal);
        _aliasesByField = [];
        var rank = 0;
        foreach (var (field, alias) in aliases)
        {
            var group = FieldNotations.FieldOf(field);
            if (!_preference.TryGetValue(group, out var order))
            {
                _preference[group] = order = [];
            }

            if (!order.Contains(field))
            {
                order.Add(field);
            }

            var folded = HeaderName.Fold(alias);
            if (folded.Length == 0 || !_byFoldedAlias.TryAdd(folded, (field, rank++)))
            {
                continue;
            }

            if (!_aliasesByField.TryGetValue(field, out var list))
            {
                _aliasesByField[field] = list = [];
            }

            list.Add(alias);
        }
    }

    public IReadOnlyList<string> AliasesOf(EsrField field) =>
        _aliasesByField.TryGetValue(field, out var list) ? list : [];

    /// <summary>Matches a header row to fields. Column order does not matter; unknown columns are reported, not fatal.</summary>
    public HeaderMatch Match(IReadOnlyList<string> headers)
    {
        var chosen = new Dictionary<EsrField, (int Column, int Rank)>();
        var unknown = new List<string>();
        var personal = new List<string>();
        var personalNumbers = new List<int>();
        var duplicates = new List<DuplicateColumn>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().Trim('\uFEFF').Trim();
            if (!_byFoldedAlias.TryGetValue(HeaderName.Fold(header), out var hit))
            {
                if (header.Length > 0)
                {
                    // A header row that swallowed a data row (a lost line break) would show personal values here.
                    unknown.Add(LooksLikeData(header) ? $"column {i + 1} (its heading looks like data, so it is not shown)" : header);
                }

                continue;
            }

            if (hit.Field == EsrField.Personal)
            {
                personal.Add(header);
                personalNumbers.Add(i);
                continue;
            }

            if (chosen.TryGetValue(hit.Field, out var existing))
            {
                if (hit.Rank < existing.Rank)
                {
                    duplicates.Add(new DuplicateColumn(hit.Field, i, header, existing.Column, headers[existing.Column].Trim()));
                    chosen[hit.Field] = (i, hit.Rank);
                }
                else
                {
                    duplicates.Add(new DuplicateColumn(hit.Field, existing.Column, headers[existing.Column].Trim(), i, header));
                }

                continue;
            }

            chosen[hit.Field] = (i, hit.Rank);
        }

        var columns = chosen.ToDictionary(kv => kv.Key, kv => kv.Value.Column);
        return new HeaderMatch(columns, unknown, personal, duplicates)
        {
            PersonalColumnNumbers = personalNumbers,
            Preferences = _preference.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<EsrField>)kv.Value.Where(columns.ContainsKey).ToList()),
        };
    }

    // Headings are words; values with digits, an @ or a comma ("Surname, Forename") are not shown.
    private static bool LooksLikeData(string header) => header.Length > 60 || header.Any(c => char.IsDigit(c) || c is '@' or ',');
}
