using CsvHelper;
using StaffDataPipeline.Csv.Writing;

namespace StaffDataPipeline.Csv.ReferenceData;

/// <summary>
/// Adds and removes lines of the workforce team's title-overrides.csv, rewriting the file whole through a temporary
/// file so that the change reviews as a diff of one line. Which titles are the same is the caller's to say (as the
/// rules see them, after normalising); whether the result is valid is checked by loading the folder again.
/// </summary>
public static class TitleOverridesFile
{
    private static readonly string[] Columns = ["title", "role_code", "note"];

    /// <summary>Sets the role of <paramref name="title"/>: replaces the line of the same title, or appends one. Returns true when it replaced.</summary>
    public static bool Set(string path, string title, string roleCode, string note, Func<string, string> sameTitle)
    {
        ArgumentNullException.ThrowIfNull(sameTitle);
        if (title.TrimStart() is [ '=' or '+' or '-' or '@', ..])
        {
            throw new FormatException($"The title '{title}' begins with a character Excel reads as a formula; write it as the files show it, without the leading '{title.TrimStart()[0]}'.");
        }

        var lines = Read(path);
        var key = sameTitle(title);
        var index = lines.FindIndex(l => sameTitle(l[0]) == key);
        var line = new[] { title.Trim(), roleCode, note.Trim() };
        if (index >= 0)
        {
            lines[index] = line;
        }
        else
        {
            lines.Add(line);
        }

        Write(path, lines);
        return index >= 0;
    }

    /// <summary>Removes the line of <paramref name="title"/>; returns false when there was none.</summary>
    public static bool Remove(string path, string title, Func<string, string> sameTitle)
    {
        ArgumentNullException.ThrowIfNull(sameTitle);
        var lines = Read(path);
        var key = sameTitle(title);
        if (lines.RemoveAll(l => sameTitle(l[0]) == key) == 0)
        {
            return false;
        }

        Write(path, lines);
        return true;
    }

    private static List<string[]> Read(string path) =>
        File.Exists(path) ? [.. ReferenceTable.Read(path, Columns).Rows.Select(r => Columns.Select(c => r[c]).ToArray())] : [];

    private static void Write(string path, List<string[]> lines) => AtomicFile.Write(path, writer =>
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteRecord(Columns);
        foreach (var line in lines)
        {
            csv.WriteRecord(line);
        }

        return lines.Count;
    });
}
