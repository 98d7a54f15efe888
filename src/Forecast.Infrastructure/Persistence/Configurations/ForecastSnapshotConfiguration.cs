using Forecast.Domain.Advertisers;
using Forecast.Infrastructure.Persistence.Schema;
using Forecast.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class ForecastSnapshotConfiguration : IEntityTypeConfiguration<ForecastSnapshot>
{
    public void Configure(EntityTypeBuilder<ForecastSnapshot> builder)
    {
        builder.ToTable("forecast_snapshots");
        // Evaluation reads one model's snapshots of one day; retention deletes by day.
        builder.HasKey(snapshot => new { snapshot.TenantId, snapshot.ModelId, snapshot.AsOf, snapshot.AdvertiserId, snapshot.ScenarioId });
        // "The forecast issued for this advertiser on that day" reads by advertiser and day, whatever the model.
        builder.HasIndex(snapshot => new { snapshot.TenantId, snapshot.AdvertiserId, snapshot.AsOf });
        // Each scoring run looks for the recent days whose horizon has arrived, and retention deletes the oldest days.
        builder.HasIndex(snapshot => new { snapshot.TenantId, snapshot.AsOf });
        builder.Property(snapshot => snapshot.Tasks).HasColumnType("jsonb");
        builder.HasOne<Advertiser>().WithMany()
            .HasForeignKey(snapshot => new { snapshot.TenantId, snapshot.AdvertiserId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Scenario>().WithMany()
            .HasForeignKey(snapshot => new { snapshot.TenantId, snapshot.ScenarioId }).OnDelete(DeleteBehavior.Cascade);
    }
}
