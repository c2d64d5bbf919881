namespace StaffDataPipeline.Service.Inbox;

/// <summary>Moves a file into a folder without ever overwriting: a name already there gets " (2)", " (3)"… before its extension.</summary>
public static class FileMover
{
    public static string MoveUnique(string source, string folder, params string[] companionSuffixes)
    {
        Directory.CreateDirectory(folder);
        var name = Path.GetFileNameWithoutExtension(source);
        var extension = Path.GetExtension(source);
        for (var n = 1; n < 10_000; n++)
        {
            var candidate = Path.Combine(folder, n == 1 ? name + extension : $"{name} ({n}){extension}");

            // A report beside an earlier file of the same name must not be overwritten either.
            if (File.Exists(candidate) || companionSuffixes.Any(s => File.Exists(candidate + s)))
            {
                continue;
            }

            try
            {
                // On one volume a rename: atomic, and it fails rather than overwrite if another node got there first.
                File.Move(source, candidate, overwrite: false);
                return candidate;
            }
            catch (IOException) when (File.Exists(candidate) && File.Exists(source))
            {
                // Taken between the check and the move: try the next name.
            }
        }

        throw new IOException($"No free name for {Path.GetFileName(source)} in {folder}.");
    }
}
