using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Sla;

/// <summary>A business calendar as stored: its name and zone as columns, the week and the dated exceptions as the
/// JSON of <see cref="CalendarDefinition"/> (a calendar is read whole, by the SLA clock, never searched inside).</summary>
public sealed class SlaCalendar
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string Definition { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public CalendarDefinition Read() => JsonSerializer.Deserialize<CalendarDefinition>(Definition, Json)!;
}

internal sealed class SlaCalendarConfiguration : IEntityTypeConfiguration<SlaCalendar>
{
    public void Configure(EntityTypeBuilder<SlaCalendar> b)
    {
        b.ToTable("SlaCalendars");
        b.Property(c => c.Name).HasMaxLength(CalendarDefinition.NameMaxLength);
        b.Property(c => c.TimeZone).HasMaxLength(64);
    }
}

public static class SlaData
{
    extension(OknoDb db)
    {
        public DbSet<SlaCalendar> SlaCalendars => db.Set<SlaCalendar>();
        public DbSet<SlaPolicy> SlaPolicies => db.Set<SlaPolicy>();
        public DbSet<TicketSla> TicketSlas => db.Set<TicketSla>();
        public DbSet<SlaAlert> SlaAlerts => db.Set<SlaAlert>();
        public DbSet<SlaSetupState> SlaSetupStates => db.Set<SlaSetupState>();
    }
}

