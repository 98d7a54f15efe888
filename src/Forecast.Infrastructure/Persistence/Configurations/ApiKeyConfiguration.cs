using Forecast.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(key => new { key.TenantId, key.Id });
        builder.HasIndex(key => key.Hash).IsUnique();
        builder.Property(key => key.Label).HasMaxLength(100);
        builder.Property(key => key.Hint).HasMaxLength(8);
        builder.Ignore(key => key.IsRevoked);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(key => key.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
