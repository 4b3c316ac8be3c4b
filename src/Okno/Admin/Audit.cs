using Okno.Platform.Data;

namespace Okno.Admin;

/// <summary>Adds audit entries to the current unit of work, so an action and its audit line commit together.</summary>
public sealed class Audit(OknoDb db, TimeProvider clock)
{
    public void Add(long? agentId, string action, string target, string? details = null, string? ipAddress = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AgentId = agentId, Action = action, Target = target, Details = details, IpAddress = ipAddress, At = clock.GetUtcNow(),
        });
}
