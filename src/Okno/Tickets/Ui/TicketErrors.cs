using Microsoft.Extensions.Localization;
using Okno.Platform.Web;

namespace Okno.Tickets.Ui;

/// <summary>What an agent reads when a use case refuses: the errors the ticket page can meet, in the UI's language.
/// Field messages of invalid input come from the use case as they are.</summary>
public static class TicketErrors
{
    public static string Describe(this IStringLocalizer<TicketStrings> l, OknoException exception) => exception.Error switch
    {
        TicketIsClosed closed => l["Error_Closed", closed.Number],
        EditConflict => l["StaleEdit"],
        NotFound => l["TicketNotFound"],
        PayloadTooLarge tooLarge => l["Error_TooLarge", tooLarge.LimitBytes / (1024 * 1024)],
        IllegalStatusChange => l["Error_IllegalStatus"],
        InvalidInput invalid => string.Join(" ", invalid.Errors.SelectMany(f => f.Value)),
        _ => exception.Message,
    };
}
