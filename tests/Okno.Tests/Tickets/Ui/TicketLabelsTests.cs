using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Okno.Tickets.Ui;

namespace Okno.Tests.Tickets.Ui;

/// <summary>Durations as the SLA badge and panel write them: whole minutes rounded up (a countdown says "1 min" until it
/// is over), hours and minutes, days only for wall-clock time.</summary>
public sealed class TicketLabelsTests
{
    [Theory]
    [InlineData(0, true, "0 min")]
    [InlineData(0.2, true, "1 min")]
    [InlineData(25, true, "25 min")]
    [InlineData(59.99, true, "1 h")]
    [InlineData(59.3, true, "1 h")]
    [InlineData(130, true, "2 h 10 min")]
    [InlineData(-5, true, "0 min")]
    [InlineData(25 * 60 + 5, true, "1 d 1 h")]
    [InlineData(24 * 60 + 5, true, "1 d")]
    [InlineData(2 * 24 * 60, true, "2 d")]
    [InlineData(26 * 60 + 5, false, "26 h 5 min")]
    [InlineData(48 * 60, false, "48 h")]
    public void Durations_round_up_to_whole_minutes(double minutes, bool withDays, string expected) =>
        Assert.Equal(expected, InCulture("en-US", () => Labels().Duration(minutes, withDays)));

    [Fact]
    public void Durations_are_written_in_russian_too() =>
        Assert.Equal("2 ч 10 мин", InCulture("ru-RU", () => Labels().Duration(130, withDays: false)));

    private static TicketLabels Labels() => new(new StringLocalizer<TicketLabels>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private static string InCulture(string name, Func<string> work)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return work();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
