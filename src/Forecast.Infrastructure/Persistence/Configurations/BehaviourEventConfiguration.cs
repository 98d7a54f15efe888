using Forecast.Domain.Advertisers;
using Forecast.Infrastructure.Persistence.Schema;
using Forecast.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forecast.Infrastructure.Persistence.Configurations;

internal sealed class BehaviourEventConfiguration : IEntityTypeConfiguration<BehaviourEvent>
{
    public void Configure(EntityTypeBuilder<BehaviourEvent> builder)
    {
        builder.HasKey(behaviour => new { behaviour.TenantId, behaviour.Id });
        builder.Property(behaviour => behaviour.Id).UseIdentityAlwaysColumn();
        builder.Property(behaviour => behaviour.EventType).HasMaxLength(128);
        // The natural key makes a replayed event the same event; an event without scenario is one value of the key.
        builder.HasIndex(behaviour => new
            {
                behaviour.TenantId, behaviour.AdvertiserId, behaviour.EventType, behaviour.OccurredAt, behaviour.ScenarioId,
            })
            .IsUnique()
            .AreNullsDistinct(false)
            .HasDatabaseName("ux_behaviour_events_natural_key");
        builder.HasOne<Advertiser>().WithMany()
            .HasForeignKey(behaviour => new { behaviour.TenantId, behaviour.AdvertiserId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Scenario>().WithMany()
            .HasForeignKey(behaviour => new { behaviour.TenantId, behaviour.ScenarioId }).OnDelete(DeleteBehavior.Cascade);
    }
}
