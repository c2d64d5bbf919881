namespace StaffDataPipeline.Pipeline;

/// <summary>Expands the files and folders given on a command line into files, in a stable order.</summary>
public static class SourcePaths
{
    private static readonly string[] Extensions = [".csv", ".txt", ".xlsx", ".xlsm", ".xls"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
                    .OrderBy(f => f, StringComparer.Ordinal));
            }
            else
            {
                // A missing file is reported by the pipeline as a failed file, not silently dropped.
                files.Add(path);
            }
        }

        return files;
    }
}
