namespace Forecast.Api.Authentication;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string TenantClaim = "tenant_id";
    public const string AdminRole = "admin";

    public const string TenantPolicy = "tenant";
    public const string AdminPolicy = "admin";
}
