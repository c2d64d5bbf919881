using StaffDataPipeline.Pipeline;

namespace StaffDataPipeline.Service.Inbox;

/// <summary>
/// Reads the watched folder: its files and those of its accept/ subfolder (no other subfolder), without the lock,
/// temporary and hidden files the team's tools leave.
/// </summary>
public static class InboxFolder
{
    /// <summary>The subfolder for a file the team has looked at and wants loaded although far smaller than what it replaces.</summary>
    public const string AcceptFolder = "accept";

    /// <summary>True for a file in the accept/ subfolder: it is loaded with the volume guard off.</summary>
    public static bool IsAccepted(string path) =>
        string.Equals(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))), AcceptFolder, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<InboxFile> Scan(string folder)
    {
        var files = new List<InboxFile>();
        foreach (var path in PathsIn(folder))
        {
            if (SourcePaths.SkipReason(path) is not null)
            {
                continue;
            }

            var info = new FileInfo(path);
            if (info.Exists && !info.Attributes.HasFlag(FileAttributes.Directory))
            {
                files.Add(InboxFile.Of(info));
            }
        }

        return files;
    }

    /// <summary>
    /// Files of a kind no load reads (an archive, a document) in the folder and its accept/ subfolder. A name with no
    /// extension at all is left alone, as it always was: nothing says it was meant as a return.
    /// </summary>
    public static IReadOnlyList<InboxFile> OtherKinds(string folder) =>
        [.. PathsIn(folder).Where(p => Path.HasExtension(p) && SourcePaths.OtherKindReason(p) is not null)
            .Select(p => new FileInfo(p)).Where(f => f.Exists).Select(InboxFile.Of)];

    // The folder's files and its accept/ subfolder's (no other subfolder), in a stable order.
    private static IEnumerable<string> PathsIn(string folder)
    {
        var accept = Path.Combine(folder, AcceptFolder);
        return Directory.EnumerateFiles(folder).Concat(Directory.Exists(accept) ? Directory.EnumerateFiles(accept) : []).Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// True when no other program holds the file open for writing: it opens with no sharing (on Linux, no other
    /// process holds a lock on it; on Windows, no one has it open). A copy still in progress fails this check.
    /// </summary>
    public static bool OpensExclusively(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
