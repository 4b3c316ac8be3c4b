using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Tickets;
using Okno.Tickets.Events;
using Quartz;

namespace Okno.Routing.Distribution;

/// <summary>Distributes after the ticket events that add work to a group's backlog (a ticket created, moved, reopened,
/// left unassigned, retagged) or free an agent's capacity (a ticket of theirs resolved, closed or given to someone
/// else). All events of a batch committed before the batch was read, so one pass per group per batch sees them all.</summary>
internal sealed class DistributionHandler(Distributor distributor, OknoDb db) : ITicketEventHandler
{
    public const string HandlerName = "routing.distribution";

    private readonly HashSet<long> _drained = [];

    public string Name => HandlerName;

    public bool WakesFor(string eventType) => eventType is TicketCreated.Type or TicketStatusChanged.Type or TicketGroupChanged.Type
        or TicketAssigneeChanged.Type or TicketTagsChanged.Type or TicketEscalated.Type or TicketBotChanged.Type;
    public bool InBackground => true;

    public async Task HandleAsync(TicketDomainEvent e, CancellationToken ct)
    {
        if (!WakesFor(e.TypeName)) return;
        var groups = new HashSet<long>();
        if (e.After is { AssigneeId: null, GroupId: { } groupId } && Distributor.WorkStatuses.Contains(e.After.Status)) groups.Add(groupId);
        if (e.Before is { AssigneeId: { } agentId } before && Distributor.WorkStatuses.Contains(before.Status)
            && (e.After.AssigneeId != agentId || !Distributor.WorkStatuses.Contains(e.After.Status)))
            groups.UnionWith(await db.Set<AgentGroup>().Where(m => m.AgentId == agentId).Select(m => m.GroupId).ToListAsync(ct));
        groups.ExceptWith(_drained);
        if (groups.Count == 0) return;
        await distributor.DrainAsync(groups, ct);
        _drained.UnionWith(groups);
    }
}

/// <summary>Every minute, distributes every automatic group: what the clock changes (an agent's working hours begin)
/// and what a failed pass left. Clustered Quartz runs it on one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class DistributionSweep(Distributor distributor) : IJob
{
    public static readonly JobKey Key = new("distribution-sweep");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await distributor.DrainAsync(null, cancellationToken);
}

/// <summary>Distributes for one agent's groups at once, in its own scope, when the agent becomes available (comes online,
/// resumes receiving, gets a higher cap): the backlog waiting for them does not wait for the minute sweep. A failure is
/// logged; the sweep makes up for it.</summary>
public sealed class DistributionWakeUp(IServiceScopeFactory scopes, ILogger<DistributionWakeUp> logger)
{
    public async Task ForAgentAsync(long agentId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
            var groups = await db.Set<AgentGroup>().Where(m => m.AgentId == agentId).Select(m => m.GroupId).ToListAsync(cancellationToken);
            if (groups.Count > 0) await scope.ServiceProvider.GetRequiredService<Distributor>().DrainAsync(groups, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Distribution for agent {Agent} failed; the next sweep tries again", agentId);
        }
    }

    public async Task ForGroupAsync(long groupId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Distributor>().DrainAsync([groupId], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Distribution for group {Group} failed; the next sweep tries again", groupId);
        }
    }
}
