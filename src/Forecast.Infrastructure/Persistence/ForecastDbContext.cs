using Forecast.Application.Common.Persistence;
using Forecast.Domain.Advertisers;
using Forecast.Domain.Audit;
using Forecast.Domain.Registry;
using Forecast.Domain.Scenarios;
using Forecast.Domain.Tenants;
using Forecast.Domain.Webhooks;
using Forecast.Infrastructure.Persistence.Schema;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Infrastructure.Persistence;

public sealed class ForecastDbContext(DbContextOptions<ForecastDbContext> options) : DbContext(options), IForecastDbContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Scenario> Scenarios => Set<Scenario>();

    public DbSet<Advertiser> Advertisers => Set<Advertiser>();

    public DbSet<RegisteredModel> Models => Set<RegisteredModel>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<WebhookSubscription> Webhooks => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<StoredForecast> Forecasts => Set<StoredForecast>();

    public DbSet<ForecastSnapshot> ForecastSnapshots => Set<ForecastSnapshot>();

    public DbSet<RealizedAccuracy> RealizedAccuracy => Set<RealizedAccuracy>();

    public DbSet<DailyMetric> DailyMetrics => Set<DailyMetric>();

    public DbSet<BehaviourEvent> BehaviourEvents => Set<BehaviourEvent>();

    public DbSet<AdStat> AdStats => Set<AdStat>();

    public DbSet<AuctionOutcome> AuctionOutcomes => Set<AuctionOutcome>();

    /// <remarks>
    /// Under the retrying execution strategy: a transaction that lost its connection is run again as a whole, never
    /// resumed halfway.
    /// </remarks>
    public Task InTransactionAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await Database.BeginTransactionAsync(token);
            await work(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ForecastDbContext).Assembly);
}
