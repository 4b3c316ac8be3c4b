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
            var lastSeen = row?.SeenAt;
            if (row is null) db.Add(row = new AgentPresence { AgentId = agentId, ActiveAt = now });
            row.SeenAt = now;
            if (active) row.ActiveAt = now;
            await db.SaveChangesAsync(ct);
            var after = StatusOf(row, now);
            var paused = await db.Set<AgentDistribution>().Where(s => s.AgentId == agentId).Select(s => s.Paused).SingleOrDefaultAsync(ct);
            // Away began when the agent stopped touching the workspace plus the away time, not at this later beat.
            var at = after == Presence.Away ? row.ActiveAt + AwayAfter : now;
            await RecordSpanAsync(db, agentId, WorkStatusOf(after, paused), at < now ? at : now,
                before == Presence.Offline ? lastSeen ?? now : null, ct);
            lock (_gate) _written[agentId] = new AgentPresence { AgentId = agentId, SeenAt = row.SeenAt, ActiveAt = row.ActiveAt };
            return before != Presence.Online && after == Presence.Online;
        }, cancellationToken);
        Changed?.Invoke(agentId);
        return becameOnline;
    }

    /// <summary>The agent signed out or closed their last workspace: offline at once rather than after the silence.</summary>
    public async Task LeaveAsync(long agentId, CancellationToken cancellationToken)
    {
        lock (_gate) _written.Remove(agentId);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.WriteAsync(async ct =>
        {
            await db.Set<AgentPresence>().Where(p => p.AgentId == agentId).ExecuteDeleteAsync(ct);
            await RecordSpanAsync(db, agentId, null, now, null, ct);
            return 0;
        }, cancellationToken);
        Changed?.Invoke(agentId);
    }

    /// <summary>The agent was paused or resumed (by themselves or a supervisor), in the caller's transaction: an open
    /// online span becomes busy or the other way round from now.</summary>
    public async Task PausedChangedAsync(OknoDb db, long agentId, bool paused, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await db.Set<AgentPresenceSpan>().AsNoTracking().Where(s => s.AgentId == agentId && s.To == null).Select(s => (WorkStatus?)s.Status)
            .SingleOrDefaultAsync(ct);
        if (open is WorkStatus.Online or WorkStatus.Busy)
            await RecordSpanAsync(db, agentId, paused ? WorkStatus.Busy : WorkStatus.Online, now, null, ct);
    }

    /// <summary>Closes the open spans of agents not seen for <see cref="OfflineAfter"/> (their node may have crashed
    /// without a leave) at the moment they were last seen; run every minute by the sweep.</summary>
    public async Task<int> CloseSilentSpansAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.WriteAsync(async ct =>
        {
            var open = await (from s in db.Set<AgentPresenceSpan>()
                              where s.To == null
                              join p in db.Set<AgentPresence>() on s.AgentId equals p.AgentId into seen
                              from p in seen.DefaultIfEmpty()
                              select new { Span = s, SeenAt = p == null ? (DateTimeOffset?)null : p.SeenAt }).ToListAsync(ct);
            var closed = 0;
            foreach (var o in open)
            {
                if (o.SeenAt is { } seenAt && now - seenAt < OfflineAfter) continue;
                // No presence row at all (a leave that lost a race): nothing tells how long it lasted.
                var end = o.SeenAt ?? o.Span.From;
                o.Span.To = end > o.Span.From ? end : o.Span.From;
                closed++;
            }
            await db.SaveChangesAsync(ct);
            return closed;
        }, cancellationToken);
    }

    public static WorkStatus? WorkStatusOf(Presence presence, bool paused) => presence switch
    {
        Presence.Online => paused ? WorkStatus.Busy : WorkStatus.Online,
        Presence.Away => WorkStatus.Away,
        _ => null,
    };

    /// <summary>Makes the agent's open span say <paramref name="status"/> (null: offline) from <paramref name="at"/>: the
    /// open span of another status is closed there and a new one opened. <paramref name="staleSince"/>: the agent was
    /// offline (silent) since then, so an open span left from before ends there, not at <paramref name="at"/>.</summary>
    private static async Task RecordSpanAsync(OknoDb db, long agentId, WorkStatus? status, DateTimeOffset at, DateTimeOffset? staleSince,
        CancellationToken ct)
    {
        var open = await db.Set<AgentPresenceSpan>().SingleOrDefaultAsync(s => s.AgentId == agentId && s.To == null, ct);
        if (open is not null && staleSince is null && open.Status == status) return;
        if (open is not null)
        {
            var end = staleSince ?? at;
            open.To = end > open.From ? end : open.From;
            // Saved before the new one is added: the open-span index allows one per agent at any moment.
            await db.SaveChangesAsync(ct);
            if (open.To > at) at = open.To.Value;
        }
        if (status is { } s)
        {
            db.Add(new AgentPresenceSpan { AgentId = agentId, Status = s, From = at });
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Whether this beat must reach the database: it makes an away agent online again, or what is stored
    /// would soon read as offline or away though the agent is neither.</summary>
    private bool Due(AgentPresence known, bool active, DateTimeOffset now) =>
        StatusOf(known, now) != Presence.Online && active
        || now - known.SeenAt >= OfflineAfter / 2
        || active && now - known.ActiveAt >= AwayAfter / 2;
}
