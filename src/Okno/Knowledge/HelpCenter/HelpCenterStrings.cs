using System.Globalization;
using System.Resources;

namespace Okno.Knowledge.HelpCenter;

/// <summary>Marker for the help center's strings in HelpCenterStrings.resx (English) and HelpCenterStrings.ru.resx
/// (Russian). The help center's language is the one in its address, not the visitor's UI culture, so pages read
/// them for an explicit language.</summary>
public sealed class HelpCenterStrings
{
    private static readonly ResourceManager Resources = new(typeof(HelpCenterStrings).FullName!, typeof(HelpCenterStrings).Assembly);

    public static string Get(string name, string language) =>
        Resources.GetString(name, CultureInfo.GetCultureInfo(language)) ?? name;

    public static string Format(string name, string language, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(language), Get(name, language), args);
}
