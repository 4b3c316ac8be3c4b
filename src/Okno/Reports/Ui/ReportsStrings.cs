using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Ui;

namespace Okno.Reports.Ui;

/// <summary>Marker for the KPI dashboard's strings in ReportsStrings.resx (English) and ReportsStrings.ru.resx (Russian).</summary>
public sealed class ReportsStrings;

/// <summary>Shared plumbing of the KPI pages: their strings and the query string both pages pass on.</summary>
public abstract class ReportsComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<ReportsStrings> L { get; set; } = default!;

    protected static bool Russian => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru";

    /// <summary>A column's label: its own string when there is one, else the key.</summary>
    protected string Column(string key) => L["Col_" + key] is { ResourceNotFound: false } found ? found.Value : key;

    protected static string Query(params (string Name, string? Value)[] values) =>
        string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => v.Name + "=" + Uri.EscapeDataString(v.Value!)));
}
