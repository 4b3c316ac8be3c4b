using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Tickets;

namespace Okno.Channels;

internal sealed class ChannelAccountConfiguration : IEntityTypeConfiguration<ChannelAccount>
{
    public void Configure(EntityTypeBuilder<ChannelAccount> b)
    {
        b.ToTable("ChannelAccounts");
        b.Property(a => a.Kind).HasConversion<ChannelKindConverter>().HasMaxLength(ChannelKind.MaxLength);
        b.Property(a => a.Name).HasMaxLength(ChannelAccount.NameMaxLength);
        b.Property(a => a.LastError).HasMaxLength(ChannelAccount.ErrorMaxLength);
        b.Property(a => a.Cursor).HasMaxLength(2000);
        b.Ignore(a => a.Health);
        b.HasIndex(a => a.Name).IsUnique();
        // A deleted group leaves its accounts unrouted rather than blocking the deletion.
        b.HasOne<Admin.Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ChannelDeliveryConfiguration : IEntityTypeConfiguration<ChannelDelivery>
{
    public void Configure(EntityTypeBuilder<ChannelDelivery> b)
    {
        b.ToTable("ChannelDeliveries");
        // One delivery per message: the save hook cannot queue a reply twice (notifications have none).
        b.HasIndex(d => d.MessageId).IsUnique();
        // One notification per (event, recipient, template), however often its event is handled.
        b.HasIndex(d => d.DedupeKey).IsUnique();
        // The outbox list of one ticket's mails, newest first.
        b.HasIndex(d => new { d.TicketId, d.Id });
        b.Property(d => d.Recipient).HasMaxLength(ChannelDelivery.RecipientMaxLength);
        b.Property(d => d.Subject).HasMaxLength(ChannelDelivery.SubjectMaxLength);
        b.Property(d => d.DedupeKey).HasMaxLength(ChannelDelivery.DedupeKeyMaxLength);
        // The queue reads pending rows by due time.
        b.HasIndex(d => new { d.Status, d.NextAttemptAt, d.Id });
        // The outbox list (newest first, by state).
        b.HasIndex(d => new { d.Status, d.Id });
        b.Property(d => d.LeaseToken).HasMaxLength(64).IsConcurrencyToken();
        b.Property(d => d.LastError).HasMaxLength(Message.DeliveryErrorMaxLength);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.FileContentType).HasMaxLength(255);
        b.Property(d => d.FileSha256).HasMaxLength(64);
        b.HasOne(d => d.Message).WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Ticket).WithMany().HasForeignKey(d => d.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChannelAccount>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InboundItemConfiguration : IEntityTypeConfiguration<InboundItem>
{
    public void Configure(EntityTypeBuilder<InboundItem> b)
    {
        b.ToTable("ChannelInboundItems");
        b.Property(i => i.ExternalId).HasMaxLength(InboundItem.ExternalIdMaxLength);
        b.Property(i => i.LeaseToken).HasMaxLength(64).IsConcurrencyToken();
        b.Property(i => i.LastError).HasMaxLength(InboundItem.ErrorMaxLength);
        // Redelivery of an item is a no-op: the second insert of (account, id) is refused.
        b.HasIndex(i => new { i.AccountId, i.ExternalId }).IsUnique();
        b.HasIndex(i => new { i.Status, i.NextAttemptAt, i.Id });
        // An account's items by state, newest first (the admin's review list).
        b.HasIndex(i => new { i.AccountId, i.Status, i.Id });
        // The per-sender rate limit counts a sender's recent items.
        b.HasIndex(i => new { i.AccountId, i.Sender, i.ReceivedAt });
        b.Property(i => i.Sender).HasMaxLength(InboundItem.SenderMaxLength);
        b.Property(i => i.Subject).HasMaxLength(InboundItem.SubjectMaxLength);
        b.HasOne<ChannelAccount>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
