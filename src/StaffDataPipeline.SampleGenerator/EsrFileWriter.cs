using CsvHelper;

namespace StaffDataPipeline.SampleGenerator;

/// <summary>Writes rows in a style, streaming, so that a national-size file needs no more memory than a small one.</summary>
public static class EsrFileWriter
{
    public static void Write(string path, EsrStyle style, IEnumerable<SampleRow> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var text = new StreamWriter(path, false, style.Encoding, 1 << 16);
        using var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { NewLine = style.NewLine }, leaveOpen: false);
        csv.WriteRecord(style.Columns.Select(c => c.Header).ToArray());
        var values = new string[style.Columns.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = style.Columns[i].Value(row);
            }

            csv.WriteRecord(values);
        }
    }
}
