using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Data;

namespace Okno.Tickets.Checklists;

/// <summary>The checklist template of one ticket type (issue 20): a ticket of that type gets a copy of its items when it
/// is opened (or when its type changes to this one while it has no checklist).</summary>
public sealed class ChecklistTemplate
{
    public long Id { get; set; }
    public TicketType TicketType { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ChecklistTemplateItem> Items { get; set; } = [];
}

public sealed class ChecklistTemplateItem
{
    public long Id { get; set; }
    public long TemplateId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public bool Required { get; set; }
}

/// <summary>One item of a ticket's checklist: copied from the template or added by an agent; ticked with who and when.
/// A ticket with a required item open cannot be resolved or closed.</summary>
public sealed class TicketChecklistItem
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public bool Required { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public long? DoneById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const int TextMaxLength = 500;
    public const int MaxItems = 100;
}

public static class ChecklistsData
{
    extension(OknoDb db)
    {
        public DbSet<ChecklistTemplate> ChecklistTemplates => db.Set<ChecklistTemplate>();
        public DbSet<ChecklistTemplateItem> ChecklistTemplateItems => db.Set<ChecklistTemplateItem>();
        public DbSet<TicketChecklistItem> TicketChecklistItems => db.Set<TicketChecklistItem>();
    }
}

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> b)
    {
        b.ToTable("ChecklistTemplates");
        b.HasIndex(t => t.TicketType).IsUnique();
        b.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChecklistTemplateItemConfiguration : IEntityTypeConfiguration<ChecklistTemplateItem>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplateItem> b)
    {
        b.ToTable("ChecklistTemplateItems");
        b.Property(i => i.Text).HasMaxLength(TicketChecklistItem.TextMaxLength);
        b.HasIndex(i => new { i.TemplateId, i.Position });
    }
}

internal sealed class TicketChecklistItemConfiguration : IEntityTypeConfiguration<TicketChecklistItem>
{
    public void Configure(EntityTypeBuilder<TicketChecklistItem> b)
    {
        b.ToTable("TicketChecklistItems");
        b.Property(i => i.Text).HasMaxLength(TicketChecklistItem.TextMaxLength);
        b.HasIndex(i => new { i.TicketId, i.Position });
        b.HasOne<Ticket>().WithMany().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(i => i.DoneById).OnDelete(DeleteBehavior.SetNull);
    }
}
