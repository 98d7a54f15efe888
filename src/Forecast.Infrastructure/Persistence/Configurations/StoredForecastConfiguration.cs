using Forecast.Domain.Advertisers;
using Forecast.Infrastructure.Persistence.Schema;
using Forecast.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class StoredForecastConfiguration : IEntityTypeConfiguration<StoredForecast>
{
    public void Configure(EntityTypeBuilder<StoredForecast> builder)
    {
        builder.ToTable("forecasts");
        builder.HasKey(forecast => new { forecast.TenantId, forecast.AdvertiserId, forecast.ScenarioId });
        builder.Property(forecast => forecast.Tasks).HasColumnType("jsonb");
        builder.HasOne<Advertiser>().WithMany()
            .HasForeignKey(forecast => new { forecast.TenantId, forecast.AdvertiserId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Scenario>().WithMany()
            .HasForeignKey(forecast => new { forecast.TenantId, forecast.ScenarioId }).OnDelete(DeleteBehavior.Cascade);
    }
}
