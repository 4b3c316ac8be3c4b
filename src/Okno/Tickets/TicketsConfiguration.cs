using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("Tickets");
        b.Property(t => t.Subject).HasMaxLength(Ticket.SubjectMaxLength);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.Channel).HasConversion<ChannelKindConverter>().HasMaxLength(ChannelKind.MaxLength);
        b.HasIndex(t => t.Number).IsUnique();
        b.Property(t => t.Reference).HasMaxLength(TicketReference.Length);
        b.HasIndex(t => t.Reference).IsUnique();
        // A list is a merge of index ranges, one per status of the view and per slice of what the agent may see (all;
        // or each of their groups, unrouted, assigned to them). Each range is read in the list's order and stops after a
        // page, so every sort (newest, last activity, most urgent) has an index per slice kind, ending in Id.
        b.HasIndex(t => new { t.Status, t.Id });
        b.HasIndex(t => new { t.Status, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.Status, t.PriorityRank, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.GroupId, t.Status, t.Id });
        b.HasIndex(t => new { t.GroupId, t.Status, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.GroupId, t.Status, t.PriorityRank, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.Status, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.Status, t.UpdatedAt, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.Status, t.PriorityRank, t.UpdatedAt, t.Id });
        // An agent's "unassigned" view reads, per group, the tickets nobody has taken. "No assignee" is by far the most
        // common assignee value, so the indexes above would walk every unassigned ticket of a status to find one group's;
        // these small partial indexes hold the unassigned tickets only.
        b.HasIndex(t => new { t.GroupId, t.Status, t.Id }, "IX_Tickets_Unassigned_GroupId_Status_Id").HasFilter("\"AssigneeId\" IS NULL");
        b.HasIndex(t => new { t.GroupId, t.Status, t.UpdatedAt, t.Id }, "IX_Tickets_Unassigned_GroupId_Status_UpdatedAt_Id")
            .HasFilter("\"AssigneeId\" IS NULL");
        b.HasIndex(t => new { t.GroupId, t.Status, t.PriorityRank, t.UpdatedAt, t.Id }, "IX_Tickets_Unassigned_GroupId_Status_PriorityRank_UpdatedAt_Id")
            .HasFilter("\"AssigneeId\" IS NULL");
        // "Soonest SLA due first" (ascending; tickets without a counting target last, NoSlaDue), per slice kind like the others.
        b.Property(t => t.SlaDueTicks).HasDefaultValue(Ticket.NoSlaDue);
        b.Property(t => t.SlaWarnTicks).HasDefaultValue(Ticket.NoSlaDue);
        b.HasIndex(t => new { t.Status, t.SlaDueTicks, t.Id });
        b.HasIndex(t => new { t.GroupId, t.Status, t.SlaDueTicks, t.Id });
        b.HasIndex(t => new { t.AssigneeId, t.Status, t.SlaDueTicks, t.Id });
        b.HasIndex(t => new { t.GroupId, t.Status, t.SlaDueTicks, t.Id }, "IX_Tickets_Unassigned_GroupId_Status_SlaDueTicks_Id")
            .HasFilter("\"AssigneeId\" IS NULL");
        // A customer's or company's tickets: few per contact, read newest first.
        // Time rules: "in this status since before X", "unassigned since before X", "waiting for an answer since before X".
        b.HasIndex(t => new { t.Status, t.StatusSince, t.Id });
        b.HasIndex(t => new { t.AssigneeSince, t.Id }, "IX_Tickets_Unassigned_AssigneeSince_Id").HasFilter("\"AssigneeId\" IS NULL");
        b.HasIndex(t => new { t.AwaitingReplySince, t.Id }, "IX_Tickets_AwaitingReplySince_Id").HasFilter("\"AwaitingReplySince\" IS NOT NULL");
        b.HasIndex(t => new { t.ContactId, t.Id });
        b.HasIndex(t => new { t.CompanyId, t.Id });
        // No foreign key on purpose: adding one to an existing SQLite table rebuilds the table outside a transaction.
        // MergeTickets is the only writer and sets it to a ticket it has just locked; tickets are never deleted.
        b.HasIndex(t => t.MergedIntoId);
        b.HasOne(t => t.Contact).WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Company).WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Group).WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Messages).WithOne(m => m.Ticket).HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.History).WithOne(e => e.Ticket).HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Tags).WithOne(tt => tt.Ticket).HasForeignKey(tt => tt.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketCountConfiguration : IEntityTypeConfiguration<TicketCount>
{
    // No foreign keys: a counter row is arithmetic about tickets, not a reference that must stay valid.
    public void Configure(EntityTypeBuilder<TicketCount> b) => b.ToTable("TicketCounts");
}

internal sealed class TicketLinkConfiguration : IEntityTypeConfiguration<TicketLink>
{
    public void Configure(EntityTypeBuilder<TicketLink> b)
    {
        b.ToTable("TicketLinks");
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
        b.ToTable("Messages");
        b.Ignore(m => m.Author);
        b.Property(m => m.ExternalId).HasMaxLength(Message.ExternalIdMaxLength);
        b.Property(m => m.DeliveryError).HasMaxLength(Message.DeliveryErrorMaxLength);
        b.HasIndex(m => new { m.TicketId, m.Id });
        // Mail threading and loop checks find a message by its id in its channel (In-Reply-To, References, a bounce).
        b.HasIndex(m => new { m.ChannelAccountId, m.ExternalId }).HasFilter("\"ExternalId\" IS NOT NULL");
        b.Property(m => m.FromAddress).HasMaxLength(320);
        b.Property(m => m.ToAddresses).HasMaxLength(Message.AddressesMaxLength);
        b.Property(m => m.CcAddresses).HasMaxLength(Message.AddressesMaxLength);
        b.Property(m => m.RawSha256).HasMaxLength(64);
        b.Property(m => m.Buttons).HasMaxLength(Message.ButtonsMaxLength);
        b.Ignore(m => m.OfferedButtons);
        b.Property(m => m.ButtonPayload).HasMaxLength(Message.ButtonPayloadMaxLength);
        b.HasMany(m => m.Attachments).WithOne(a => a.Message).HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("Attachments");
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(255);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.HasIndex(a => a.MessageId);
        b.HasIndex(a => a.Sha256);
        b.Property(a => a.ContentId).HasMaxLength(Attachment.ContentIdMaxLength);
    }
}

internal sealed class TicketParticipantConfiguration : IEntityTypeConfiguration<TicketParticipant>
{
    public void Configure(EntityTypeBuilder<TicketParticipant> b)
    {
        b.ToTable("TicketParticipants");
        b.Property(p => p.Address).HasMaxLength(TicketParticipant.AddressMaxLength);
        b.Property(p => p.Name).HasMaxLength(TicketParticipant.NameMaxLength);
        b.HasIndex(p => new { p.TicketId, p.Address }).IsUnique();
        b.HasOne<Ticket>().WithMany().HasForeignKey(p => p.TicketId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.ToTable("TicketEvents");
        b.Property(e => e.Field).HasMaxLength(32);
        b.Property(e => e.Comment).HasMaxLength(TicketEvent.CommentMaxLength);
        b.Property(e => e.Decision).HasMaxLength(TicketEvent.DecisionMaxLength);
        // Whether any history names a reason (one that is, is archived rather than deleted); few rows carry one.
        b.HasIndex(e => e.ReasonId).HasFilter("\"ReasonId\" IS NOT NULL");
        b.HasIndex(e => new { e.TicketId, e.TicketVersion }).IsUnique();
        // The audit page reads ticket actions newest first, all of them or one agent's (AuditLog).
        b.HasIndex(e => new { e.At, e.Id });
        b.HasIndex(e => new { e.ActorId, e.At, e.Id });
        b.HasOne(e => e.Message).WithMany().HasForeignKey(e => e.MessageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.ToTable("Tags");
        b.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength);
        b.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class TicketTagConfiguration : IEntityTypeConfiguration<TicketTag>
{
    public void Configure(EntityTypeBuilder<TicketTag> b)
    {
        b.ToTable("TicketTags");
        b.HasKey(tt => new { tt.TicketId, tt.TagId });
        b.HasIndex(tt => new { tt.TagId, tt.TicketId });
        b.HasOne(tt => tt.Tag).WithMany().HasForeignKey(tt => tt.TagId).OnDelete(DeleteBehavior.Restrict);
    }
}
