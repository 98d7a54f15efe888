using Forecast.Domain.Scenarios;
using Forecast.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.HasKey(scenario => new { scenario.TenantId, scenario.Id });
        builder.Property(scenario => scenario.Id).UseIdentityAlwaysColumn();
        // "C" collation: byte order, so keyset paging is stable and independent of the server's locale.
        builder.Property(scenario => scenario.Key).HasMaxLength(128).UseCollation("C");
        builder.HasIndex(scenario => new { scenario.TenantId, scenario.Key }).IsUnique();
        builder.Property(scenario => scenario.Name).HasMaxLength(200);
        builder.Property(scenario => scenario.Attributes).HasJsonbAttributeMap();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(scenario => scenario.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