public sealed record CalendarView(long Id, string Name, string TimeZone, WeekDto Week, IReadOnlyList<CalendarDayDto> Days,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CalendarDayChange(CalendarDayDto Before, CalendarDayDto After);

/// <summary>What an import changes in one year of a calendar: shown before it is saved, and the same answer when it is.</summary>
public sealed record CalendarImportResult(int Year, IReadOnlyList<CalendarDayDto> Added, IReadOnlyList<CalendarDayChange> Changed,
    IReadOnlyList<CalendarDayDto> Removed, bool Applied);

/// <summary>Business calendars (S4): list, read, create, change, delete, and import a year of exceptions from CSV or
/// iCal, previewed first (<c>/api/v1/calendars</c>).</summary>
public sealed class SlaCalendars(OknoDb db, TimeProvider clock, Audit audit)
{
    public const int MaxCalendars = 200;

    public async Task<IReadOnlyList<CalendarView>> ListAsync(CancellationToken ct) =>
        (await db.SlaCalendars.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).Take(MaxCalendars).ToListAsync(ct)).Select(ToView).ToList();

    public async Task<CalendarView> GetAsync(long id, CancellationToken ct) =>
        ToView(await db.SlaCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound(id));

    public async Task<CalendarView> CreateAsync(CalendarDefinition definition, long agentId, CancellationToken ct)
    {
        var clean = Clean(definition);
        var saved = await db.WriteAsync(async c =>
        {
            var now = clock.GetUtcNow();
            var calendar = new SlaCalendar { CreatedAt = now };
            Store(calendar, clean, now);
            db.SlaCalendars.Add(calendar);
            await db.SaveChangesAsync(c);
            audit.Add(agentId, "calendar.created", $"calendar:{calendar.Id}", calendar.Name);
            await db.SaveChangesAsync(c);
            return calendar;
        }, ct);
        return ToView(saved);
    }

    public async Task<CalendarView> UpdateAsync(long id, CalendarDefinition definition, long agentId, CancellationToken ct)
    {
        var clean = Clean(definition);
        var saved = await db.WriteAsync(async c =>
        {
            var calendar = await db.SlaCalendars.SingleOrDefaultAsync(x => x.Id == id, c) ?? throw NotFound(id);
            Store(calendar, clean, clock.GetUtcNow());
            audit.Add(agentId, "calendar.changed", $"calendar:{id}", calendar.Name);
            await SlaSetup.RaiseGenerationAsync(db, clock.GetUtcNow(), c);
            await db.SaveChangesAsync(c);
            return calendar;
        }, ct);
        return ToView(saved);
    }

    public async Task DeleteAsync(long id, long agentId, CancellationToken ct) =>
        await db.WriteAsync(async c =>
        {
            var calendar = await db.SlaCalendars.SingleOrDefaultAsync(x => x.Id == id, c) ?? throw NotFound(id);
            var users = await db.SlaPolicies.Where(p => p.CalendarId == id).OrderBy(p => p.Position).Select(p => p.Name).ToListAsync(c);
            if (users.Count > 0)
            {
                var list = string.Join(", ", users.Select(n => $"'{n}'"));
                throw new OknoException(new StateConflict(SlaErrorCodes.CalendarInUse,
                    $"The calendar '{calendar.Name}' is used by the SLA policies {list}; give them another calendar first.",
                    ("name", calendar.Name), ("usedBy", list)));
            }
            db.SlaCalendars.Remove(calendar);
            audit.Add(agentId, "calendar.deleted", $"calendar:{id}", calendar.Name);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);

    /// <summary>Replaces the exceptions of the file's year with the file's; with <paramref name="apply"/> false only says
    /// what that would change.</summary>
    public async Task<CalendarImportResult> ImportAsync(long id, string body, bool apply, long agentId, CancellationToken ct)
    {
        var imported = CalendarImport.Parse(body);
        return await db.WriteAsync(async c =>
        {
            var calendar = await db.SlaCalendars.SingleOrDefaultAsync(x => x.Id == id, c) ?? throw NotFound(id);
            var definition = calendar.Read();
            var days = definition.Days ?? [];
            var before = days.Where(d => d.Date?.StartsWith($"{imported.Year:D4}-", StringComparison.Ordinal) == true).ToDictionary(d => d.Date!);
            var after = imported.Days.Select(CalendarDefinition.ToDto).ToDictionary(d => d.Date!);
            var added = after.Values.Where(d => !before.ContainsKey(d.Date!)).ToList();
            var removed = before.Values.Where(d => !after.ContainsKey(d.Date!)).ToList();
            var changed = after.Values.Where(d => before.TryGetValue(d.Date!, out var old) && Text(old) != Text(d))
                .Select(d => new CalendarDayChange(before[d.Date!], d)).ToList();
            if (apply)
            {
                var merged = days.Where(d => !before.ContainsKey(d.Date!)).Concat(after.Values).OrderBy(d => d.Date, StringComparer.Ordinal).ToList();
                Store(calendar, Clean(definition with { Days = merged }), clock.GetUtcNow());
                audit.Add(agentId, "calendar.imported", $"calendar:{id}", $"{imported.Year}: +{added.Count} ~{changed.Count} -{removed.Count}");
                await SlaSetup.RaiseGenerationAsync(db, clock.GetUtcNow(), c);
                await db.SaveChangesAsync(c);
            }
            return new CalendarImportResult(imported.Year, added, changed, removed, apply);
        }, ct);
    }

    private static string Text(CalendarDayDto day) => JsonSerializer.Serialize(day, SlaCalendar.Json);

    /// <summary>Validated, trimmed and in a stable order (days by date, intervals by start).</summary>
    public static CalendarDefinition Clean(CalendarDefinition definition)
    {
        var calendar = definition.Validate();
        var week = definition.Week ?? new WeekDto();
        static List<IntervalDto> Sorted(List<IntervalDto>? hours) => CalendarDefinition.Intervals(hours, "", new FieldErrors())
            .Select(h => new IntervalDto(CalendarDefinition.FormatTime(h.From), CalendarDefinition.FormatTime(h.To))).ToList();
        return new CalendarDefinition(definition.Name!.Trim(), definition.TimeZone!.Trim(),
            new WeekDto(Sorted(week.Monday), Sorted(week.Tuesday), Sorted(week.Wednesday), Sorted(week.Thursday), Sorted(week.Friday),
                Sorted(week.Saturday), Sorted(week.Sunday)),
            (definition.Days ?? []).Select(d => calendar.ExceptionOn(DateOnly.ParseExact(d.Date!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))!)
                .OrderBy(d => d.Date).Select(CalendarDefinition.ToDto).ToList());
    }

    private static void Store(SlaCalendar calendar, CalendarDefinition clean, DateTimeOffset now)
    {
        calendar.Name = clean.Name!;
        calendar.TimeZone = clean.TimeZone!;
        calendar.Definition = JsonSerializer.Serialize(clean, SlaCalendar.Json);
        calendar.UpdatedAt = now;
    }

    private static CalendarView ToView(SlaCalendar c)
    {
        var d = c.Read();
        return new CalendarView(c.Id, c.Name, c.TimeZone, d.Week ?? new WeekDto(), d.Days ?? [], c.CreatedAt, c.UpdatedAt);
    }

    private static OknoException NotFound(long id) => new(new NotFound(SlaErrorCodes.NotFound, "Calendar", id));
}
