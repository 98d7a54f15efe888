using Forecast.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasKey(tenant => tenant.Id);
        builder.Property(tenant => tenant.Name).HasMaxLength(200);
        builder.Property(tenant => tenant.RetrainingMode).HasConversion<string>().HasMaxLength(16).HasDefaultValue(RetrainingPolicy.Default.Mode);
        builder.Property(tenant => tenant.RetrainEveryDays).HasDefaultValue(RetrainingPolicy.Default.EveryDays);
        builder.Property(tenant => tenant.RetrainCron).HasMaxLength(100);
        builder.Ignore(tenant => tenant.Retraining);
    }
}
