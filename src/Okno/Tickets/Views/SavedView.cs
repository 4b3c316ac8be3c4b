using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Data;
using Okno.Platform.Security;

namespace Okno.Tickets.Views;

/// <summary>An inbox list an agent named and kept: a standard view and/or filters and an order, their own or shared
/// with every agent. Its counter is maintained (<see cref="SavedViewCounter"/>), not counted when a screen asks.</summary>
public sealed class SavedView
{
    public const int NameMaxLength = 80;
    public const int MaxPerAgent = 50;

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public long OwnerId { get; set; }
    public bool Shared { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public InboxView? View { get; set; }
    public TicketStatus? Status { get; set; }
    public TicketPriority? Priority { get; set; }
    public TicketType? Type { get; set; }
    public ChannelKind? Channel { get; set; }
    public long? GroupId { get; set; }
    public long? AssigneeId { get; set; }
    /// <summary>Normalized (<see cref="Okno.Tickets.Tag.Normalize"/>).</summary>
    public string? Tag { get; set; }
    public TicketSort Sort { get; set; } = TicketSort.Updated;

    /// <summary>Grows when the filter changes: counter rows of an older generation are the old filter's, ignored and
    /// then removed, so an edit never has to wait for the counter's writer.</summary>
    public int Generation { get; set; }
    /// <summary>Tickets up to this id are counted for the current generation (the first count goes in id ranges).</summary>
    public long CountedUpTo { get; set; }
    /// <summary>Every ticket is counted; from now on only changes move the counter.</summary>
    public bool Counted { get; set; }

    public TicketFilter ToFilter() => new(View: View, Status: Status, Priority: Priority, Type: Type, Channel: Channel,
        GroupId: GroupId, AssigneeId: AssigneeId, Tag: Tag, Sort: Sort);

    /// <summary>The statuses a ticket may have to belong: the standard view's, narrowed by the status filter.</summary>
    public IReadOnlyList<TicketStatus>? Statuses()
    {
        IReadOnlyList<TicketStatus>? statuses = View is { } view ? InboxViews.StatusesOf(view) : null;
        if (Status is { } only) statuses = statuses is null || statuses.Contains(only) ? [only] : [];
        return statuses;
    }

    /// <summary>The part of the filter that is the same for every agent, as a query (the first count) …</summary>
    public IQueryable<Ticket> Matching(IQueryable<Ticket> tickets)
    {
        if (Statuses() is { } statuses) tickets = tickets.Where(t => statuses.Contains(t.Status));
        if (Priority is { } priority) tickets = tickets.Where(t => t.Priority == priority);
        if (Type is { } type) tickets = tickets.Where(t => t.Type == type);
        if (Channel is { } channel) tickets = tickets.Where(t => t.Channel == channel);
        if (GroupId is { } group) tickets = tickets.Where(t => t.GroupId == group);
        if (AssigneeId is { } assignee) tickets = tickets.Where(t => t.AssigneeId == assignee);
        if (Tag is { } tag) tickets = tickets.Where(t => t.Tags.Any(tt => tt.Tag.Name == tag));
        return tickets;
    }

    /// <summary>… and as a test of one ticket (every change after it); a test checks that the two agree.</summary>
    public bool Matches(TicketState t) =>
        (Statuses() is not { } statuses || statuses.Contains(t.Status))
        && (Priority is null || t.Priority == Priority) && (Type is null || t.Type == Type) && (Channel is null || t.Channel == Channel)
        && (GroupId is null || t.GroupId == GroupId) && (AssigneeId is null || t.AssigneeId == AssigneeId)
        && (Tag is null || t.Tags.Contains(Tag));

    /// <summary>The part that depends on who looks: the standard view's "mine / my groups / unassigned" and what the
    /// agent may see, as a test of one counter bucket.</summary>
    public bool Holds(CurrentAgent agent, TicketStatus status, long? groupId, long? assigneeId) =>
        View is { } view
            ? InboxViews.Holds(view, agent, status, groupId, assigneeId)
            : InboxViews.Visible(agent, groupId, assigneeId);
}

/// <summary>What the counter needs of one ticket.</summary>
public sealed record TicketState(long Id, TicketStatus Status, TicketPriority Priority, TicketType Type, ChannelKind Channel,
    long? GroupId, long? AssigneeId, IReadOnlySet<string> Tags);

/// <summary>A ticket the view holds, in the bucket it was counted in: the counter's memory of what it counted, so a
/// change moves exactly one ticket between buckets however late it is handled.</summary>
public sealed class SavedViewMember
{
    public long ViewId { get; set; }
    public long TicketId { get; set; }
    public int Generation { get; set; }
    public TicketStatus Status { get; set; }
    public long? GroupId { get; set; }
    public long? AssigneeId { get; set; }
}

/// <summary>How many of a view's tickets are in one (status, group, assignee) bucket; an agent's counter is the sum of
/// the buckets they may see in that view (<see cref="SavedView.Holds"/>). Written only by the counter, one writer at a
/// time on any node.</summary>
public sealed class SavedViewBucket
{
    public long Id { get; set; }
    public long ViewId { get; set; }
    public int Generation { get; set; }
    public TicketStatus Status { get; set; }
    public long? GroupId { get; set; }
    public long? AssigneeId { get; set; }
    public long Count { get; set; }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>, IEntityTypeConfiguration<SavedViewMember>,
    IEntityTypeConfiguration<SavedViewBucket>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.ToTable("SavedViews");
        b.Property(v => v.Name).HasMaxLength(SavedView.NameMaxLength);
        b.Property(v => v.Tag).HasMaxLength(Okno.Tickets.Tag.NameMaxLength);
        b.Property(v => v.Channel).HasConversion<ChannelKindConverter>().HasMaxLength(ChannelKind.MaxLength);
        b.HasIndex(v => v.OwnerId);
        b.HasIndex(v => v.Shared);
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SavedViewMember> b)
    {
        b.ToTable("SavedViewMembers");
        b.HasKey(m => new { m.ViewId, m.TicketId });
        // "Which views hold this ticket" on every change of it.
        b.HasIndex(m => m.TicketId);
        b.HasOne<SavedView>().WithMany().HasForeignKey(m => m.ViewId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SavedViewBucket> b)
    {
        b.ToTable("SavedViewBuckets");
        b.HasIndex(x => new { x.ViewId, x.Generation });
        b.HasOne<SavedView>().WithMany().HasForeignKey(x => x.ViewId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class SavedViewsData
{
    extension(OknoDb db)
    {
        public DbSet<SavedView> SavedViews => db.Set<SavedView>();
        public DbSet<SavedViewMember> SavedViewMembers => db.Set<SavedViewMember>();
        public DbSet<SavedViewBucket> SavedViewBuckets => db.Set<SavedViewBucket>();
    }
}
