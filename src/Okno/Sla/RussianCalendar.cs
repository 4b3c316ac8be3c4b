namespace Okno.Sla;

/// <summary>"Russia, five-day week": Monday to Friday 09:00–13:00 and 14:00–18:00 (an eight-hour day with a lunch hour)
/// in Europe/Moscow, with the production calendar's exceptions read from the CSV that ships with Okno (data, not code:
/// a further year is imported the same way).</summary>
public static class RussianCalendar
{
    public const string Name = "Россия, пятидневка";
    public const string TimeZone = "Europe/Moscow";
    public static readonly IReadOnlyList<int> ShippedYears = [2026];

    public static List<IntervalDto> WorkDay() => [new("09:00", "13:00"), new("14:00", "18:00")];

    public static string ShippedCsv(int year)
    {
        using var stream = typeof(RussianCalendar).Assembly.GetManifestResourceStream($"Okno.Sla.ru-production-calendar-{year}.csv")
            ?? throw new InvalidOperationException($"No production calendar for {year} ships with Okno.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The calendar as Okno ships it, every shipped year's exceptions included.</summary>
    public static CalendarDefinition Definition() => new(Name, TimeZone,
        new WeekDto(WorkDay(), WorkDay(), WorkDay(), WorkDay(), WorkDay(), [], []),
        ShippedYears.SelectMany(y => CalendarImport.Parse(ShippedCsv(y)).Days).Select(CalendarDefinition.ToDto).ToList());
}
