using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Okno.Platform.Web;

namespace Okno.Admin.Ui;

/// <summary>What an admin page shows when a use case refuses: a message per field (next to the field) and one line
/// for the alert. Use cases speak English to the API; this translates the errors they are known to raise.</summary>
public sealed record UiError(string Message, IReadOnlyDictionary<string, string> Fields)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var message) ? message : null;

    public static UiError Of(Exception exception, IStringLocalizer<AdminStrings> l, ILogger logger)
    {
        if (exception is not OknoException { Error: var error })
        {
            logger.LogError(exception, "An admin page action failed");
            return new UiError(l["UnexpectedError"], new Dictionary<string, string>());
        }
        return error switch
        {
            InvalidInput e => new UiError(l["FixFields"],
                e.Errors.ToDictionary(f => f.Key, f => string.Join(" ", f.Value.Select(m => FieldMessage(m, l))))),
            Duplicate e => Single(e.Field, e.Field == "email" ? l["EmailTaken"] : l["GroupNameTaken"]),
            NotFound => new UiError(l["Gone"], new Dictionary<string, string>()),
            Forbidden e => new UiError(e.Reason.Contains("yourself", StringComparison.Ordinal) ? l["CannotDeactivateSelf"] : l["NotAllowed"],
                new Dictionary<string, string>()),
            StateConflict e => new UiError(
                e.Reason.Contains("last active admin", StringComparison.Ordinal) ? l["LastAdmin"]
                : e.Reason.Contains("still has tickets", StringComparison.Ordinal) ? l["GroupHasTickets"]
                : e.Reason, new Dictionary<string, string>()),
            EditConflict => new UiError(l["EditConflict"], new Dictionary<string, string>()),
            _ => new UiError(error.Detail, new Dictionary<string, string>()),
        };
    }

    private static UiError Single(string field, string message) => new(message, new Dictionary<string, string> { [field] = message });

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
