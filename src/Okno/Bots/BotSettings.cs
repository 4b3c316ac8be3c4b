using Microsoft.EntityFrameworkCore;
using Okno.Channels;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Bots;

/// <summary>The scenarios an admin may put on a source (the scenario bot provides them); without it, no scenario can be chosen.</summary>
public interface IBotScenarioCatalog
{
    Task<IReadOnlyList<BotScenarioChoice>> ListAsync(CancellationToken cancellationToken);
}

public sealed record BotScenarioChoice(long Id, string Name, bool Enabled);

/// <summary>One source of new requests and the bot on it ("off" when none).</summary>
/// <param name="Source">"account:12" or "helpcenter".</param>
/// <param name="Kind">The channel kind ("telegram"…), or "helpcenter".</param>
public sealed record BotSourceView(string Source, string Name, string Kind, bool Enabled, string Bot, long? ScenarioId, int SilenceMinutes, long? CalendarId);

/// <param name="Bot">"off", "answer" or "scenario".</param>
public sealed record BotSourceRequest(string? Bot, long? ScenarioId, int? SilenceMinutes, long? CalendarId);

/// <summary>Which bot talks on which source: every channel account and the help center's form, with their setting.</summary>
public sealed class BotSettings(OknoDb db, IEnumerable<IBotScenarioCatalog> scenarios, TimeProvider clock)
{
    public const string Off = "off";
    public const int MaxSources = 500;

    public static string NameOf(BotKind kind) => kind == BotKind.Answer ? "answer" : "scenario";

    public async Task<IReadOnlyList<BotSourceView>> ListAsync(CancellationToken ct)
    {
        var settings = await db.Set<BotChannelSetting>().AsNoTracking().ToDictionaryAsync(s => s.Source, ct);
        // Accounts are few (mailboxes, bots, widgets); a desk with hundreds still fits one page.
        var accounts = await db.Set<ChannelAccount>().AsNoTracking().OrderBy(a => a.Id).Take(MaxSources)
            .Select(a => new { a.Id, a.Name, a.Kind, a.IsEnabled }).ToListAsync(ct);
        var views = new List<BotSourceView> { View(BotChannelSetting.HelpCenterSource, "", "helpcenter", true, settings) };
        views.AddRange(accounts
            .Select(a => View(BotChannelSetting.AccountSource(a.Id), a.Name, a.Kind.Value, a.IsEnabled, settings)));
        return views;
    }

    private static BotSourceView View(string source, string name, string kind, bool enabled, Dictionary<string, BotChannelSetting> settings) =>
        settings.TryGetValue(source, out var s)
            ? new BotSourceView(source, name, kind, enabled, NameOf(s.Kind), s.ScenarioId, s.SilenceMinutes, s.CalendarId)
            : new BotSourceView(source, name, kind, enabled, Off, null, 10, null);

    public async Task<BotSourceView> UpdateAsync(string source, BotSourceRequest request, CancellationToken ct)
    {
        var accountId = source.StartsWith("account:", StringComparison.Ordinal) && long.TryParse(source.AsSpan(8), out var id) ? id : (long?)null;
        if (source != BotChannelSetting.HelpCenterSource
            && (accountId is null || !await db.Set<ChannelAccount>().AnyAsync(a => a.Id == accountId, ct)))
            throw new OknoException(new NotFound(BotErrorCodes.SourceNotFound, "Bot source", source));
        var errors = new FieldErrors();
        var bot = request.Bot?.Trim().ToLowerInvariant();
        BotKind? kind = bot switch { "answer" => BotKind.Answer, "scenario" => BotKind.Scenario, Off => null, _ => null };
        if (bot is null) errors.Required("bot");
        else if (bot is not ("answer" or "scenario" or Off))
            errors.Add("bot", BotErrorCodes.UnknownBot, $"'{bot}' is not a bot: off, answer or scenario.", ("value", bot));
        if (kind == BotKind.Scenario)
        {
            if (request.ScenarioId is not { } scenarioId) errors.Required("scenarioId");
            else
            {
                var known = new List<BotScenarioChoice>();
                foreach (var catalog in scenarios) known.AddRange(await catalog.ListAsync(ct));
                if (!known.Any(s => s.Id == scenarioId && s.Enabled))
                    errors.Add("scenarioId", BotErrorCodes.ScenarioNotFound, $"There is no enabled scenario {scenarioId}.", ("id", scenarioId));
            }
        }
        var silence = request.SilenceMinutes ?? 10;
        if (silence is < BotChannelSetting.MinSilenceMinutes or > BotChannelSetting.MaxSilenceMinutes)
            errors.Add("silenceMinutes", ErrorCodes.OutOfRange, $"Between {BotChannelSetting.MinSilenceMinutes} and {BotChannelSetting.MaxSilenceMinutes} minutes.",
                ("min", BotChannelSetting.MinSilenceMinutes), ("max", BotChannelSetting.MaxSilenceMinutes));
        if (request.CalendarId is { } calendarId && !await db.Set<Sla.SlaCalendar>().AnyAsync(c => c.Id == calendarId, ct))
            errors.Add("calendarId", BotErrorCodes.CalendarNotFound, $"There is no calendar {calendarId}.", ("id", calendarId));
        errors.ThrowIfAny();

        var row = await db.Set<BotChannelSetting>().FirstOrDefaultAsync(s => s.Source == source, ct);
        if (kind is not { } chosen)
        {
            if (row is not null) db.Remove(row);
        }
        else
        {
            if (row is null) db.Add(row = new BotChannelSetting { Source = source });
            row.Kind = chosen;
            row.ScenarioId = chosen == BotKind.Scenario ? request.ScenarioId : null;
            row.SilenceMinutes = silence;
            row.CalendarId = request.CalendarId;
            row.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        // The one source's view, not the whole list re-read (up to 500 accounts) to pick it out.
        var account = accountId is { } accountKey
            ? await db.Set<ChannelAccount>().AsNoTracking().Where(a => a.Id == accountKey).Select(a => new { a.Name, Kind = a.Kind.Value, a.IsEnabled }).SingleAsync(ct)
            : new { Name = "", Kind = "helpcenter", IsEnabled = true };
        var settings = row is null || kind is null ? [] : new Dictionary<string, BotChannelSetting> { [source] = row };
        return View(source, account.Name, account.Kind, account.IsEnabled, settings);
    }
}

public static class BotErrorCodes
{
    public const string SourceNotFound = "bots.source_not_found";
    public const string UnknownBot = "bots.unknown_bot";
    public const string ScenarioNotFound = "bots.scenario_not_found";
    public const string CalendarNotFound = "bots.calendar_not_found";
}
