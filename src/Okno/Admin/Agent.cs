using Okno.Platform.Security;
namespace Okno.Admin;


/// <summary>A person who works tickets. Agents are deactivated, never deleted: history points at them.</summary>
public sealed class Agent
{
    public const int NameMaxLength = 200;

    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public AgentRole Role { get; set; }
    public string PasswordHash { get; set; } = "";
    public bool IsActive { get; set; } = true;
    /// <summary>UI language ("ru", "en"); null means "follow the browser".</summary>
    public string? Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<AgentGroup> Groups { get; set; } = [];
    /// <summary>The agent's picture in the attachment store (content-addressed), and its checked image type; null: none.</summary>
    public string? AvatarSha256 { get; set; }
    public string? AvatarContentType { get; set; }
    /// <summary>Plain text added under the agent's replies to customers, one per language (see <see cref="ReplySignatures"/>).</summary>
    public string? SignatureRu { get; set; }
    public string? SignatureEn { get; set; }

    public const int SignatureMaxLength = 2000;

    /// <summary>Admins and supervisors see every ticket; agents see their groups', their own and unrouted ones.</summary>
    public bool SeesAllTickets => Role is AgentRole.Admin or AgentRole.Supervisor;
}

/// <summary>A support line (L1, L2, L3, a vendor…).</summary>
public sealed class Group
{
    public const int NameMaxLength = 100;
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AgentGroup
{
    public long AgentId { get; set; }
    public long GroupId { get; set; }
    public Group Group { get; set; } = null!;
}

/// <summary>An administrative action that is not a ticket change (agents, groups, tokens, sign-ins).
/// Ticket changes are in each ticket's own history.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public long? AgentId { get; set; }
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
    public DateTimeOffset At { get; set; }
}
