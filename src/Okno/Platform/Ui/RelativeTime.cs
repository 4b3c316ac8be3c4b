using System.Globalization;
using Microsoft.Extensions.Localization;
using Okno.Platform.Localization;

namespace Okno.Platform.Ui;

/// <summary>"5 min ago" in the agent's language: needs no time zone, unlike a clock time rendered on the server.</summary>
public sealed class RelativeTime(IStringLocalizer<Strings> localizer, TimeProvider clock)
{
    public string Of(DateTimeOffset at)
    {
        var ago = clock.GetUtcNow() - at;
        if (ago < TimeSpan.FromMinutes(1)) return localizer["JustNow"];
        if (ago < TimeSpan.FromHours(1)) return string.Format(CultureInfo.CurrentCulture, localizer["MinutesAgo"], (int)ago.TotalMinutes);
        if (ago < TimeSpan.FromDays(1)) return string.Format(CultureInfo.CurrentCulture, localizer["HoursAgo"], (int)ago.TotalHours);
        if (ago < TimeSpan.FromDays(7)) return string.Format(CultureInfo.CurrentCulture, localizer["DaysAgo"], (int)ago.TotalDays);
        return at.UtcDateTime.ToString("d", CultureInfo.CurrentCulture);
    }

    /// <summary>The exact moment, for a tooltip.</summary>
    public static string Exact(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
