using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Outbox;
using Okno.Sla;
using Okno.Tickets;

namespace Okno.Routing.Distribution;

/// <summary>Hands the unassigned open tickets of automatic groups to available agents, oldest first: each to the agent
/// the group's mode picks (<see cref="DistributionPicker"/>) among the members who are active, online, receiving, inside
/// their working hours and under their cap, with the skills the ticket's tags ask for. Run after every ticket event
/// that may add work or free an agent, when an agent comes online or resumes, and every minute for what changes
/// with the clock (working hours). Each assignment is written through the ticket, as the system, with the decision
/// in the history.</summary>
public sealed class Distributor(OknoDb db, AgentPresences presences, TimeProvider clock, ILogger<Distributor> logger)
{
    /// <summary>Unassigned tickets read at a time; a pass goes on while someone has room.</summary>
    public const int BacklogPage = 200;

    /// <summary>Statuses a ticket is still being worked in: the backlog and an agent's load.</summary>
    public static readonly TicketStatus[] WorkStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    /// <summary>Distributes the backlog of <paramref name="groupIds"/> (null: every automatic group); returns how many
    /// tickets were assigned. Joins the caller's transaction when there is one (an event handler's).</summary>
    public async Task<int> DrainAsync(IReadOnlyCollection<long>? groupIds, CancellationToken cancellationToken)
    {
        using var operation = Operation.Current is null ? Operation.Begin() : null;
        return await db.WriteAsync(async ct =>
        {
            var automatic = await AutomaticGroups(groupIds).Select(g => g.GroupId).ToListAsync(ct);
            if (automatic.Count == 0) return 0;
            // Most events find nobody with room (everyone busy or away): that is known from reads alone, without the
            // turn's write every pass would otherwise queue behind.
            var maybe = await MembersAsync(automatic, clock.GetUtcNow(), ct);
            if (!maybe.Values.Any(team => team.Available.Any(c => c.HasRoom))) return 0;
            // Our turn: a pass on another node waits here until this one commits; then everything is read again, with
            // that pass's assignments.
            await db.Set<DistributionTurn>().Where(t => t.Id == DistributionTurn.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Generation, t => t.Generation + 1), ct);
            var groups = await AutomaticGroups(groupIds).OrderBy(g => g.GroupId).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var members = await MembersAsync(groups.Select(g => g.GroupId).ToList(), now, ct);
            var assigned = 0;
            foreach (var group in groups)
            {
                if (!members.TryGetValue(group.GroupId, out var team)) continue;
                assigned += await DrainGroupAsync(group, team, now, ct);
            }
            return assigned;
        }, cancellationToken);
    }

    private IQueryable<GroupDistribution> AutomaticGroups(IReadOnlyCollection<long>? groupIds)
    {
        var query = db.Set<GroupDistribution>().Where(g => g.Mode != DistributionMode.Manual);
        return groupIds is null ? query : query.Where(g => groupIds.Contains(g.GroupId));
    }

    /// <summary>A group's members: <see cref="Team.Available"/> those who may get tickets now, and the skills any of them has.</summary>
    private sealed record Team(List<Candidate> Available, HashSet<string> Skills);

    private async Task<Dictionary<long, Team>> MembersAsync(List<long> groupIds, DateTimeOffset now, CancellationToken ct)
    {
        var memberships = await db.Set<AgentGroup>().Where(m => groupIds.Contains(m.GroupId))
            .Join(db.Agents.Where(a => a.IsActive), m => m.AgentId, a => a.Id, (m, a) => new { m.GroupId, a.Id, a.Name })
            .ToListAsync(ct);
        var agentIds = memberships.Select(m => m.Id).Distinct().ToList();
        var settings = await db.Set<AgentDistribution>().AsNoTracking().Where(s => agentIds.Contains(s.AgentId)).ToDictionaryAsync(s => s.AgentId, ct);
        var seen = await db.Set<AgentPresence>().AsNoTracking().Where(p => agentIds.Contains(p.AgentId)).ToDictionaryAsync(p => p.AgentId, ct);
        var working = await WorkingNowAsync(settings.Values, now, ct);
        var load = await OpenTicketsAsync(db, agentIds, ct);
        var chats = await OpenChatsAsync(settings.Values.Where(s => s.MaxOpenChats is not null).Select(s => s.AgentId).ToList(), ct);

        // One candidate per agent, shared by their groups, so a ticket given in one group counts against the cap in all.
        var candidates = new Dictionary<long, Candidate>();
        var teams = new Dictionary<long, Team>();
        foreach (var m in memberships)
        {
            var own = settings.GetValueOrDefault(m.Id);
            var team = teams.TryGetValue(m.GroupId, out var t) ? t : teams[m.GroupId] = new Team([], []);
            if (own is not null) team.Skills.UnionWith(own.Skills);
            var available = own?.Paused != true && presences.StatusOf(seen.GetValueOrDefault(m.Id), now) == Presence.Online
                && (own?.CalendarId is not { } calendarId || working.Contains(calendarId));
            if (!available) continue;
            if (!candidates.TryGetValue(m.Id, out var candidate))
                candidates[m.Id] = candidate = new Candidate(m.Id, m.Name, load.GetValueOrDefault(m.Id), own?.MaxOpenTickets,
                    (own?.Skills ?? []).ToHashSet(StringComparer.Ordinal), chats.GetValueOrDefault(m.Id), own?.MaxOpenChats);
            team.Available.Add(candidate);
        }
        return teams;
    }

    /// <summary>The calendars among the agents' working hours that are in working time now.</summary>
    private async Task<HashSet<long>> WorkingNowAsync(IEnumerable<AgentDistribution> settings, DateTimeOffset now, CancellationToken ct)
    {
        var ids = settings.Select(s => s.CalendarId).OfType<long>().Distinct().ToList();
        if (ids.Count == 0) return [];
        var calendars = await db.SlaCalendars.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        return calendars.Where(c => IsWorking(c, now, logger)).Select(c => c.Id).ToHashSet();
    }

    /// <summary>Whether the calendar is in working time at <paramref name="now"/>. Saved calendars are validated; one broken
    /// by hand counts as never working (its agents get no tickets automatically) rather than failing every pass.</summary>
    public static bool IsWorking(SlaCalendar calendar, DateTimeOffset now, ILogger? logger = null)
    {
        try
        {
            return calendar.Read().Validate().IsWorking(now);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or Platform.Web.OknoException)
        {
            logger?.LogWarning(e, "Calendar {Calendar} cannot be read; its agents get no tickets automatically", calendar.Id);
            return false;
        }
    }

    /// <summary>Each agent's tickets still being worked, from the maintained counters (<see cref="TicketCounts"/>).</summary>
    public static async Task<Dictionary<long, int>> OpenTicketsAsync(OknoDb db, IReadOnlyCollection<long> agentIds, CancellationToken ct)
    {
        var buckets = await TicketCounts.BucketsAsync(db, ct);
        return buckets.Where(b => b.AssigneeId is { } id && agentIds.Contains(id) && WorkStatuses.Contains(b.Status))
            .GroupBy(b => b.AssigneeId!.Value).ToDictionary(g => g.Key, g => (int)g.Sum(b => b.Count));
    }

    /// <summary>Live chats of the agents who have a cap of them: counted over those agents' tickets (the assignee index),
    /// only for agents with such a cap, since the maintained counters do not split by channel.</summary>
    private async Task<Dictionary<long, int>> OpenChatsAsync(List<long> agentIds, CancellationToken ct)
    {
        if (agentIds.Count == 0) return [];
        var chat = ChannelKind.Chat;
        return await db.Tickets.Where(t => t.AssigneeId != null && agentIds.Contains(t.AssigneeId.Value) && t.Channel == chat && WorkStatuses.Contains(t.Status))
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    private async Task<int> DrainGroupAsync(GroupDistribution group, Team team, DateTimeOffset now, CancellationToken ct)
    {
        var assigned = 0;
        long after = 0;
        var mode = DistributionPicker.ModeName(group.Mode);
        while (team.Available.Any(c => c.HasRoom))
        {
            // A ticket a bot is still talking on waits for its hand-off (TicketBotChanged wakes distribution then).
            var page = await db.Tickets.Where(t => t.GroupId == group.GroupId && t.AssigneeId == null && WorkStatuses.Contains(t.Status) && !t.WithBot && t.Id > after)
                .OrderBy(t => t.Id).Take(BacklogPage)
                .Select(t => new { t.Id, t.Channel }).ToListAsync(ct);
            if (page.Count == 0) break;
            var tags = await TicketTagNames.OfAsync(db, page.Select(t => t.Id), ct);
            after = page[^1].Id;
            foreach (var waiting in page)
            {
                var skills = DistributionPicker.RequiredSkills(tags[waiting.Id].ToList(), team.Skills);
                var isChat = waiting.Channel == ChannelKind.Chat;
                if (DistributionPicker.Pick(group.Mode, team.Available, skills, group.LastAgentId, isChat) is not { } agent) continue;
                await db.LockTicketAsync(waiting.Id, ct);
                var ticket = await db.Tickets.SingleAsync(t => t.Id == waiting.Id, ct);
                // Someone may have taken it or moved it since the page was read.
                if (ticket.AssigneeId is not null || ticket.GroupId != group.GroupId || !WorkStatuses.Contains(ticket.Status) || ticket.WithBot) continue;
                ticket.AssignAutomatically(agent.AgentId, new AutoAssignment(mode, agent.OpenTickets, skills), Actor.System, now);
                agent.OpenTickets++;
                if (isChat) agent.OpenChats++;
                group.LastAgentId = agent.AgentId;
                assigned++;
                if (!team.Available.Any(c => c.HasRoom)) break;
            }
            await db.SaveChangesAsync(ct);
        }
        if (assigned > 0)
            logger.LogInformation("Distribution gave {Count} tickets of group {Group} to its agents", assigned, group.GroupId);
        return assigned;
    }
}
