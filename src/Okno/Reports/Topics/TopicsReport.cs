using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Bots.Scenarios;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Reports.Team;
using Okno.Tickets;

namespace Okno.Reports.Topics;

public sealed record TopicExample(long Id, long Number, string Subject);

/// <summary>One topic: its count in the period and in the period just before it (same length), and a few examples.</summary>
/// <param name="Key">The type (snake case), the tag's name, or the subject's topic key.</param>
/// <param name="Label">What to show: the type, the tag, or the subject of the newest ticket of the topic.</param>
public sealed record TopicRow(string Key, string Label, int Count, int PreviousCount, IReadOnlyList<TopicExample> Examples);

/// <param name="To">The last day of the period, included; <paramref name="PreviousFrom"/>..<paramref name="PreviousTo"/>
/// the period the trend compares with.</param>
public sealed record TopicsView(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string TimeZone, int Tickets,
    IReadOnlyList<TopicRow> Types, IReadOnlyList<TopicRow> Tags, IReadOnlyList<TopicRow> Subjects);

/// <summary>Top topics (S9): the period's tickets by type (a tile per type: feature requests and bugs counted apart), by
/// tag and by subject topic (<see cref="TopicKeys"/>), each against the previous period of the same length, with example
/// tickets. Reads <see cref="TicketTopic"/> through its (created, …) indexes: grouped counts, then the examples of the
/// topics shown.</summary>
public sealed class TopicsReport(OknoDb db)
{
    public const int TopShown = 20;
    public const int ExamplesShown = 3;
    private static readonly ReportPeriodCodes PeriodCodes = new(TeamErrorCodes.RangeReversed, TeamErrorCodes.RangeTooLong, TeamErrorCodes.UnknownTimeZone);

    /// <summary>from..to both included (yyyy-MM-dd), in zone (default Europe/Moscow).</summary>
    public static ReportPeriod Period(string? from, string? to, string? zone, DateTimeOffset now) =>
        ReportPeriod.Parse(from, to, string.IsNullOrWhiteSpace(zone) ? TeamLive.DefaultZone : zone, toIncluded: true, now, PeriodCodes);

