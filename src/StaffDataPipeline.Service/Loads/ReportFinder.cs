using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using StaffDataPipeline.Service.Inbox;
using StaffDataPipeline.Service.Settings;
using StaffDataPipeline.Warehouse;

namespace StaffDataPipeline.Service.Loads;

/// <summary>The report (and errors file) the inbox wrote beside a batch's file, found by the file's name and its bytes.</summary>
public sealed record FoundReport(string Report, string? Errors);

/// <summary>
/// Finds the report of a batch in the configured rejected/ and processed/yyyy-MM/ folders, and nowhere else: a request
/// names a batch, never a path. A file is the batch's when its name is the batch's (or that name with " (2)" the move
/// added) and its bytes hash to the batch's SHA-256 (the inbox moves exactly the bytes it loaded, or puts the file
/// back). Hashes are kept per file version, so a file is read once however often the page is opened.
/// </summary>
public sealed partial class ReportFinder
{
    private readonly WatchSettings _watch;
    private readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> _hashes = new();

    public ReportFinder(WatchSettings watch) => _watch = watch;

    private IEnumerable<string> Folders
    {
        get
        {
            yield return _watch.ResolvedRejectedPath;
            if (Directory.Exists(_watch.ResolvedProcessedPath))
            {
                foreach (var month in Directory.EnumerateDirectories(_watch.ResolvedProcessedPath))
                {
                    yield return month;
                }
            }
        }
    }

    public FoundReport? Find(RecentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var folder in Folders.Where(Directory.Exists))
        {
            foreach (var report in Directory.EnumerateFiles(folder, "*" + FileReport.ReportSuffix))
            {
                var data = report[..^FileReport.ReportSuffix.Length];
                if (!SameName(Path.GetFileName(data), batch.FileName) || !IsPlainFileInside(report, folder) || !IsPlainFileInside(data, folder)
                    || !string.Equals(HashOf(data), batch.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var errors = data + FileReport.ErrorsSuffix;
                return new FoundReport(report, IsPlainFileInside(errors, folder) ? errors : null);
            }
        }

        return null;
    }

    /// <summary>"RGT_2024-05 (2).csv" is the name the move gave a second "RGT_2024-05.csv".</summary>
    private static bool SameName(string moved, string original) =>
        string.Equals(moved, original, StringComparison.OrdinalIgnoreCase)
        || string.Equals(CopyNumber().Replace(Path.GetFileNameWithoutExtension(moved), string.Empty) + Path.GetExtension(moved), original, StringComparison.OrdinalIgnoreCase);

    /// <summary>A regular file directly in the folder: not a link that leads elsewhere.</summary>
    private static bool IsPlainFileInside(string path, string folder)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null
            && string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
    }

    private string? HashOf(string path)
    {
        var info = new FileInfo(path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        if (_hashes.TryGetValue(key, out var known))
        {
            return known;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return _hashes[key] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@" \([0-9]+\)$", RegexOptions.CultureInvariant)]
    private static partial Regex CopyNumber();
}
