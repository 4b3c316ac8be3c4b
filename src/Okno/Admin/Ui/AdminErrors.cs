using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Okno.Platform.Ui;
using Okno.Platform.Web;

namespace Okno.Admin.Ui;

/// <summary>The admin pages' <see cref="ActionError"/>s. Use cases speak English to the API; this translates the
/// errors they are known to raise.</summary>
public static class AdminErrors
{
    public static ActionError Of(Exception exception, IStringLocalizer<AdminStrings> l, ILogger logger)
    {
        if (exception is not OknoException { Error: var error })
        {
            logger.LogError(exception, "An admin page action failed");
            return ActionError.General(l["UnexpectedError"]);
        }
        return error switch
        {
            InvalidInput e => new ActionError(l["FixFields"],
                e.Errors.ToDictionary(f => f.Key, f => string.Join(" ", f.Value.Select(m => FieldMessage(m, l))))),
            Duplicate e => ActionError.OnField(e.Field, e.Field == "email" ? l["EmailTaken"] : l["GroupNameTaken"]),
            NotFound => new ActionError(l["Gone"], new Dictionary<string, string>()),
            Forbidden e => new ActionError(e.Reason.Contains("yourself", StringComparison.Ordinal) ? l["CannotDeactivateSelf"] : l["NotAllowed"],
                new Dictionary<string, string>()),
            StateConflict e => new ActionError(
                e.Reason.Contains("last active admin", StringComparison.Ordinal) ? l["LastAdmin"]
                : e.Reason.Contains("still has tickets", StringComparison.Ordinal) ? l["GroupHasTickets"]
                : e.Reason, new Dictionary<string, string>()),
            EditConflict => new ActionError(l["EditConflict"], new Dictionary<string, string>()),
            _ => new ActionError(error.Detail, new Dictionary<string, string>()),
        };
    }


    /// <summary>The field messages of <see cref="FieldErrors"/> and <see cref="AgentRules"/>, in the page's language.</summary>
    internal static string FieldMessage(string message, IStringLocalizer<AdminStrings> l)
    {
        if (message == "This field is required.") return l["Required"];
        if (message == "Not a valid email address.") return l["InvalidEmail"];
        if (message == "Control characters are not allowed.") return l["ControlChars"];
        if (message.StartsWith("One of: ", StringComparison.Ordinal)) return l["InvalidLanguage"];
        if (message.StartsWith("There is no group ", StringComparison.Ordinal)) return l["NoSuchGroup"];
        if (Regex.Match(message, @"^At least (\d+) characters\.$") is { Success: true } least) return l["AtLeastChars", least.Groups[1].Value];
        if (Regex.Match(message, @"^At most (\d+) characters\.$") is { Success: true } most) return l["AtMostChars", most.Groups[1].Value];
        return message;
    }
}
