using System.Security.Cryptography;
using System.Text;

namespace Forecast.Api.Authentication;

/// <summary>The operator's key for tenant administration; without one, admin endpoints refuse every request.</summary>
public sealed class AdminOptions
{
    public const string Section = "Forecast";

    public string? AdminKey { get; set; }

    /// <summary>
    /// Whether a presented key is the admin key, in time independent of where they differ and of their lengths (both
    /// are hashed first).
    /// </summary>
    public bool IsAdminKey(string presented) =>
        AdminKey is { Length: > 0 } adminKey
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(adminKey)));

    /// <summary>A stamp of the current admin key: an operator cookie issued under another key is no longer valid.</summary>
    public string KeyStamp() =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("operator-cookie:" + AdminKey)))[..16];
}
