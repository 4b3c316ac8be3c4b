using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.Property(t => t.Subject).HasMaxLength(Ticket.SubjectMaxLength);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => t.Number).IsUnique();
        // Every list filters on one of these and pages newest-first by Id (keyset), so each index ends in Id.
        b.HasIndex(t => new { t.Status, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.Id });
        b.HasIndex(t => new { t.GroupId, t.Id });
        b.HasIndex(t => new { t.ContactId, t.Id });
        b.HasIndex(t => new { t.CompanyId, t.Id });
        b.HasIndex(t => new { t.UpdatedAt, t.Id });
        // An agent's list is a merge of ranges (each group, unrouted, assigned to them); these serve the
        // "last updated first" order within each range.
        b.HasIndex(t => new { t.GroupId, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.UpdatedAt, t.Id });
        b.HasIndex(t => t.MergedIntoId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Contact).WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Company).WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Group).WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Messages).WithOne(m => m.Ticket).HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.History).WithOne(e => e.Ticket).HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Tags).WithOne(tt => tt.Ticket).HasForeignKey(tt => tt.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketLinkConfiguration : IEntityTypeConfiguration<TicketLink>
{
    public void Configure(EntityTypeBuilder<TicketLink> b)
    {
        b.HasIndex(l => new { l.TicketId, l.OtherTicketId }).IsUnique();
        b.HasIndex(l => l.OtherTicketId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.OtherTicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Ignore(m => m.Author);
        b.HasIndex(m => new { m.TicketId, m.Id });
        b.HasMany(m => m.Attachments).WithOne(a => a.Message).HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(255);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.HasIndex(a => a.MessageId);
        b.HasIndex(a => a.Sha256);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.Property(e => e.Field).HasMaxLength(32);
        b.HasIndex(e => new { e.TicketId, e.TicketVersion }).IsUnique();
        b.HasOne(e => e.Message).WithMany().HasForeignKey(e => e.MessageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
        b.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class TicketTagConfiguration : IEntityTypeConfiguration<TicketTag>
{
    public void Configure(EntityTypeBuilder<TicketTag> b)
    {
        b.HasKey(tt => new { tt.TicketId, tt.TagId });
        b.HasIndex(tt => new { tt.TagId, tt.TicketId });
        b.HasOne(tt => tt.Tag).WithMany().HasForeignKey(tt => tt.TagId).OnDelete(DeleteBehavior.Restrict);
    }
}
