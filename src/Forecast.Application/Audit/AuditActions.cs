namespace Forecast.Application.Audit;

/// <summary>The administrative actions the audit trail records, and who can take them.</summary>
public static class AuditActions
{
    public const string TenantCreated = "tenant.created";
    public const string ApiKeyIssued = "api_key.issued";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string ModelPromoted = "model.promoted";
    public const string ModelRolledBack = "model.rolled_back";
    public const string RetrainingPolicySet = "retraining_policy.set";
    public const string AdvertiserRowsDeleted = "advertiser.rows_deleted";
    public const string AdvertiserErased = "advertiser.erased";

    /// <summary>The operator's admin key.</summary>
    public const string Admin = "admin";

    /// <summary>The tenant's own key (promotion or rollback by hand).</summary>
    public const string Tenant = "tenant";

    /// <summary>A training run whose champion gate promoted its model.</summary>
    public const string Trainer = "trainer";
}
