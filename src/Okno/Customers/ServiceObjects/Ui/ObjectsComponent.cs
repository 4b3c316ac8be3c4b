using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Ui;

namespace Okno.Customers.ServiceObjects.Ui;

/// <summary>Shared plumbing of the object and equipment pages: their strings and small formatting helpers.</summary>
public abstract class ObjectsComponent : ActionComponent
{
    public const int PageSize = 25;

    [Inject] protected IStringLocalizer<ObjectStrings> L { get; set; } = default!;

    /// <summary>"Kyocera M2040dn" from the maker and model; the type when neither is known.</summary>
    protected static string Title(EquipmentView e) =>
        string.Join(' ', new[] { e.Manufacturer, e.Model }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } name ? $"{e.Type} · {name}" : e.Type;

    /// <summary>A map of the point (OpenStreetMap: no key needed, opens in any browser).</summary>
    public static string MapLink(double latitude, double longitude)
    {
        var lat = latitude.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        var lon = longitude.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        return $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}";
    }

    protected string WarrantyText(DateOnly? end, DateOnly today) => end switch
    {
        null => L["WarrantyUnknown"],
        { } d when d >= today => L["WarrantyUntil", d.ToString("d", System.Globalization.CultureInfo.CurrentCulture)],
        { } d => L["WarrantyExpired", d.ToString("d", System.Globalization.CultureInfo.CurrentCulture)],
    };
}
