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
    private readonly byte[] _key;

    public PersonPseudonymiser(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The pseudonymisation key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

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
