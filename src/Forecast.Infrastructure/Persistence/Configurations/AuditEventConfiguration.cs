using Forecast.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(audit => audit.Id);
        builder.HasIndex(audit => audit.OccurredAt);
        builder.HasIndex(audit => new { audit.TenantId, audit.OccurredAt });
        builder.Property(audit => audit.Actor).HasMaxLength(20);
        builder.Property(audit => audit.Action).HasMaxLength(40);
        builder.Property(audit => audit.Subject).HasMaxLength(300);
    }
}
