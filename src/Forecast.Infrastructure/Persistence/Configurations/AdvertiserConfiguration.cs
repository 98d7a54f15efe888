using Forecast.Domain.Advertisers;
using Forecast.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class AdvertiserConfiguration : IEntityTypeConfiguration<Advertiser>
{
    public void Configure(EntityTypeBuilder<Advertiser> builder)
    {
        builder.HasKey(advertiser => new { advertiser.TenantId, advertiser.Id });
        builder.Property(advertiser => advertiser.Id).UseIdentityAlwaysColumn();
        // "C" collation: byte order, so keyset paging is stable and independent of the server's locale.
        builder.Property(advertiser => advertiser.ExternalId).HasMaxLength(128).UseCollation("C");
        builder.HasIndex(advertiser => new { advertiser.TenantId, advertiser.ExternalId }).IsUnique();
        builder.Property(advertiser => advertiser.Name).HasMaxLength(200);
        builder.Property(advertiser => advertiser.Profile).HasJsonbAttributeMap();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(advertiser => advertiser.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
