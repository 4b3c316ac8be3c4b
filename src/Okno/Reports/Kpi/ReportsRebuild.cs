using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Sla;
using Okno.Surveys;
using Okno.Tickets;
using Okno.Tickets.Events;
using Quartz;

namespace Okno.Reports.Kpi;

/// <summary>Recomputes every aggregate from the tickets and their history (for a desk that existed before the reports,
/// or after a change of the report time zone): clears the tables, replays each ticket's history rows through the same
/// <see cref="ReportLedger"/> the live handler uses, in batches of tickets, and writes the sums at the end. Events the
/// live handler counts meanwhile for tickets already replayed are added to, not overwritten.</summary>
public sealed class ReportsRebuild(IDbContextFactory<OknoDb> dbs, SlaSetup sla, IOptions<ReportsOptions> options, ILogger<ReportsRebuild> logger)
{
    public const int BatchSize = 1000;
    private const int WriteChunk = 2000;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        SlaSetupSnapshot snapshot;
        ReportFieldValues.Fields fields;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            await db.Set<ReportTicketState>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyFact>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyTagFact>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyFieldFact>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyNps>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyTotal>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyGroupFact>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyAssigneeFact>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyChannelFact>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyCompanyFact>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyTypeFact>().ExecuteDeleteAsync(ct);
            await db.Set<ReportDailyPriorityFact>().ExecuteDeleteAsync(ct);
            snapshot = await sla.CurrentAsync(db, ct);
            fields = await ReportFieldValues.FieldsAsync(db, ct);
        }
        var ledger = new ReportLedger(options.Value.Zone, snapshot, fields.Types);
        var deltas = new FactDeltas();
        long after = 0;
        var tickets = 0;
        while (true)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var batch = await db.Tickets.AsNoTracking().Where(t => t.Id > after).OrderBy(t => t.Id).Take(BatchSize)
                .Select(t => new { t.Id, t.Channel, t.CompanyId, t.Type, t.Priority, t.CreatedAt, t.Status, t.GroupId, t.AssigneeId })
                .ToListAsync(ct);
            if (batch.Count == 0) break;
            var (first, last) = (batch[0].Id, batch[^1].Id);
            var history = (await db.TicketEvents.AsNoTracking().Where(h => h.TicketId >= first && h.TicketId <= last)
                    .Select(h => new Row(h.TicketId, h.TicketVersion, h.Kind, h.Field, h.OldValue, h.NewValue, h.At, h.ActorKind, h.ActorId,
                        h.Message == null ? null : h.Message.IsInternal, h.Message == null ? null : h.Message.Direction))
                    .ToListAsync(ct))
                .ToLookup(h => h.TicketId);
            var displays = await ReportFieldValues.DisplaysAsync(db, fields, first, last, ct);
            var tags = await TicketTagNames.InRangeAsync(db, first, last, ct);
            var states = new List<ReportTicketState>(batch.Count);
            foreach (var t in batch)
            {
                var rows = history[t.Id].OrderBy(h => h.Version).ToList();
                var createdRow = rows.FirstOrDefault(r => r.Kind == TicketEventKind.Created);
                if (createdRow is null) continue;
                var facts = ReportsEventHandler.Undo(t.Channel.Value, t.CompanyId, t.Type, t.Priority, tags[t.Id].ToList(), t.CreatedAt, t.GroupId, t.AssigneeId,
                    rows.Where(r => r.Version > createdRow.Version && r.Kind == TicketEventKind.Changed && ReportsEventHandler.Undoes(r.Field))
                        .Select(r => new ReportsEventHandler.HistoryChange(r.Version, r.Field!, r.OldValue, r.At)),
                    displays.GetValueOrDefault(t.Id), fields.Types);
                // The routing right after creation: today's, with every later routing change undone.
                var routing = new TicketRouting(t.Status, t.GroupId, t.AssigneeId);
                foreach (var r in rows.Where(r => r.Version > createdRow.Version).OrderByDescending(r => r.Version))
                    routing = Undo(r, routing);
                var created = new TicketCreated(0, "", t.Channel.Value, 0)
                {
                    TicketId = t.Id, TicketVersion = createdRow.Version, At = createdRow.At, After = routing,
                    Cause = new Actor(createdRow.ActorKind, createdRow.ActorId),
                };
                var state = ledger.Start(created, facts, deltas);
                foreach (var r in rows.Where(r => r.Version > createdRow.Version))
                    if (ToEvent(r) is { } e) ledger.Apply(e with { TicketId = t.Id, TicketVersion = r.Version, At = r.At, Cause = new Actor(r.ActorKind, r.ActorId) }, state, deltas);
                state.LastVersion = rows[^1].Version;
                states.Add(state);
            }
            db.AddRange(states);
            await db.SaveChangesAsync(ct);
            tickets += batch.Count;
            after = last;
        }
        var nps = await SurveysAsync(deltas, ct);
        await WriteAsync(deltas, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct)) await ReportRollups.RecomputeAsync(db, ct);
        await WriteNpsAsync(nps, ct);
        logger.LogInformation("Report aggregates rebuilt from {Tickets} tickets in {Seconds:0.0} s: {Facts} daily rows", tickets,
            started.Elapsed.TotalSeconds, deltas.Facts.Count);
        return tickets;
    }

    /// <summary>The survey counters from the answers themselves: each CSAT answer under the dimensions its survey froze
    /// (and the ticket's type and priority), each NPS answer under its day × company — as <see cref="SurveyFactWriter"/>
    /// counts them live. In id order, a batch at a time.</summary>
    private async Task<Dictionary<(DateOnly Day, long CompanyId), ReportDailyNps>> SurveysAsync(FactDeltas deltas, CancellationToken ct)
    {
        var reports = options.Value;
        long after = 0;
        while (true)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var batch = await db.CsatSurveys.AsNoTracking().Where(s => s.Id > after && s.AnsweredAt != null && s.Rating != null).OrderBy(s => s.Id).Take(BatchSize)
                .Join(db.Tickets, s => s.TicketId, t => t.Id, (s, t) => new { s.Id, s.AnsweredAt, s.GroupId, s.AgentId, s.Channel, s.CompanyId, s.Rating, t.Type, t.Priority })
                .ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var a in batch)
                deltas[SurveyFactWriter.CsatKey(reports, a.AnsweredAt!.Value, a.GroupId, a.AgentId, a.Channel.Value, a.CompanyId, a.Type, a.Priority)]
                    .AddCsat(a.Rating!.Value);
            after = batch.Max(a => a.Id);
        }
        var nps = new Dictionary<(DateOnly, long), ReportDailyNps>();
        after = 0;
        while (true)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            var batch = await db.Set<Surveys.Nps.NpsAnswer>().AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(BatchSize)
                .Select(a => new { a.Id, a.AnsweredAt, a.CompanyId, a.Score }).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var a in batch)
            {
                var key = (SurveyFactWriter.DayOf(reports, a.AnsweredAt), a.CompanyId ?? 0);
                if (!nps.TryGetValue(key, out var row)) nps[key] = row = new ReportDailyNps { Day = key.Item1, CompanyId = key.Item2 };
                row.Add(a.Score);
            }
            after = batch[^1].Id;
        }
        return nps;
    }

    /// <summary>Inserts the NPS sums, added to rows answers made meanwhile.</summary>
    private async Task WriteNpsAsync(Dictionary<(DateOnly Day, long CompanyId), ReportDailyNps> nps, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        foreach (var live in await db.Set<ReportDailyNps>().ToListAsync(ct))
            if (nps.Remove((live.Day, live.CompanyId), out var sum))
            {
                live.Promoters += sum.Promoters; live.Passives += sum.Passives; live.Detractors += sum.Detractors;
            }
        db.AddRange(nps.Values);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Inserts the sums; rows the live handler made meanwhile (few) are read first and added to.</summary>
    private async Task WriteAsync(FactDeltas deltas, CancellationToken ct)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var live = new FactDeltas();
            foreach (var row in await db.Set<ReportDailyFact>().AsNoTracking().ToListAsync(ct)) live[row.Key].Add(row);
            if (!live.IsEmpty)
            {
                await db.Set<ReportDailyFact>().ExecuteDeleteAsync(ct);
                foreach (var (key, row) in live.Facts) deltas[key].Add(row);
            }
            foreach (var t in await db.Set<ReportDailyTagFact>().AsNoTracking().ToListAsync(ct)) deltas.Tag(t.Day, t.Tag).Add(t);
            await db.Set<ReportDailyTagFact>().ExecuteDeleteAsync(ct);
            foreach (var f in await db.Set<ReportDailyFieldFact>().AsNoTracking().ToListAsync(ct)) deltas.Field(f.Day, f.Field, f.Value).Add(f);
            await db.Set<ReportDailyFieldFact>().ExecuteDeleteAsync(ct);
        }
        var all = deltas.Facts.Values.Cast<object>().Concat(deltas.Tags.Values).Concat(deltas.Fields.Values);
        foreach (var chunk in all.Chunk(WriteChunk))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(chunk);
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed record Row(long TicketId, long Version, TicketEventKind Kind, string? Field, string? OldValue, string? NewValue,
        DateTimeOffset At, ActorKind ActorKind, long? ActorId, bool? Internal, MessageDirection? Direction);

    private static TicketRouting Undo(Row row, TicketRouting state) =>
        row.Kind != TicketEventKind.Changed ? state : row.Field switch
        {
            "status" => state with { Status = Status(row.OldValue) ?? state.Status },
            "group" => state with { GroupId = Id(row.OldValue) },
            "assignee" => state with { AssigneeId = Id(row.OldValue) },
            _ => state,
        };

    /// <summary>The events of the history row kinds the ledger counts (as <see cref="TicketEventOutbox"/> derives them).</summary>
    private static TicketDomainEvent? ToEvent(Row r) => r.Kind switch
    {
        TicketEventKind.MessageAdded when r.Internal == false => r.Direction == MessageDirection.In ? new MessageReceived(0) : new ReplySent(0),
        TicketEventKind.SlaAlert => new SlaAlertRaised(r.NewValue ?? "", r.Field == Ticket.SlaBreachField,
            DateTimeOffset.Parse(r.OldValue ?? "", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)),
        TicketEventKind.Escalated => new TicketEscalated(Id(r.OldValue), Id(r.NewValue) ?? 0, r.Field == Ticket.ReturnedField, 0, ""),
        TicketEventKind.Changed => r.Field switch
        {
            "status" when Status(r.OldValue) is { } from && Status(r.NewValue) is { } to => new TicketStatusChanged(from, to),
            "priority" when Parse<TicketPriority>(r.OldValue) is { } from && Parse<TicketPriority>(r.NewValue) is { } to => new TicketPriorityChanged(from, to),
            "type" when Parse<TicketType>(r.OldValue) is { } from && Parse<TicketType>(r.NewValue) is { } to => new TicketTypeChanged(from, to),
            "group" => new TicketGroupChanged(Id(r.OldValue), Id(r.NewValue)),
            "assignee" => new TicketAssigneeChanged(Id(r.OldValue), Id(r.NewValue)),
            "tags" => new TicketTagsChanged(Tags(r.OldValue), Tags(r.NewValue)),
            { } field when field.StartsWith(Ticket.CustomFieldPrefix, StringComparison.Ordinal) =>
                new TicketCustomFieldChanged(field[Ticket.CustomFieldPrefix.Length..], r.OldValue, r.NewValue),
            _ => null,
        },
        _ => null,
    };

    private static IReadOnlyList<string> Tags(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(", ", StringSplitOptions.RemoveEmptyEntries);

    private static long? Id(string? text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    private static TicketStatus? Status(string? text) => Parse<TicketStatus>(text);
    private static T? Parse<T>(string? text) where T : struct, Enum =>
        text is null ? null : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v!.Value.ToSnakeCase() == text);
}

/// <summary>The rebuild as a clustered job: started by the admin API, run on one node; a run cut short by a node dying
/// is run again from the start by another (recovery).</summary>
[DisallowConcurrentExecution]
internal sealed class ReportsRebuildJob(ReportsRebuild rebuild) : IJob
{
    public static readonly JobKey Key = new("reports-rebuild");

    public static void Schedule(IQuartzBuilder quartz) =>
        quartz.AddJob<ReportsRebuildJob>(j => j.WithIdentity(Key).StoreDurably().RequestRecovery());

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await rebuild.RunAsync(cancellationToken);
}
