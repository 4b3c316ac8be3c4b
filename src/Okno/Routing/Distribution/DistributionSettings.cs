using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Sla;
using Okno.Tickets;

namespace Okno.Routing.Distribution;

/// <param name="Backlog">Unassigned tickets still being worked in the group (from the maintained counters).</param>
/// <param name="Available">Members who may get tickets now.</param>
public sealed record GroupDistributionView(long GroupId, string Name, DistributionMode Mode, long Backlog, int Members, int Available);

public sealed record GroupDistributionRequest(DistributionMode? Mode);

/// <param name="Available">Whether distribution may give them a ticket now: active, online, receiving, inside working
/// hours and under their cap.</param>
public sealed record AgentDistributionView(long AgentId, string Name, bool Active, PresenceView Presence, bool Paused, int? MaxOpenTickets,
    int OpenTickets, IReadOnlyList<string> Skills, long? CalendarId, string? CalendarName, bool InWorkingHours, bool Available,
    IReadOnlyList<long> GroupIds, int? MaxOpenChats = null);

/// <summary>What an agent's own workspace shows of them: their presence as distribution sees it, and their pause.</summary>
public sealed record OwnDistributionView(Presence Presence, bool Paused);

/// <summary>PATCH body: only the fields present change. A null cap or calendar removes it.</summary>
public sealed record AgentDistributionRequest(Optional<int?> MaxOpenTickets, Optional<List<string?>?> Skills, Optional<long?> CalendarId,
    Optional<bool?> Paused)
{
    /// <summary>A cap of live chats (1…100); null removes it.</summary>
    public Optional<int?> MaxOpenChats { get; init; }
}

/// <summary>The settings of distribution: each group's mode, each agent's cap, skills, working hours and pause, and how
/// they stand now (presence, load, backlog) for the supervisor's screen and the API.</summary>
public sealed class DistributionSettings(OknoDb db, AgentPresences presences, DistributionWakeUp wakeUp, TimeProvider clock, Audit audit)
{
    /// <summary>Groups by id, keyset-paged.</summary>
    public async Task<Page<GroupDistributionView>> GroupsAsync(int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Groups.AsNoTracking();
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(g => g.Id > lastId);
        var rows = await ViewsAsync(query.OrderBy(g => g.Id).Take(take + 1), ct);
        return Paging.ToPage(rows, take, g => Paging.Encode(g.GroupId));
    }

    public async Task<GroupDistributionView> GroupAsync(long groupId, CancellationToken ct) =>
        (await ViewsAsync(db.Groups.AsNoTracking().Where(g => g.Id == groupId), ct)).SingleOrDefault()
        ?? throw new OknoException(new NotFound(AdminErrorCodes.GroupNotFound, "Group", groupId));

    private async Task<List<GroupDistributionView>> ViewsAsync(IQueryable<Group> groups, CancellationToken ct)
    {
        var rows = await groups.Select(g => new { g.Id, g.Name }).ToListAsync(ct);
        var ids = rows.Select(g => g.Id).ToList();
        var modes = await db.Set<GroupDistribution>().AsNoTracking().Where(g => ids.Contains(g.GroupId)).ToDictionaryAsync(g => g.GroupId, g => g.Mode, ct);
        var buckets = await TicketCounts.BucketsAsync(db, ct);
        var members = await ViewsAsync(db.Agents.Where(a => a.IsActive && a.Groups.Any(m => ids.Contains(m.GroupId))), ct);
        return rows.Select(g => new GroupDistributionView(g.Id, g.Name, modes.GetValueOrDefault(g.Id),
            buckets.Where(b => b.GroupId == g.Id && b.AssigneeId is null && Distributor.WorkStatuses.Contains(b.Status)).Sum(b => b.Count),
            members.Count(a => a.GroupIds.Contains(g.Id)), members.Count(a => a.Available && a.GroupIds.Contains(g.Id)))).ToList();
    }

