using CsvHelper;

namespace StaffDataPipeline.Csv.ReferenceData;

/// <summary>
/// A reference data CSV read as named columns with line numbers, so every validation error can say "file, line N".
/// Lines starting with # are comments.
/// </summary>
internal sealed class ReferenceTable
{
    private ReferenceTable(string path, IReadOnlyList<ReferenceRow> rows)
    {
        Path = path;
        Rows = rows;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public IReadOnlyList<ReferenceRow> Rows { get; }

    public static ReferenceTable Read(string path, params string[] requiredColumns)
    {
        if (!File.Exists(path))
        {
            throw new StaffDataPipeline.ReferenceData.ReferenceDataException(System.IO.Path.GetFileName(path), 0, "the file is missing.");
        }

        var file = System.IO.Path.GetFileName(path);
        using var reader = CsvFiles.OpenReader(path, null, referenceData: true);
        var rows = new List<ReferenceRow>();
        try
        {
            var header = reader.Headers.Select(h => CsvFiles.CleanHeader(h).ToLowerInvariant()).ToArray();
            foreach (var required in requiredColumns)
            {
                if (!header.Contains(required))
                {
                    throw new StaffDataPipeline.ReferenceData.ReferenceDataException(file, 1, $"the header has no '{required}' column (expected: {string.Join(", ", requiredColumns)}).");
                }
            }

            while (reader.Read())
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    values[header[i]] = i < reader.FieldCount ? reader.GetString(i).Trim() : string.Empty;
                }

                if (values.Values.All(v => v.Length == 0))
                {
                    continue;
                }

                rows.Add(new ReferenceRow(file, reader.LineNumber, values));
            }
        }
        catch (CsvFormatException ex)
        {
            throw new StaffDataPipeline.ReferenceData.ReferenceDataException(file, (int)ex.LineNumber, "the CSV cannot be parsed (check for an unclosed quote).");
        }

        return new ReferenceTable(path, rows);
    }
}

/// <summary>One data line of a reference file.</summary>
internal sealed record ReferenceRow(string File, long Line, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values.TryGetValue(column, out var v) ? v : string.Empty;

    public StaffDataPipeline.ReferenceData.ReferenceDataException Error(string message) => new(File, (int)Line, message);
}
