using System.Security.Cryptography;

namespace StaffDataPipeline.Service.Inbox;

/// <summary>
/// The bytes a load read (its batch's hash), checked again once the file has been moved: on Linux a writer that still holds the
/// file open keeps appending to it after the move, and what it adds must be loaded, not left in processed/.
/// </summary>
public static class TakenVersion
{
    /// <summary>The file's SHA-256, or null when it cannot be read now (then nothing is compared).</summary>
    private static string? HashOf(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool ChangedSince(string path, string? hashLoaded) =>
        hashLoaded is not null && HashOf(path) is { } now && !string.Equals(now, hashLoaded, StringComparison.Ordinal);

    /// <summary>Moves the file back into the inbox (never over another file); null when it cannot be moved, and it stays where it is.</summary>
    public static string? PutBack(string moved, string inbox)
    {
        try
        {
            return FileMover.MoveUnique(moved, inbox);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
