using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;

namespace Okno.Routing.Distribution;

public sealed class DistributionOptions
{
    public const string Section = "Okno:Distribution";
    /// <summary>An open workspace nobody has touched for this long makes its agent away.</summary>
    public int AwayAfterMinutes { get; set; } = 10;
    /// <summary>Every how many seconds an open workspace tells the server it is still there.</summary>
    public int BeatSeconds { get; set; } = 20;
    /// <summary>No beat for this long and the agent is offline: three beats missed, so one lost beat (a reconnect)
    /// does not take them offline.</summary>
    public int OfflineAfterSeconds { get; set; } = 70;
}

/// <summary>An agent's presence with the moments it is derived from.</summary>
public sealed record PresenceView(Presence Status, DateTimeOffset? SeenAt, DateTimeOffset? ActiveAt);

/// <summary>Agents' presence from their open workspaces. Each open workspace beats every <see cref="DistributionOptions.BeatSeconds"/>
/// saying whether its agent touched it since the last beat. The moments are written to the database (so every node and
/// the distribution on any node sees them), but only when they would change the presence or have aged by half the
/// time that matters: a hundred agents cost a few writes a second, not one per beat.</summary>
public sealed class AgentPresences(IDbContextFactory<OknoDb> dbs, TimeProvider clock, IOptions<DistributionOptions> options)
{
    private readonly Dictionary<long, AgentPresence> _written = [];
    private readonly Lock _gate = new();

    /// <summary>Raised on this node after a beat or a leave changed what is stored of an agent's presence (with the
    /// agent's id), for live screens; other nodes' beats are not announced here, and presence also changes with time
    /// alone, so a screen re-reads now and then too. Handlers must be quick and must not throw.</summary>
    public event Action<long>? Changed;

    public TimeSpan AwayAfter => TimeSpan.FromMinutes(options.Value.AwayAfterMinutes);
    public TimeSpan OfflineAfter => TimeSpan.FromSeconds(options.Value.OfflineAfterSeconds);

    public Presence StatusOf(AgentPresence? row, DateTimeOffset now) =>
        row is null || now - row.SeenAt >= OfflineAfter ? Presence.Offline
        : now - row.ActiveAt >= AwayAfter ? Presence.Away
        : Presence.Online;

    public PresenceView ViewOf(AgentPresence? row, DateTimeOffset now) => new(StatusOf(row, now), row?.SeenAt, row?.ActiveAt);

    /// <summary>A beat from an agent's workspace; <paramref name="active"/>: they touched it since the last one (a
    /// workspace just opened counts as touched). Returns whether the agent just became online, which is when
    /// distribution should look for tickets for them.</summary>
    public async Task<bool> BeatAsync(long agentId, bool active, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        AgentPresence? known;
        lock (_gate) known = _written.GetValueOrDefault(agentId);
        if (known is not null && !Due(known, active, now)) return false;

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var becameOnline = await db.WriteAsync(async ct =>
        {
            var row = await db.Set<AgentPresence>().SingleOrDefaultAsync(p => p.AgentId == agentId, ct);
            var before = StatusOf(row, now);
            if (row is null) db.Add(row = new AgentPresence { AgentId = agentId, ActiveAt = now });
            row.SeenAt = now;
            if (active) row.ActiveAt = now;
            await db.SaveChangesAsync(ct);
            lock (_gate) _written[agentId] = new AgentPresence { AgentId = agentId, SeenAt = row.SeenAt, ActiveAt = row.ActiveAt };
            return before != Presence.Online && StatusOf(row, now) == Presence.Online;
        }, cancellationToken);
        Changed?.Invoke(agentId);
        return becameOnline;
    }

    /// <summary>The agent signed out or closed their last workspace: offline at once rather than after the silence.</summary>
    public async Task LeaveAsync(long agentId, CancellationToken cancellationToken)
    {
        lock (_gate) _written.Remove(agentId);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.Set<AgentPresence>().Where(p => p.AgentId == agentId).ExecuteDeleteAsync(cancellationToken);
        Changed?.Invoke(agentId);
    }

    /// <summary>Whether this beat must reach the database: it makes an away agent online again, or what is stored
    /// would soon read as offline or away though the agent is neither.</summary>
    private bool Due(AgentPresence known, bool active, DateTimeOffset now) =>
        StatusOf(known, now) != Presence.Online && active
        || now - known.SeenAt >= OfflineAfter / 2
        || active && now - known.ActiveAt >= AwayAfter / 2;
}
