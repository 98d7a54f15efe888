using Forecast.Domain.Advertisers;
using Forecast.Infrastructure.Persistence.Schema;
using Forecast.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class AuctionOutcomeConfiguration : IEntityTypeConfiguration<AuctionOutcome>
{
    public void Configure(EntityTypeBuilder<AuctionOutcome> builder)
    {
        builder.HasKey(auction => new { auction.TenantId, auction.AuctionId });
        builder.Property(auction => auction.AuctionId).HasMaxLength(128);
        builder.Property(auction => auction.Bid).HasPrecision(18, 6);
        builder.Property(auction => auction.MarketPrice).HasPrecision(18, 6);
        builder.HasIndex(auction => new { auction.TenantId, auction.ScenarioId, auction.OccurredAt });
        builder.HasOne<Scenario>().WithMany()
            .HasForeignKey(auction => new { auction.TenantId, auction.ScenarioId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Advertiser>().WithMany()
            .HasForeignKey(auction => new { auction.TenantId, auction.AdvertiserId }).OnDelete(DeleteBehavior.Cascade);
    }
}
