using Forecast.Domain.Advertisers;
using Forecast.Infrastructure.Persistence.Schema;
using Forecast.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class AdStatConfiguration : IEntityTypeConfiguration<AdStat>
{
    public void Configure(EntityTypeBuilder<AdStat> builder)
    {
        builder.HasKey(stat => new { stat.TenantId, stat.AdvertiserId, stat.ScenarioId, stat.BucketStart, stat.Context });
        builder.Property(stat => stat.Context).HasColumnType("jsonb");
        // An advertiser's latest rows across scenarios, for the delivery history a bid estimate reads.
        builder.HasIndex(stat => new { stat.TenantId, stat.AdvertiserId, stat.BucketStart });
        builder.Property(stat => stat.Cost).HasPrecision(18, 4);
        builder.HasOne<Advertiser>().WithMany()
            .HasForeignKey(stat => new { stat.TenantId, stat.AdvertiserId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Scenario>().WithMany()
            .HasForeignKey(stat => new { stat.TenantId, stat.ScenarioId }).OnDelete(DeleteBehavior.Cascade);
    }
}
