using Okno.Platform.Web;
using Okno.Customers;
using Okno.Admin;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Automation.Triggers;

public sealed record TriggerPreviewTicket(long Id, long Number, string Subject, string Status, string Priority, long? GroupId, long? AssigneeId,
    DateTimeOffset UpdatedAt);

/// <param name="Tickets">The newest matching open tickets (at most <see cref="TriggerPreview.MaxShown"/>).</param>
/// <param name="Matched">How many of the scanned tickets match.</param>
/// <param name="Scanned">How many open tickets were looked at; <paramref name="Complete"/> false when the scan stopped at
/// <see cref="TriggerPreview.MaxScanned"/> (then <paramref name="Matched"/> is a lower bound).</param>
/// <param name="IgnoredConditions">Conditions about a change (changed, changed to/from): a preview has no change to
/// judge them by, so they are left out (their indexes).</param>
public sealed record TriggerPreviewResult(IReadOnlyList<TriggerPreviewTicket> Tickets, int Matched, int Scanned, bool Complete,
    IReadOnlyList<int> IgnoredConditions);

/// <summary>Which open tickets a trigger's conditions match right now. The conditions a database can judge (status,
/// priority, type, channel, group, assignee, company) narrow the read when all must hold; the rest are judged by the same
/// classes the engine runs, over the candidates newest first, in batches.</summary>
public sealed class TriggerPreview(OknoDb db, Triggers triggers, TriggerEngine engine, TriggerConditions conditions)
{
    public const int MaxShown = 50;
    public const int MaxScanned = 20_000;
    private const int Batch = 500;

    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold];

    public async Task<TriggerPreviewResult> RunAsync(TriggerDefinition definition, CancellationToken ct)
    {
        var stored = await triggers.ValidateAsync(definition, ct, forPreview: true);
        var ignored = stored.Conditions.Select((c, i) => (c, i)).Where(x => ConditionOperators.IsAboutChange(x.c.Operator!)).Select(x => x.i).ToList();
        var judged = stored.Conditions.Where(c => !ConditionOperators.IsAboutChange(c.Operator!));
        var trigger = new LoadedTrigger(0, "", 0, new HashSet<string>(), stored.Match != TriggerMatch.Any, conditions.Prepare(judged), []);

        var query = db.Tickets.AsNoTracking().Where(t => OpenStatuses.Contains(t.Status));
        if (trigger.MatchAll) foreach (var c in trigger.Conditions) query = Narrow(query, c);
        var shown = new List<TriggerPreviewTicket>();
        int matched = 0, scanned = 0;
        long? before = null;
        var complete = true;
        while (true)
        {
            var page = query;
            if (before is { } b) page = page.Where(t => t.Id < b);
            var batch = await page.OrderByDescending(t => t.Id).Take(Batch).Include(t => t.Tags).ThenInclude(tt => tt.Tag).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var context in await engine.ContextsAsync(batch, trigger.Needs, ct))
            {
                if (!TriggerEngine.Matches(trigger, context)) continue;
                matched++;
                var ticket = context.Ticket;
                if (shown.Count < MaxShown)
                    shown.Add(new TriggerPreviewTicket(ticket.Id, ticket.Number, ticket.Subject, ticket.Status.ToSnakeCase(), ticket.Priority.ToSnakeCase(),
                        ticket.GroupId, ticket.AssigneeId, ticket.UpdatedAt));
            }
            scanned += batch.Count;
            before = batch[^1].Id;
            if (batch.Count < Batch) break;
            if (scanned >= MaxScanned) { complete = false; break; }
        }
        return new TriggerPreviewResult(shown, matched, scanned, complete, ignored);
    }

    /// <summary>A condition the database can apply, applied; any other leaves the query as it is (judged in memory).</summary>
    private static IQueryable<Ticket> Narrow(IQueryable<Ticket> query, PreparedCondition c)
    {
        var values = c.Values;
        List<long> Ids() => values.Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        switch (c.Spec.Field, c.Spec.Operator)
        {
            case ("status", ConditionOperators.EqualsTo or ConditionOperators.In):
                var statuses = values.Select(ValueChecks.Parse<TicketStatus>).OfType<TicketStatus>().ToList();
                return query.Where(t => statuses.Contains(t.Status));
            case ("priority", ConditionOperators.EqualsTo or ConditionOperators.In):
                var priorities = values.Select(ValueChecks.Parse<TicketPriority>).OfType<TicketPriority>().ToList();
                return query.Where(t => priorities.Contains(t.Priority));
            case ("type", ConditionOperators.EqualsTo or ConditionOperators.In):
                var types = values.Select(ValueChecks.Parse<TicketType>).OfType<TicketType>().ToList();
                return query.Where(t => types.Contains(t.Type));
            case ("group", ConditionOperators.EqualsTo or ConditionOperators.In):
                var groups = Ids();
                return query.Where(t => t.GroupId != null && groups.Contains(t.GroupId.Value));
            case ("group", ConditionOperators.IsEmpty):
                return query.Where(t => t.GroupId == null);
            case ("assignee", ConditionOperators.EqualsTo or ConditionOperators.In):
                var agents = Ids();
                return query.Where(t => t.AssigneeId != null && agents.Contains(t.AssigneeId.Value));
            case ("assignee", ConditionOperators.IsEmpty):
                return query.Where(t => t.AssigneeId == null);
            case ("company", ConditionOperators.EqualsTo or ConditionOperators.In):
                var companies = Ids();
                return query.Where(t => t.CompanyId != null && companies.Contains(t.CompanyId.Value));
            default:
                return query;
        }
    }
}
