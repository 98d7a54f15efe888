using Forecast.Domain.Tenants;
using Forecast.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhooks");
        builder.HasKey(webhook => new { webhook.TenantId, webhook.Id });
        builder.Property(webhook => webhook.Url).HasMaxLength(2048);
        builder.Property(webhook => webhook.Secret).HasMaxLength(100);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(webhook => webhook.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(delivery => new { delivery.TenantId, delivery.Id });
        // The log is read newest first per subscription.
        builder.HasIndex(delivery => new { delivery.TenantId, delivery.WebhookId, delivery.CreatedAt });
        builder.Property(delivery => delivery.Event).HasMaxLength(40);
        builder.Property(delivery => delivery.Status).HasMaxLength(16);
        builder.Property(delivery => delivery.LastError).HasMaxLength(500);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(delivery => new { delivery.TenantId, delivery.WebhookId }).OnDelete(DeleteBehavior.Cascade);
    }
}
