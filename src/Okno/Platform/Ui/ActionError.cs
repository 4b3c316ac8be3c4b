namespace Okno.Platform.Ui;

/// <summary>What a page shows when an action is refused or fails: one line for the alert, and a message per field
/// (shown next to the field), already in the page's language; and the error's code, for a page that reacts to one
/// kind of refusal (never compare the message).</summary>
public sealed record ActionError(string Message, IReadOnlyDictionary<string, string> Fields, string? Code = null)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var message) ? message : null;

    public static ActionError General(string message) => new(message, new Dictionary<string, string>());

    public static ActionError OnField(string field, string message) => new(message, new Dictionary<string, string> { [field] = message });
}
