namespace StaffDataPipeline.Csv.Writing;

/// <summary>
/// Writes a file through a temporary file beside it and a rename, so that a failure part-way never leaves a
/// truncated file where a complete one was expected, and an existing file is replaced only by a complete one.
/// </summary>
public static class AtomicFile
{
    public static T Write<T>(string path, Func<TextWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var result = default(T)!;
        WriteBytes(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(true), leaveOpen: true);
            result = write(writer);
        });
        return result;
    }

    /// <summary>The same for a binary file (a workbook, a page): written, flushed to disk, then renamed into place.</summary>
    public static void WriteBytes(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot write {path}: the folder {folder} does not exist.");
        }

        if (Directory.Exists(full))
        {
            throw new IOException($"Cannot write {path}: it is a folder.");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
