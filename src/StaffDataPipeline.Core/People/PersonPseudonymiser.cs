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
    [ThreadStatic]
    private static PersonPseudonymiser? t_owner;

    [ThreadStatic]
    private static IncrementalHash? t_hmac;

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
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(identifier);

        // The text hashed is "domain:IDENTIFIER" (trimmed, upper case), built on the stack: this runs twice a stored row.
        var id = identifier.AsSpan().Trim();
        var length = domain.Length + 1 + id.Length;
        Span<char> text = length <= 256 ? stackalloc char[length] : new char[length];
        domain.CopyTo(text);
        text[domain.Length] = ':';
        id.ToUpperInvariant(text[(domain.Length + 1)..]);
        Span<byte> bytes = length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(length)] : new byte[Encoding.UTF8.GetMaxByteCount(length)];
        var written = Encoding.UTF8.GetBytes(text, bytes);

        Span<byte> mac = stackalloc byte[32];
        var hmac = Hmac();
        hmac.AppendData(bytes[..written]);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    /// <summary>
    /// This thread's HMAC under this key. Reusing one keeps the key schedule computed once, which a one-shot HMAC
    /// redoes every call (about half its cost); an IncrementalHash is not thread-safe, hence one per thread.
    /// </summary>
    private IncrementalHash Hmac()
    {
        if (!ReferenceEquals(t_owner, this) || t_hmac is null)
        {
            t_hmac?.Dispose();
            t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
            t_owner = this;
        }

        return t_hmac;
    }
}
