using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Forecast.Domain.Tenants;

/// <summary>
/// A tenant's API key. Only a SHA-256 hash of the key is kept: keys carry 256 random bits, so a fast hash cannot be
/// brute-forced, and a fast hash lets every request be authenticated with one index lookup.
/// </summary>
public sealed class ApiKey
{
    public const string Prefix = "fk_";

    private ApiKey(Guid tenantId, Guid id, string label, byte[] hash, string hint, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        ExpiresAt = expiresAt;
        TenantId = tenantId;
        Id = id;
        Label = label;
        Hash = hash;
        Hint = hint;
        CreatedAt = createdAt;
    }

    public Guid TenantId { get; private set; }

    public Guid Id { get; private set; }

    public string Label { get; private set; }

    public byte[] Hash { get; private set; }

    /// <summary>The first characters of the key, so an operator can tell keys apart without holding them.</summary>
    public string Hint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>When the key stops working by itself (none: until revoked).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When a request last used the key, to within the resolver's cache lifetime.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Issues a new random key; the plain key is returned once and never stored.</summary>
    public static (ApiKey Key, string PlainKey) Issue(Guid tenantId, string label, DateTimeOffset now, DateTimeOffset? expiresAt = null)
    {
        var plainKey = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (Register(tenantId, label, plainKey, now, expiresAt), plainKey);
    }

    /// <summary>Registers a key chosen elsewhere (the embedded demo set-up keeps its key across restarts).</summary>
    public static ApiKey Register(Guid tenantId, string label, string plainKey, DateTimeOffset now, DateTimeOffset? expiresAt = null) =>
        new(tenantId, Guid.CreateVersion7(now), label.Trim(), HashOf(plainKey), plainKey[..Math.Min(8, plainKey.Length)], now, expiresAt);

    public static byte[] HashOf(string plainKey) => SHA256.HashData(Encoding.UTF8.GetBytes(plainKey));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