    public async Task<TopicsView> BuildAsync(ReportPeriod period, CancellationToken ct)
    {
        var days = period.Last.DayNumber - period.First.DayNumber + 1;
        var previous = new ReportPeriod(period.First.AddDays(-days), period.First.AddDays(-1), period.Zone);
        var (start, end, prevStart) = (period.Start, period.End, previous.Start);
        var topics = db.Set<TicketTopic>().AsNoTracking();
        var now = topics.Where(t => t.CreatedAt >= start && t.CreatedAt < end);
        var before = topics.Where(t => t.CreatedAt >= prevStart && t.CreatedAt < start);

        var types = await now.GroupBy(t => t.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var typesBefore = await before.GroupBy(t => t.Type).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var typeRows = Enum.GetValues<TicketType>().Select(t => new TopicRow(t.ToSnakeCase(), t.ToSnakeCase(), types.GetValueOrDefault(t),
            typesBefore.GetValueOrDefault(t), [])).ToList();

        var tagCounts = await (from t in now join tt in db.TicketTags on t.TicketId equals tt.TicketId group tt by tt.TagId into g
                               select new { TagId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.TagId).Take(TopShown).ToListAsync(ct);
        var tagIds = tagCounts.Select(t => t.TagId).ToList();
        var tagsBefore = await (from t in before join tt in db.TicketTags on t.TicketId equals tt.TicketId where tagIds.Contains(tt.TagId)
                                group tt by tt.TagId into g select new { TagId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TagId, g => g.Count, ct);
        var tagNames = await db.Tags.Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var tagRows = new List<TopicRow>();
        foreach (var tag in tagCounts)
        {
            var examples = await (from t in now join tt in db.TicketTags on t.TicketId equals tt.TicketId where tt.TagId == tag.TagId
                                  join ticket in db.Tickets on t.TicketId equals ticket.Id
                                  orderby t.CreatedAt descending, t.TicketId descending
                                  select new TopicExample(ticket.Id, ticket.Number, ticket.Subject)).Take(ExamplesShown).ToListAsync(ct);
            var name = tagNames.GetValueOrDefault(tag.TagId) ?? "#" + tag.TagId;
            tagRows.Add(new TopicRow(name, name, tag.Count, tagsBefore.GetValueOrDefault(tag.TagId), examples));
        }

        var keyCounts = await now.Where(t => t.Key != "").GroupBy(t => t.Key).Select(g => new { g.Key, Count = g.Count() })
            .Where(g => g.Count > 1).OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(TopShown).ToListAsync(ct);
        var keys = keyCounts.Select(k => k.Key).ToList();
        var keysBefore = await before.Where(t => keys.Contains(t.Key)).GroupBy(t => t.Key).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var subjectRows = new List<TopicRow>();
        foreach (var key in keyCounts)
        {
            var examples = await (from t in now where t.Key == key.Key join ticket in db.Tickets on t.TicketId equals ticket.Id
                                  orderby t.CreatedAt descending, t.TicketId descending
                                  select new TopicExample(ticket.Id, ticket.Number, ticket.Subject)).Take(ExamplesShown).ToListAsync(ct);
            subjectRows.Add(new TopicRow(key.Key, examples.FirstOrDefault()?.Subject ?? key.Key, key.Count, keysBefore.GetValueOrDefault(key.Key), examples));
        }

        return new TopicsView(period.First, period.Last, previous.First, previous.Last, period.Zone.Id, types.Values.Sum(), typeRows, tagRows, subjectRows);
    }

    /// <summary>The report as CSV (UTF-8 with a BOM): a row per type, tag and subject topic; a cell a spreadsheet would run
    /// as a formula (=, +, -, @) is escaped.</summary>
    public static async Task WriteCsvAsync(TopicsView report, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        var config = new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture)
        {
            InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape,
        };
        await using var csv = new CsvHelper.CsvWriter(writer, config);
        foreach (var header in new[] { "by", "key", "label", "count", "previous_count", "examples" }) csv.WriteField(header);
        await csv.NextRecordAsync();
        foreach (var (by, rows) in new[] { ("type", report.Types), ("tag", report.Tags), ("subject", report.Subjects) })
        {
            foreach (var r in rows)
            {
                ct.ThrowIfCancellationRequested();
                csv.WriteField(by);
                csv.WriteField(r.Key);
                csv.WriteField(r.Label);
                csv.WriteField(r.Count.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(r.PreviousCount.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(string.Join(' ', r.Examples.Select(e => "#" + e.Number.ToString(CultureInfo.InvariantCulture))));
                await csv.NextRecordAsync();
            }
        }
        await csv.FlushAsync();
    }
}

public static class TopicsExport
{
    public static readonly string[] Head = ["by", "key", "label", "count", "previous_count", "examples"];

    /// <summary>The same rows as <see cref="TopicsReport.WriteCsvAsync"/>, as .xlsx.</summary>
    public static Task WriteXlsxAsync(TopicsView report, Stream output, CancellationToken ct) =>
        Exports.ReportExport.TableXlsxAsync("topics", Head, Exports.ReportExport.Rows(
            new[] { ("type", report.Types), ("tag", report.Tags), ("subject", report.Subjects) }.SelectMany(part => part.Item2.Select(r => new object?[]
            {
                part.Item1, r.Key, r.Label, r.Count, r.PreviousCount,
                string.Join(' ', r.Examples.Select(e => "#" + e.Number.ToString(CultureInfo.InvariantCulture))),
            }))), output, ct);
}

public sealed record TopicBotDraftRequest(string? Question);

/// <summary>Turns a topic into a draft (disabled) scenario-bot answer: one step that says the answer and resolves the
/// ticket, its text left for the admin to write under the customers' question.</summary>
public sealed class TopicBotDraft(BotScenarios scenarios)
{
    public async Task<BotScenarioView> ExecuteAsync(TopicBotDraftRequest request, long agentId, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("question", request.Question, ScenarioRules.NameMaxLength);
        errors.ThrowIfAny();
        var question = request.Question!.Trim();
        var text = new ScenarioText($"{question}\n\n(Напишите здесь ответ.)", $"{question}\n\n(Write the answer here.)");
        return await scenarios.CreateAsync(new ScenarioDefinition(question, false, [new ScenarioStep("answer", ScenarioStepKind.End, text)]), agentId, ct);
    }
}
