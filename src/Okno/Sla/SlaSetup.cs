using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Sla;

/// <summary>A policy ready for the clock: its calendar built, targets and conditions read.</summary>
public sealed record PolicySetup(long Id, string Name, bool IsDefault, long CalendarId, string CalendarName, BusinessCalendar Calendar,
    IReadOnlyDictionary<string, SlaPolicyTargets> Targets, int WarnAtPercent, IReadOnlySet<string> PauseStatuses,
    IReadOnlyList<SlaCondition> Conditions)
{
    public SlaTargets TargetsFor(TicketPriority priority) => Targets.TryGetValue(priority.ToSnakeCase(), out var t)
        ? new SlaTargets(t.FirstResponseMinutes, t.NextResponseMinutes, t.ResolutionMinutes)
        : new SlaTargets(null, null, null);
}

/// <summary>What a ticket is, for choosing its policy. <see cref="ContractId"/> is the ticket's contract and
/// <see cref="ContractPolicyId"/> the SLA policy that contract grants (issue 20), if any; <see cref="ServiceObjectId"/> the
/// service object the ticket names (the "service_object" condition).</summary>
public sealed record TicketFacts(long? GroupId, long? CompanyId, TicketType Type, string Channel, IReadOnlyCollection<string> Tags, TicketPriority Priority,
    long? ContractId = null, long? ContractPolicyId = null, long? ServiceObjectId = null);

/// <summary>The policies in the order they are tried, under one generation of the setup.</summary>
public sealed record SlaSetupSnapshot(long Generation, IReadOnlyList<PolicySetup> Policies)
{
    public bool UsesTags => Policies.Any(p => p.Conditions.Any(c => c.Field == "tag"));

    /// <summary>The policy the ticket's contract grants, when it has one (it comes before every condition: the contract is
    /// what was agreed with the client; matched by "contract"); else the first policy (by position) whose conditions
    /// all hold; else the default; and the conditions that chose it (none for the default).</summary>
    public (PolicySetup Policy, IReadOnlyList<SlaCondition> MatchedBy)? Choose(TicketFacts ticket)
    {
        if (ticket is { ContractId: { } contractId, ContractPolicyId: { } granted } && Policies.FirstOrDefault(p => p.Id == granted) is { } byContract)
            return (byContract, [new SlaCondition("contract", [contractId.ToString(CultureInfo.InvariantCulture)])]);
        foreach (var policy in Policies.Where(p => !p.IsDefault))
            if (policy.Conditions.All(c => Holds(c, ticket))) return (policy, policy.Conditions);
        return Policies.FirstOrDefault(p => p.IsDefault) is { } fallback ? (fallback, []) : null;
    }

    private static bool Holds(SlaCondition condition, TicketFacts t) => condition.Field switch
    {
        "group" => t.GroupId is { } g && condition.Values.Contains(g.ToString(CultureInfo.InvariantCulture)),
        "company" => t.CompanyId is { } c && condition.Values.Contains(c.ToString(CultureInfo.InvariantCulture)),
        "contract" => t.ContractId is { } k && condition.Values.Contains(k.ToString(CultureInfo.InvariantCulture)),
        "service_object" => t.ServiceObjectId is { } o && condition.Values.Contains(o.ToString(CultureInfo.InvariantCulture)),
        "type" => condition.Values.Contains(t.Type.ToSnakeCase()),
        "priority" => condition.Values.Contains(t.Priority.ToSnakeCase()),
        "channel" => condition.Values.Contains(t.Channel),
        "tag" => t.Tags.Any(condition.Values.Contains),
        _ => false,
    };
}

/// <summary>The SLA setup (policies and their calendars), read once per generation and kept: the clock runs for every
/// ticket event, and building a calendar from its JSON per event would be most of the cost. Every change of a policy or
/// calendar raises the generation (<see cref="RaiseGenerationAsync"/>) in its own transaction, so a node sees it at its
/// next read of the one-row state.</summary>
public sealed class SlaSetup
{
    private volatile SlaSetupSnapshot? _current;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async Task<SlaSetupSnapshot> CurrentAsync(OknoDb db, CancellationToken ct)
    {
        var generation = await db.SlaSetupStates.AsNoTracking().Where(s => s.Id == SlaSetupState.SingletonId)
            .Select(s => s.Generation).SingleAsync(ct);
        if (_current is { } known && known.Generation == generation) return known;
        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded && loaded.Generation == generation) return loaded;
            var policies = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
            var calendarIds = policies.Select(p => p.CalendarId).Distinct().ToList();
            var calendars = (await db.SlaCalendars.AsNoTracking().Where(c => calendarIds.Contains(c.Id)).ToListAsync(ct))
                .ToDictionary(c => c.Id, c => (c.Name, Calendar: c.Read().Validate()));
            var snapshot = new SlaSetupSnapshot(generation, policies.Where(p => calendars.ContainsKey(p.CalendarId)).Select(p =>
                new PolicySetup(p.Id, p.Name, p.IsDefault, p.CalendarId, calendars[p.CalendarId].Name, calendars[p.CalendarId].Calendar,
                    p.ReadTargets(), p.WarnAtPercent, p.ReadPauseStatuses(), p.ReadConditions())).ToList());
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Marks the setup changed: the next reads rebuild it, and the recompute job starts over on the open tickets.</summary>
    public static Task RaiseGenerationAsync(OknoDb db, DateTimeOffset now, CancellationToken ct)
    {
        return db.SlaSetupStates.Where(s => s.Id == SlaSetupState.SingletonId).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Generation, x => x.Generation + 1)
            .SetProperty(x => x.RecomputeCursor, 0L)
            .SetProperty(x => x.ChangedAt, now), ct);
    }
}
