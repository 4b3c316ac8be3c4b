using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Okno.Platform.Ui;
using Okno.Platform.Web;

namespace Okno.Platform.Localization;

/// <summary>Marker for the texts of the error codes in ErrorStrings.resx (English) and ErrorStrings.ru.resx (Russian).</summary>
public sealed class ErrorStrings;

/// <summary>The one place where an error becomes words in the UI's language: by its code and parameters, from
/// ErrorStrings, never from the English detail. A text names parameters in braces: "At most {max} characters.";
/// "{limit:MB}" shows a byte count in megabytes.</summary>
public sealed partial class ErrorText(IStringLocalizer<ErrorStrings> strings)
{
    /// <summary>Shown for a code that has no text (a test keeps every known code translated).</summary>
    public const string UnknownKey = "error.unknown";

    /// <summary>The sentence of a code with its parameters.</summary>
    public string Of(string code, IReadOnlyDictionary<string, object?> parameters)
    {
        var text = strings[code];
        return text.ResourceNotFound
            ? Fill(strings[UnknownKey], new Dictionary<string, object?> { ["code"] = code })
            : Fill(text, parameters);
    }

    public string Of(string code) => Of(code, ErrorParameters.None);

    public string Of(FieldError error) => Of(error.Code, error.Parameters);

    /// <summary>One line that says what went wrong; for bad fields, their messages one after the other (for a place
    /// that has no fields to mark, like a snackbar).</summary>
    public string Message(OknoError error) => error is InvalidInput invalid
        ? string.Join(" ", invalid.Fields.Values.SelectMany(f => f).Select(Of).Distinct())
        : Of(error.Code, error.Parameters);

    /// <summary>The message of each field the error is about (several codes of one field joined).</summary>
    public IReadOnlyDictionary<string, string> Fields(OknoError error) => error switch
    {
        InvalidInput invalid => invalid.Fields.ToDictionary(f => f.Key, f => string.Join(" ", f.Value.Select(Of).Distinct())),
        Duplicate duplicate => new Dictionary<string, string> { [duplicate.Field] = Of(duplicate.Code, duplicate.Parameters) },
        _ => new Dictionary<string, string>(),
    };

    /// <summary>What a page shows for a refused action: "check the highlighted fields" with a message per field, or the
    /// error's sentence.</summary>
    public ActionError Action(OknoError error) =>
        new(error is InvalidInput ? Of(ErrorCodes.InvalidInput) : Of(error.Code, error.Parameters), Fields(error), error.Code);

    /// <summary>What a page shows for a failed action: a refusal in words, or — for anything that is not an
    /// <see cref="OknoException"/>, a bug — the general message, after logging it.</summary>
    public ActionError Action(Exception exception, ILogger logger)
    {
        if (exception is OknoException { Error: var error }) return Action(error);
        logger.LogError(exception, "A page action failed");
        return ActionError.General(Of(ErrorCodes.Internal));
    }

    private static string Fill(string text, IReadOnlyDictionary<string, object?> parameters) =>
        Placeholder().Replace(text, m => parameters.TryGetValue(m.Groups["name"].Value, out var value)
            ? Format(value, m.Groups["format"].Value)
            : m.Value);

    private static string Format(object? value, string format) => (format, value) switch
    {
        ("MB", IConvertible bytes) => Math.Max(1, (long)Math.Round(bytes.ToDouble(CultureInfo.InvariantCulture) / (1024 * 1024))).ToString(CultureInfo.CurrentCulture),
        // Ids and numbers of tickets read as they are written elsewhere: no group separators.
        (_, IFormattable formattable) => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    [GeneratedRegex(@"\{(?<name>\w+)(?::(?<format>\w+))?\}")]
    private static partial Regex Placeholder();
}