    public async Task<GroupDistributionView> SetGroupModeAsync(long groupId, GroupDistributionRequest request, long adminId, CancellationToken ct)
    {
        if (request.Mode is not { } mode || !Enum.IsDefined(mode)) throw new OknoException(InvalidInput.Required("mode"));
        await db.WriteAsync(async token =>
        {
            if (!await db.Groups.AnyAsync(g => g.Id == groupId, token))
                throw new OknoException(new NotFound(AdminErrorCodes.GroupNotFound, "Group", groupId));
            var row = await db.Set<GroupDistribution>().SingleOrDefaultAsync(g => g.GroupId == groupId, token);
            if (row is null) db.Add(row = new GroupDistribution { GroupId = groupId });
            row.Mode = mode;
            audit.Add(adminId, "distribution.group_mode", $"group:{groupId}", DistributionPicker.ModeName(row.Mode));
            await db.SaveChangesAsync(token);
            return 0;
        }, ct);
        if (mode != DistributionMode.Manual) await wakeUp.ForGroupAsync(groupId, ct);
        return await GroupAsync(groupId, ct);
    }

    /// <summary>Active agents (of <paramref name="groupId"/> when given) by id, keyset-paged.</summary>
    public async Task<Page<AgentDistributionView>> AgentsAsync(long? groupId, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Agents.Where(a => a.IsActive);
        if (groupId is { } g) query = query.Where(a => a.Groups.Any(m => m.GroupId == g));
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(a => a.Id > lastId);
        var rows = await ViewsAsync(query.OrderBy(a => a.Id).Take(take + 1), ct);
        return Paging.ToPage(rows, take, a => Paging.Encode(a.AgentId));
    }

    public async Task<AgentDistributionView> AgentAsync(long agentId, CancellationToken ct) =>
        (await ViewsAsync(db.Agents.Where(a => a.Id == agentId), ct)).SingleOrDefault()
        ?? throw new OknoException(new NotFound(AdminErrorCodes.AgentNotFound, "Agent", agentId));

    /// <summary>The presence and pause an agent's workspace shows: two key reads, cheap enough for every beat of it (a
    /// supervisor may pause the agent meanwhile).</summary>
    public async Task<OwnDistributionView> OwnAsync(long agentId, CancellationToken ct)
    {
        var seen = await db.Set<AgentPresence>().AsNoTracking().SingleOrDefaultAsync(p => p.AgentId == agentId, ct);
        var paused = await db.Set<AgentDistribution>().Where(s => s.AgentId == agentId).Select(s => s.Paused).SingleOrDefaultAsync(ct);
        return new OwnDistributionView(presences.StatusOf(seen, clock.GetUtcNow()), paused);
    }

