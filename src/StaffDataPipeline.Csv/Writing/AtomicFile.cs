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
            T result;
            using (var writer = new StreamWriter(temporary, false, new System.Text.UTF8Encoding(true)))
            {
                result = write(writer);
            }

            File.Move(temporary, full, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
