using Forecast.Domain.Advertisers;
using Forecast.Infrastructure.Persistence.Schema;
using Forecast.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class DailyMetricConfiguration : IEntityTypeConfiguration<DailyMetric>
{
    public void Configure(EntityTypeBuilder<DailyMetric> builder)
    {
        builder.HasKey(metric => new { metric.TenantId, metric.AdvertiserId, metric.ScenarioId, metric.Date });
        builder.Property(metric => metric.Spend).HasPrecision(18, 4);
        // The tenant's latest day (the as-of date of every forecast) is read on each forecast request.
        builder.HasIndex(metric => new { metric.TenantId, metric.Date });
        builder.HasOne<Advertiser>().WithMany()
            .HasForeignKey(metric => new { metric.TenantId, metric.AdvertiserId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Scenario>().WithMany()
            .HasForeignKey(metric => new { metric.TenantId, metric.ScenarioId }).OnDelete(DeleteBehavior.Cascade);
    }
}
