using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Routing.Distribution;
using Okno.Tickets;
using Okno.Tickets.Live;

namespace Okno.Reports.Team;

/// <summary>A ticket an agent has open right now.</summary>
public sealed record TeamTicket(long Id, long Number, string Subject, bool Typing);

/// <summary>One agent in the live team view.</summary>
/// <param name="Presence">online, away or offline (from their workspace beats).</param>
/// <param name="Paused">They paused receiving tickets automatically.</param>
/// <param name="Viewing">The tickets they have open now (usually one), and whether they type in it.</param>
/// <param name="OpenTickets">Assigned and not resolved or closed (the maintained counters).</param>
/// <param name="SolvedToday">Tickets they set to resolved since the start of today in the view's time zone.</param>
/// <param name="ChatsInProgress">Open chat-channel tickets assigned to them.</param>
public sealed record TeamMember(long AgentId, string Name, Presence Presence, bool Paused, DateTimeOffset? SeenAt,
    IReadOnlyList<TeamTicket> Viewing, int OpenTickets, int SolvedToday, int ChatsInProgress);

public sealed record TeamLiveView(DateTimeOffset At, string TimeZone, IReadOnlyList<TeamMember> Items, string? NextCursor);

/// <summary>The live team view (S9): each active agent's presence, what they have open and type in, their load, today's
/// solved tickets and chats. One page of agents costs a fixed number of reads whatever the desk's size: the agents by
/// id (keyset), their presence and pause rows by key, the open-ticket counters, one grouped read of today's status
/// changes to resolved through the history's (at) index, one grouped read of open chats through the (assignee, status)
/// index; who views what comes from memory (<see cref="TicketPresence.VisitsOf"/>).</summary>
public sealed class TeamLive(OknoDb db, AgentPresences presences, TicketPresence viewers, TimeProvider clock)
{
    public const string DefaultZone = "Europe/Moscow";
    private static readonly string Resolved = TicketStatus.Resolved.ToSnakeCase();

    public static TimeZoneInfo Zone(string? zone)
    {
        var id = string.IsNullOrWhiteSpace(zone) ? DefaultZone : zone.Trim();
        if (id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)) return found;
        throw new OknoException(InvalidInput.Field("zone", TeamErrorCodes.UnknownTimeZone, "Not a known IANA time zone.",
            ("value", id.Length > 64 ? id[..64] : id)));
    }

    public async Task<TeamLiveView> BuildAsync(string? zone, int? limit, string? cursor, CancellationToken ct)
    {
        var timeZone = Zone(zone);
        var take = Paging.Limit(limit);
        var now = clock.GetUtcNow();
        var query = db.Agents.AsNoTracking().Where(a => a.IsActive);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(a => a.Id > lastId);
        var agents = await query.OrderBy(a => a.Id).Take(take + 1).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var next = agents.Count > take ? Paging.Encode(agents[take - 1].Id) : null;
        if (agents.Count > take) agents.RemoveAt(take);
        var ids = agents.Select(a => a.Id).ToList();

        var seen = await db.Set<AgentPresence>().AsNoTracking().Where(p => ids.Contains(p.AgentId)).ToDictionaryAsync(p => p.AgentId, ct);
        var paused = await db.Set<AgentDistribution>().Where(s => ids.Contains(s.AgentId) && s.Paused).Select(s => s.AgentId).ToListAsync(ct);
        var open = await Distributor.OpenTicketsAsync(db, ids, ct);
        var todayStart = StartOfToday(now, timeZone);
        var solved = await db.TicketEvents
            .Where(e => e.At >= todayStart && e.Kind == TicketEventKind.Changed && e.Field == "status" && e.NewValue == Resolved
                && e.ActorKind == ActorKind.Agent && e.ActorId != null && ids.Contains(e.ActorId.Value))
            .GroupBy(e => e.ActorId!.Value).Select(g => new { g.Key, Count = g.Select(e => e.TicketId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var chat = ChannelKind.Chat;
        var chats = await db.Tickets
            .Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId.Value) && Distributor.WorkStatuses.Contains(t.Status) && t.Channel == chat)
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var visits = ids.ToDictionary(id => id, viewers.VisitsOf);
        var ticketIds = visits.Values.SelectMany(v => v).Select(v => v.TicketId).Distinct().ToList();
        var tickets = ticketIds.Count == 0 ? [] : await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Number, t.Subject }).ToDictionaryAsync(t => t.Id, ct);

        var items = agents.Select(a => new TeamMember(a.Id, a.Name, presences.StatusOf(seen.GetValueOrDefault(a.Id), now), paused.Contains(a.Id),
            seen.GetValueOrDefault(a.Id)?.SeenAt,
            visits[a.Id].Where(v => tickets.ContainsKey(v.TicketId))
                .Select(v => new TeamTicket(v.TicketId, tickets[v.TicketId].Number, tickets[v.TicketId].Subject, v.Typing)).ToList(),
            open.GetValueOrDefault(a.Id), solved.GetValueOrDefault(a.Id), chats.GetValueOrDefault(a.Id))).ToList();
        return new TeamLiveView(now, timeZone.Id, items, next);
    }

    /// <summary>Midnight of the day <paramref name="now"/> falls in, in <paramref name="zone"/>, as an instant.</summary>
    public static DateTimeOffset StartOfToday(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime.Date;
        while (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }
}
