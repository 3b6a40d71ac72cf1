using System.Security.Cryptography;
using System.Text;

namespace Search.Api;

/// <summary>Compares a key a request carries with the configured one in constant time.</summary>
internal static class SecretKey
{
    /// <summary>True when <paramref name="given"/> is <paramref name="expected"/>.</summary>
    /// <remarks>
    /// Both are hashed first: hashes have one length, so <see cref="CryptographicOperations.FixedTimeEquals"/> takes
    /// the same time whatever the key, the guess and their lengths.
    /// </remarks>
    public static bool Matches(string expected, string? given)
    {
        var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(given ?? string.Empty));
        return CryptographicOperations.FixedTimeEquals(wanted, actual);
    }
}
