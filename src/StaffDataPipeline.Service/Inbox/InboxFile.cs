using System.Security.Cryptography;
using System.Text;

namespace StaffDataPipeline.Service.Inbox;

/// <summary>
/// A file in the watched folder as it was when it settled. The key names this version of the file: a burst of events
/// for one file gives one key, and a corrected file dropped under the same name gives a new one.
/// </summary>
public sealed record InboxFile(string Path, long Length, long LastWriteTicks)
{
    public string Name => System.IO.Path.GetFileName(Path);

    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Path}|{Length}|{LastWriteTicks}")))[..32];

    public static InboxFile Of(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new InboxFile(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks);
    }

    /// <summary>True when the file on disk is still this version (same size and last-write time).</summary>
    public bool IsUnchanged()
    {
        var now = new FileInfo(Path);
        return now.Exists && now.Length == Length && now.LastWriteTimeUtc.Ticks == LastWriteTicks;
    }
}
