using Forecast.Domain.Registry;
using Forecast.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class RegisteredModelConfiguration : IEntityTypeConfiguration<RegisteredModel>
{
    public void Configure(EntityTypeBuilder<RegisteredModel> builder)
    {
        builder.ToTable("models");
        builder.HasKey(model => new { model.TenantId, model.Id });
        builder.Property(model => model.Kind).HasMaxLength(32);
        builder.Property(model => model.Architecture).HasMaxLength(32);
        builder.Property(model => model.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(model => model.DataFingerprint).HasMaxLength(64);
        builder.Property(model => model.HyperParameters).HasColumnType("jsonb");
        builder.Property(model => model.Metrics).HasColumnType("jsonb");
        builder.Property(model => model.DriftRetrainingJob).HasMaxLength(64);
        builder.HasIndex(model => new { model.TenantId, model.Kind, model.Version }).IsUnique();
        // One champion per tenant and kind, whatever the writers do.
        builder.HasIndex(model => new { model.TenantId, model.Kind })
            .IsUnique()
            .HasFilter("status = 'Champion'")
            .HasDatabaseName("ux_models_one_champion");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(model => model.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
