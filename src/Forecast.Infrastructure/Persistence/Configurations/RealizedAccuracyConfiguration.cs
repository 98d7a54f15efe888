using Forecast.Infrastructure.Persistence.Schema;
using Forecast.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class RealizedAccuracyConfiguration : IEntityTypeConfiguration<RealizedAccuracy>
{
    public void Configure(EntityTypeBuilder<RealizedAccuracy> builder)
    {
        builder.ToTable("realized_accuracy");
        builder.HasKey(accuracy => new { accuracy.TenantId, accuracy.ModelId, accuracy.AsOf, accuracy.ScenarioId, accuracy.Task });
        // Tenant-wide reads go by day range (GET /v1/accuracy, the chart, the drift rule's recent days).
        builder.HasIndex(accuracy => new { accuracy.TenantId, accuracy.AsOf });
        builder.Property(accuracy => accuracy.Task).HasMaxLength(16);
        // No key to the model: its accuracy history outlives the pruning of its artifact row.
        builder.HasOne<Scenario>().WithMany()
            .HasForeignKey(accuracy => new { accuracy.TenantId, accuracy.ScenarioId }).OnDelete(DeleteBehavior.Cascade);
    }
}
