using System.Security.Cryptography;
using System.Text;

namespace StaffDataPipeline.People;

/// <summary>
/// Replaces a person or assignment identifier with a keyed hash (HMAC-SHA256). Without the key nobody can
/// test a guessed identifier against the warehouse; with it, the same person gets the same key in every load.
/// </summary>
public sealed class PersonPseudonymiser
{
    public const int MinimumKeyBytes = 32;
    private const string KeyCheckLabel = "StaffDataPipeline pseudonymisation key check v1";
    private readonly byte[] _key;

    public PersonPseudonymiser(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The pseudonymisation key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
        KeyCheck = Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(KeyCheckLabel)))[..32];
    }

    /// <summary>
    /// An HMAC of a fixed label under the key: stored in the warehouse with its first data, so that a load under another
    /// key is refused. It identifies the key without revealing it, and is no help in guessing identifiers.
    /// </summary>
    public string KeyCheck { get; }

    /// <summary>128 bits of the HMAC as 32 hex characters: collision-free at any NHS scale and half the storage.</summary>
    public string Pseudonymise(string domain, string identifier)
    {
        var text = domain + ":" + identifier.Trim().ToUpperInvariant();
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, bytes, mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
