using System.Globalization;

namespace Okno.Platform.Localization;

/// <summary>Wraps a callback so it runs in the culture of whoever registered it. Live updates are published on a
/// background thread (the outbox dispatcher, the delivery job, the node bus) whose culture is not the agent's; a
/// Blazor component re-rendered from such a callback (its <c>InvokeAsync</c> takes the caller's execution context)
/// switched to that culture: a Russian ticket page redrew a forward's label in English.</summary>
public static class InCulture
{
    /// <summary>Reads something (a localized string) in the given UI culture instead of the current one: text written for
    /// someone other than the current request (a note in its author's language, a forward in the agent's).</summary>
    public static T Read<T>(CultureInfo uiCulture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = uiCulture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static Action<T> OfCaller<T>(Action<T> callback)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        return value =>
        {
            var (before, uiBefore) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            try
            {
                callback(value);
            }
            finally
            {
                CultureInfo.CurrentCulture = before;
                CultureInfo.CurrentUICulture = uiBefore;
            }
        };
    }
}
