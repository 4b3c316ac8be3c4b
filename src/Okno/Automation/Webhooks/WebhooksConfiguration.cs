using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Data;

namespace Okno.Automation.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("WebhookSubscriptions");
        b.Property(s => s.Name).HasMaxLength(WebhookSubscription.NameMaxLength);
        b.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        b.Property(s => s.SecretProtected).HasMaxLength(1000);
        b.Property(s => s.Events).HasMaxLength(200);
        b.Property(s => s.PauseReason).HasMaxLength(WebhookSubscription.PauseReasonMaxLength);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.Property(d => d.EventType).HasMaxLength(WebhookDelivery.EventTypeMaxLength);
        b.Property(d => d.DedupeKey).HasMaxLength(WebhookDelivery.DedupeKeyMaxLength);
        b.Property(d => d.LeaseToken).HasMaxLength(64);
        b.Property(d => d.LastError).HasMaxLength(WebhookDelivery.LastErrorMaxLength);
        b.Property(d => d.ResponseExcerpt).HasMaxLength(WebhookDelivery.ResponseExcerptMaxLength);
        // One delivery per (subscription, event or trigger run), however often its cause is handled.
        b.HasIndex(d => new { d.SubscriptionId, d.DedupeKey }).IsUnique();
        // The sender's scan of due rows.
        b.HasIndex(d => new { d.Status, d.NextAttemptAt, d.Id });
        // A subscription's deliveries, newest first, a page at a time.
        b.HasIndex(d => new { d.SubscriptionId, d.Id });
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookAllowedHostConfiguration : IEntityTypeConfiguration<WebhookAllowedHost>
{
    public void Configure(EntityTypeBuilder<WebhookAllowedHost> b)
    {
        b.ToTable("WebhookAllowedHosts");
        b.Property(h => h.Host).HasMaxLength(WebhookAllowedHost.HostMaxLength);
        b.HasIndex(h => h.Host).IsUnique();
    }
}

public static class WebhookData
{
    extension(OknoDb db)
    {
        public DbSet<WebhookSubscription> WebhookSubscriptions => db.Set<WebhookSubscription>();
        public DbSet<WebhookDelivery> WebhookDeliveries => db.Set<WebhookDelivery>();
        public DbSet<WebhookAllowedHost> WebhookAllowedHosts => db.Set<WebhookAllowedHost>();
    }
}
