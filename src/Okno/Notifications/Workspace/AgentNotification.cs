using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Data;

namespace Okno.Notifications.Workspace;

/// <summary>One item of an agent's bell: something that happened on a ticket that concerns them. Made by
/// <see cref="NotifyInWorkspace"/> from a ticket event, once per (agent, event, kind).</summary>
public sealed class AgentNotification
{
    public const int ExcerptMaxLength = 200;
    /// <summary>The <see cref="TicketId"/> of an item about no ticket (a webhook paused): it opens its own page instead.</summary>
    public const long NoTicket = 0;

    public long Id { get; set; }
    public long AgentId { get; set; }
    /// <summary>One of <see cref="WorkspaceNotificationKinds"/>.</summary>
    public string Kind { get; set; } = "";
    public long TicketId { get; set; }
    /// <summary>The ticket event it came from: with the agent and kind, what makes a retried event add nothing.</summary>
    public long EventId { get; set; }
    /// <summary>Who did it, as named at the time (an agent's or the customer's name); null for the system.</summary>
    public string? ActorName { get; set; }
    /// <summary>The start of the message it is about, as plain text.</summary>
    public string? Excerpt { get; set; }
    public DateTimeOffset At { get; set; }
    public bool IsRead { get; set; }
}

/// <summary>What a bell item says. The switches an agent has (<see cref="WorkspaceNotificationKinds.Switches"/>) are
/// fewer: both "colleague" kinds come from following a ticket.</summary>
public static class WorkspaceNotificationKinds
{
    public const string TicketAssigned = "ticket_assigned";
    public const string CustomerReplied = "customer_replied";
    public const string Mentioned = "mentioned";
    public const string ColleagueReplied = "colleague_replied";
    public const string ColleagueNoted = "colleague_noted";
    public const string SlaWarning = "sla_warning";
    public const string SlaBreach = "sla_breach";
    /// <summary>To every admin: a webhook subscription was paused after repeated failures (about no ticket: the
    /// subscription's name is the item's actor name, the reason its excerpt, the failing delivery its event id).</summary>
    public const string WebhookPaused = "webhook_paused";
    /// <summary>To the group's supervisors: a customer rated a resolution at or below the desk's CSAT threshold (the
    /// survey's id is the item's event id, the rating its excerpt). Surveys writes it; the desk's setting turns it off.</summary>
    public const string CsatLow = "csat_low";

    /// <summary>The opt-out keys (<see cref="NotificationOptOut"/>) of the bell's switches, apart from the mail ones.</summary>
    public const string AssignedSwitch = "app.ticket_assigned";
    public const string CustomerRepliedSwitch = "app.customer_replied";
    public const string MentionedSwitch = "app.mentioned";
    public const string FollowedSwitch = "app.followed";
    public const string SlaSwitch = "app.sla";

    public static readonly IReadOnlyList<string> Switches = [AssignedSwitch, CustomerRepliedSwitch, MentionedSwitch, FollowedSwitch, SlaSwitch];

    public static string SwitchOf(string kind) => kind switch
    {
        TicketAssigned => AssignedSwitch,
        CustomerReplied => CustomerRepliedSwitch,
        Mentioned => MentionedSwitch,
        SlaWarning or SlaBreach => SlaSwitch,
        _ => FollowedSwitch,
    };
}

internal sealed class AgentNotificationConfiguration : IEntityTypeConfiguration<AgentNotification>
{
    public void Configure(EntityTypeBuilder<AgentNotification> b)
    {
        b.ToTable("AgentNotifications");
        b.Property(n => n.Kind).HasMaxLength(32);
        b.Property(n => n.ActorName).HasMaxLength(200);
        b.Property(n => n.Excerpt).HasMaxLength(AgentNotification.ExcerptMaxLength);
        b.HasIndex(n => new { n.AgentId, n.EventId, n.Kind }).IsUnique();
        // The bell reads an agent's newest items, all or unread only, a page at a time; the unread count stops at 100.
        b.HasIndex(n => new { n.AgentId, n.Id });
        b.HasIndex(n => new { n.AgentId, n.IsRead, n.Id });
        b.HasOne<Admin.Agent>().WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class WorkspaceNotificationData
{
    extension(OknoDb db)
    {
        public DbSet<AgentNotification> AgentNotifications => db.Set<AgentNotification>();
    }
}
