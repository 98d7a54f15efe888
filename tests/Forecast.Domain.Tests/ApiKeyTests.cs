using Forecast.Domain.Tenants;

namespace Forecast.Domain.Tests;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_issued_key_is_stored_only_as_its_hash()
    {
        var (key, plainKey) = ApiKey.Issue(Guid.NewGuid(), "dashboard", Now);

        Assert.StartsWith(ApiKey.Prefix, plainKey);
        Assert.Equal(ApiKey.HashOf(plainKey), key.Hash);
        Assert.DoesNotContain(plainKey, System.Text.Encoding.UTF8.GetString(key.Hash));
        Assert.Equal(plainKey[..8], key.Hint);
    }

    [Fact]
    public void Two_issued_keys_differ()
    {
        var tenant = Guid.NewGuid();
        Assert.NotEqual(ApiKey.Issue(tenant, "a", Now).PlainKey, ApiKey.Issue(tenant, "a", Now).PlainKey);
    }

    [Fact]
    public void Revoking_keeps_the_first_revocation_time()
    {
        var (key, _) = ApiKey.Issue(Guid.NewGuid(), "dashboard", Now);
        key.Revoke(Now.AddHours(1));
        key.Revoke(Now.AddHours(2));

        Assert.True(key.IsRevoked);
        Assert.Equal(Now.AddHours(1), key.RevokedAt);
    }
}
