namespace StaffDataPipeline.Pipeline;

/// <summary>
/// Expands the files and folders given on a command line into files, in a stable order. Folders are walked without
/// following a symbolic link twice (a link loop ends), each real file is offered once, and files that are not
/// returns (Office and LibreOffice lock files, partial downloads, temporary and hidden files) are skipped with a reason.
/// </summary>
public static class SourcePaths
{
    private static readonly string[] Extensions = [".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods"];
    private static readonly string[] PartialExtensions = [".tmp", ".part", ".crdownload", ".partial", ".download"];

    public static IReadOnlyList<SourceEntry> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var entries = new List<SourceEntry>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                Walk(path, entries, seenFiles, seenFolders);
            }
            else if (seenFiles.Add(RealPath(path)))
            {
                // Named explicitly: always offered (a missing file is reported by the pipeline, not silently dropped). One
                // that is not there now was most likely mistyped: the report says so rather than "moved or deleted".
                entries.Add(new SourceEntry(path, null) { NotFound = DoesNotExist(path) });
            }
        }

        return entries;
    }

    /// <summary>
    /// True only when the file system says the path (a file or a folder) is not there: File.Exists is false for a file
    /// that cannot be reached (a folder on the way without search permission) too, and that file must fail as
    /// unreadable, not as mistyped.
    /// </summary>
    public static bool DoesNotExist(string path)
    {
        try
        {
            File.GetAttributes(path);
            return false;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Why a file in a folder is not a return to load, or null when it is one.</summary>
    public static string? SkipReason(string path) => PassingReason(path) ?? OtherKindReason(path);

    /// <summary>
    /// For a file of a kind no load reads (an archive, a document): why, else null. Unlike a lock file or a partial
    /// download, which go away on their own, such a file was sent by mistake and is worth saying so to its sender.
    /// </summary>
    public static string? OtherKindReason(string path)
    {
        if (PassingReason(path) is not null)
        {
            return null;
        }

        var extension = Path.GetExtension(Path.GetFileName(path));
        return Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? null : ArchiveReason(extension) ?? "not a .csv, .txt, .xlsx, .xlsm or .xls file";
    }

    // Lock files, partial downloads and hidden files: left by the team's tools, gone again on their own.
    private static string? PassingReason(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith("~$", StringComparison.Ordinal) || (name.StartsWith(".~lock.", StringComparison.Ordinal) && name.EndsWith('#')))
        {
            return "an Office or LibreOffice lock file (the workbook is open somewhere)";
        }

        if (PartialExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return "a temporary file or a partial download";
        }

        return name.StartsWith('.') || IsHidden(path) ? "a hidden file" : null;
    }

    /// <summary>A .gz, .zip or .7z: what holds the files meant, rather than being one.</summary>
    public static bool IsArchive(string path) => ArchiveReason(Path.GetExtension(path)) is not null;

    /// <summary>
    /// An archive is worth a line of its own where other files are passed over in silence: it most likely holds what
    /// was meant to be loaded, and a gzip file in particular is most likely an NHS ODS release, which is not loaded but imported.
    /// </summary>
    private static string? ArchiveReason(string extension) => extension.ToUpperInvariant() switch
    {
        ".GZ" => "a gzip-compressed file (an NHS ODS release is imported with `staffdata organisations import`, its successors file with `staffdata organisations successors`; unpack anything else and load what it holds)",
        ".ZIP" or ".7Z" => "an archive (unpack it and load the exports or workbooks it holds)",
        _ => null,
    };

    private static void Walk(string folder, List<SourceEntry> entries, HashSet<string> seenFiles, HashSet<string> seenFolders)
    {
        if (!seenFolders.Add(RealPath(folder)))
        {
            return;
        }

        string[] files, folders;
        try
        {
            files = Directory.GetFiles(folder);
            folders = Directory.GetDirectories(folder);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            entries.Add(new SourceEntry(folder, $"the folder cannot be read ({ex.GetType().Name})"));
            return;
        }

        Array.Sort(files, StringComparer.Ordinal);
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var reason = SkipReason(file);
            if (reason is not null)
            {
                // Other extensions are not worth a line each; lock files, partial and hidden files are.
                if (!reason.StartsWith("not a", StringComparison.Ordinal))
                {
                    entries.Add(new SourceEntry(file, reason));
                }
            }
            else if (seenFiles.Add(RealPath(file)))
            {
                entries.Add(new SourceEntry(file, null));
            }
        }

        foreach (var sub in folders)
        {
            if (Path.GetFileName(sub).StartsWith('.'))
            {
                continue;
            }

            Walk(sub, entries, seenFiles, seenFolders);
        }
    }

    private static bool IsHidden(string path)
    {
        try
        {
            return OperatingSystem.IsWindows() && File.GetAttributes(path).HasFlag(FileAttributes.Hidden);
        }
        catch (IOException)
        {
            return false;
        }
    }

    // The target of a link (followed to the end), so that two routes to one file or folder count once.
    private static string RealPath(string path)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            var full = Path.GetFullPath(info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path);
            var parent = Path.GetDirectoryName(full);
            return parent is null || parent == full ? full : Path.Combine(RealPath(parent), Path.GetFileName(full));
        }
        catch (IOException)
        {
            return Path.GetFullPath(path);
        }
    }
}

/// <summary>A file to offer to the pipeline, or one skipped with the reason.</summary>
public sealed record SourceEntry(string Path, string? SkipReason)
{
    /// <summary>Named on the command line (or in a job) and not there when the paths were expanded.</summary>
    public bool NotFound { get; init; }

    /// <summary>Neither skipped nor missing: a file the pipeline reads.</summary>
    public bool IsToRead => SkipReason is null && !NotFound;
}
