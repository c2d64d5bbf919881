using System.Security.Cryptography;

namespace StaffDataPipeline.People;

/// <summary>
/// Finds the pseudonymisation key: configured (base64) wins; else a key file; else, on first run, a new random
/// key is written to the key file, readable by its owner only. The key never lives in the repository or the warehouse.
/// </summary>
public sealed class PseudonymisationKeySource
{
    private readonly Func<int, byte[]> _randomBytes;

    public PseudonymisationKeySource(Func<int, byte[]>? randomBytes = null) =>
        _randomBytes = randomBytes ?? RandomNumberGenerator.GetBytes;

    public static string DefaultKeyFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "staffdata", "pseudonymisation.key");

    public (byte[] Key, string Origin) Resolve(string? configuredBase64, string? keyFile) =>
        Find(configuredBase64, keyFile) ?? Create(keyFile);

    /// <summary>The configured key, else the key file's; null when there is neither. Never creates anything.</summary>
    public static (byte[] Key, string Origin)? Find(string? configuredBase64, string? keyFile)
    {
        if (!string.IsNullOrWhiteSpace(configuredBase64))
        {
            return (Decode(configuredBase64, "the configured key (Pseudonymisation:Key)"), "configuration (Pseudonymisation:Key)");
        }

        var path = KeyFilePath(keyFile);
        return File.Exists(path) ? (Decode(File.ReadAllText(path), $"the key file {path}"), path) : null;
    }

    public static string KeyFilePath(string? keyFile) => string.IsNullOrWhiteSpace(keyFile) ? DefaultKeyFile : keyFile;

    /// <summary>Writes a new random key to the key file (owner-only permissions) and returns it.</summary>
    public (byte[] Key, string Origin) Create(string? keyFile)
    {
        var path = KeyFilePath(keyFile);
        var key = _randomBytes(PersonPseudonymiser.MinimumKeyBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (key, path + " (created)");
    }

    private static byte[] Decode(string base64, string where)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{where} is not valid base64.");
        }

        return key.Length >= PersonPseudonymiser.MinimumKeyBytes
            ? key
            : throw new InvalidOperationException($"{where} holds {key.Length} bytes; at least {PersonPseudonymiser.MinimumKeyBytes} are needed.");
    }
}
