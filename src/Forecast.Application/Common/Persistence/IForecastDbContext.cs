using Forecast.Domain.Advertisers;
using Forecast.Domain.Audit;
using Forecast.Domain.Registry;
using Forecast.Domain.Scenarios;
using Forecast.Domain.Tenants;
using Forecast.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Common.Persistence;

/// <summary>
/// The unit of work over the reference data (tenants, keys, advertisers, scenarios). Handlers query it with LINQ
/// directly: repositories over EF would only rename its methods (docs/decisions/002). Fact tables are written in bulk
/// through <see cref="Ingestion.IBatchIngestor"/> instead.
/// </summary>
public interface IForecastDbContext
{
    DbSet<Tenant> Tenants { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<Scenario> Scenarios { get; }

    DbSet<Advertiser> Advertisers { get; }

    DbSet<RegisteredModel> Models { get; }

    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<WebhookSubscription> Webhooks { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one database transaction: all its saves commit together or none does.</summary>
    Task InTransactionAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken);
}