    private async Task<List<AgentDistributionView>> ViewsAsync(IQueryable<Agent> query, CancellationToken ct)
    {
        var agents = await query.AsNoTracking().Select(a => new { a.Id, a.Name, a.IsActive, Groups = a.Groups.Select(m => m.GroupId).ToList() })
            .ToListAsync(ct);
        var ids = agents.Select(a => a.Id).ToList();
        var settings = await db.Set<AgentDistribution>().AsNoTracking().Where(s => ids.Contains(s.AgentId)).ToDictionaryAsync(s => s.AgentId, ct);
        var seen = await db.Set<AgentPresence>().AsNoTracking().Where(p => ids.Contains(p.AgentId)).ToDictionaryAsync(p => p.AgentId, ct);
        var calendarIds = settings.Values.Select(s => s.CalendarId).OfType<long>().Distinct().ToList();
        var calendars = await db.SlaCalendars.AsNoTracking().Where(c => calendarIds.Contains(c.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var working = calendars.Where(c => Distributor.IsWorking(c, now)).Select(c => c.Id).ToHashSet();
        var load = await Distributor.OpenTicketsAsync(db, ids, ct);
        return agents.Select(a =>
        {
            var own = settings.GetValueOrDefault(a.Id);
            var presence = presences.ViewOf(seen.GetValueOrDefault(a.Id), now);
            var inHours = own?.CalendarId is not { } calendarId || working.Contains(calendarId);
            var open = load.GetValueOrDefault(a.Id);
            var available = a.IsActive && own?.Paused != true && presence.Status == Presence.Online && inHours
                && (own?.MaxOpenTickets is not { } max || open < max);
            return new AgentDistributionView(a.Id, a.Name, a.IsActive, presence, own?.Paused == true, own?.MaxOpenTickets, open, own?.Skills ?? [],
                own?.CalendarId, calendars.FirstOrDefault(c => c.Id == own?.CalendarId)?.Name, inHours, available, a.Groups, own?.MaxOpenChats);
        }).ToList();
    }

    /// <summary>Changes an agent's distribution settings (an admin or supervisor; an agent pauses only themselves, see
    /// <see cref="SetPausedAsync"/>); all or nothing.</summary>
    public async Task<AgentDistributionView> UpdateAgentAsync(long agentId, AgentDistributionRequest request, long byAgentId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.MaxOpenTickets.Value is { } max && max is < 1 or > AgentDistribution.MaxOpenTicketsLimit)
            errors.Add("maxOpenTickets", ErrorCodes.OutOfRange, $"From 1 to {AgentDistribution.MaxOpenTicketsLimit}, or null for no cap.",
                ("min", 1), ("max", AgentDistribution.MaxOpenTicketsLimit));
        if (request.MaxOpenChats.Value is { } chats && chats is < 1 or > AgentDistribution.MaxOpenChatsLimit)
            errors.Add("maxOpenChats", ErrorCodes.OutOfRange, $"From 1 to {AgentDistribution.MaxOpenChatsLimit}, or null for no limit.",
                ("min", 1), ("max", AgentDistribution.MaxOpenChatsLimit));
        if (request.Skills.IsSet)
        {
            var skills = request.Skills.Value ?? [];
            TagCatalog.Validate(skills, "skills", errors);
            if (skills.Count > AgentDistribution.MaxSkills) errors.TooMany("skills", AgentDistribution.MaxSkills);
        }
        if (request.Paused is { IsSet: true, Value: null }) errors.Required("paused");
        if (request.CalendarId.Value is { } calendarId && !await db.SlaCalendars.AnyAsync(c => c.Id == calendarId, ct))
            errors.Add("calendarId", Sla.SlaErrorCodes.NotFound, $"There is no calendar {calendarId}.", ("id", calendarId));
        errors.ThrowIfAny();
        await db.WriteAsync(async token =>
        {
            var row = await RowAsync(agentId, token);
            if (request.MaxOpenTickets.IsSet) row.MaxOpenTickets = request.MaxOpenTickets.Value;
            if (request.MaxOpenChats.IsSet) row.MaxOpenChats = request.MaxOpenChats.Value;
            if (request.Skills.IsSet)
                row.Skills = (request.Skills.Value ?? []).OfType<string>().Select(Tag.Normalize).Distinct().Order(StringComparer.Ordinal).ToList();
            if (request.CalendarId.IsSet) row.CalendarId = request.CalendarId.Value;
            var pauseChanged = request.Paused.Value is { } paused && paused != row.Paused;
            if (request.Paused.Value is { } pause) row.Paused = pause;
            audit.Add(byAgentId, "distribution.agent_changed", $"agent:{agentId}",
                $"cap={row.MaxOpenTickets?.ToString() ?? "-"}; chats={row.MaxOpenChats?.ToString() ?? "-"}; skills={string.Join(",", row.Skills)}; calendar={row.CalendarId?.ToString() ?? "-"}; paused={row.Paused}");
            await db.SaveChangesAsync(token);
            if (pauseChanged) await presences.PausedChangedAsync(db, agentId, row.Paused, token);
            return 0;
        }, ct);
        await wakeUp.ForAgentAsync(agentId, ct);
        return await AgentAsync(agentId, ct);
    }

    /// <summary>An agent pauses or resumes receiving tickets automatically; resuming hands them the waiting backlog at once.</summary>
    public async Task<AgentDistributionView> SetPausedAsync(long agentId, bool? pausedOrNull, CancellationToken ct)
    {
        var paused = pausedOrNull ?? throw new OknoException(InvalidInput.Required("paused"));
        await db.WriteAsync(async token =>
        {
            var row = await RowAsync(agentId, token);
            var changed = row.Paused != paused;
            row.Paused = paused;
            await db.SaveChangesAsync(token);
            if (changed) await presences.PausedChangedAsync(db, agentId, paused, token);
            return 0;
        }, ct);
        if (!paused) await wakeUp.ForAgentAsync(agentId, ct);
        return await AgentAsync(agentId, ct);
    }

    private async Task<AgentDistribution> RowAsync(long agentId, CancellationToken ct)
    {
        if (!await db.Agents.AnyAsync(a => a.Id == agentId && a.IsActive, ct))
            throw new OknoException(new NotFound(AdminErrorCodes.AgentNotFound, "Agent", agentId));
        var row = await db.Set<AgentDistribution>().SingleOrDefaultAsync(s => s.AgentId == agentId, ct);
        if (row is null) db.Add(row = new AgentDistribution { AgentId = agentId });
        return row;
    }
}
