using Okno.Platform.Web;

namespace Okno.Tests.Platform;

/// <summary>A report's period read from from/to/zone: the day "to" names (the last one, or the day after it), the default
/// last 30 days in the zone, and every bad value refused with the report's own codes on the field at fault.</summary>
public sealed class ReportPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 22, 30, 0, TimeSpan.Zero);
    private static readonly ReportPeriodCodes Codes = new("test.reversed", "test.too_long", "test.unknown_zone");

    private static ReportPeriod Parse(string? from, string? to, string? zone = null, bool toIncluded = true) =>
        ReportPeriod.Parse(from, to, zone, toIncluded, Now, Codes);

    [Fact]
    public void To_names_the_last_day_or_the_day_after_it()
    {
        var included = Parse("2026-03-01", "2026-03-31");
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (included.First, included.Last));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), included.Start);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), included.End);

        var excluded = Parse("2026-03-01", "2026-03-31", toIncluded: false);
        Assert.Equal((new DateOnly(2026, 3, 30), new DateOnly(2026, 3, 31)), (excluded.Last, excluded.DayAfter));
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero), excluded.End);
    }

    [Fact]
    public void By_default_the_last_30_days_up_to_today_in_the_zone()
    {
        var utc = Parse(null, null);
        Assert.Equal((new DateOnly(2026, 11, 6), new DateOnly(2026, 12, 5)), (utc.First, utc.Last));
        // 22:30 UTC is already the 6th in Vladivostok (+10), whose day starts at 14:00 UTC the day before.
        var vladivostok = Parse(null, null, "Asia/Vladivostok");
        Assert.Equal((new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 6)), (vladivostok.First, vladivostok.Last));
        Assert.Equal(new DateTimeOffset(2026, 11, 6, 14, 0, 0, TimeSpan.Zero), vladivostok.Start);
        Assert.Equal(new DateOnly(2026, 12, 5), Parse(null, null, toIncluded: false).Last);
    }

    [Theory]
    [InlineData("yesterday", null, null, true, "from", ErrorCodes.InvalidDate)]
    [InlineData(null, "2026-13-01", null, true, "to", ErrorCodes.InvalidDate)]
    [InlineData("0001-01-01", "0001-01-01", "Asia/Vladivostok", true, "from", ErrorCodes.OutOfRange)]
    [InlineData(null, "9999-12-31", null, true, "to", ErrorCodes.OutOfRange)]
    [InlineData(null, null, "Mars/Olympus", true, "zone", "test.unknown_zone")]
    [InlineData("2026-03-02", "2026-03-01", null, true, "from", "test.reversed")]
    [InlineData("2026-03-01", "2026-03-01", null, false, "from", "test.reversed")]
    [InlineData("2025-01-01", "2026-01-02", null, true, "from", "test.too_long")]
    [InlineData("2025-01-01", "2026-01-02", null, true, "to", "test.too_long")]
    public void A_bad_period_is_refused_naming_the_field(string? from, string? to, string? zone, bool toIncluded, string field, string code)
    {
        var refused = Assert.Throws<OknoException>(() => Parse(from, to, zone, toIncluded));
        var input = Assert.IsType<InvalidInput>(refused.Error);
        Assert.Contains(code, input.Fields[field].Select(e => e.Code));
    }

    [Fact]
    public void A_year_of_366_days_is_the_longest_period()
    {
        Assert.Equal(366, Parse("2024-01-01", "2024-12-31").Last.DayNumber - Parse("2024-01-01", "2024-12-31").First.DayNumber + 1);
        Assert.Equal(new DateOnly(2025, 1, 1), Parse("2024-01-01", "2025-01-01", toIncluded: false).DayAfter);
    }
}
