using System.Net.Mail;

namespace Okno.Platform.Web;

/// <summary>Collects every bad field of a request, so one answer names all of them. Each entry has a code (see
/// <see cref="ErrorCodes"/> and the features' <c>…ErrorCodes</c>), parameters and an English message.</summary>
public sealed class FieldErrors
{
    public const string RequiredMessage = "This field is required.";

    private readonly Dictionary<string, List<FieldError>> _errors = [];

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string code, string message, params (string Name, object? Value)[] parameters) =>
        Add(field, new FieldError(code, message, parameters));

    public void Add(string field, FieldError error)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(error);
    }

    /// <summary>Every error of <paramref name="other"/>, each field name prefixed (a part checked on its own).</summary>
    public void AddAll(string prefix, FieldErrors other)
    {
        foreach (var (field, list) in other._errors)
            foreach (var error in list) Add(prefix + field, error);
    }

    /// <summary>Every error, field by field (an import reports them per row).</summary>
    public IEnumerable<(string Field, FieldError Error)> All() => _errors.SelectMany(e => e.Value.Select(error => (e.Key, error)));

    public void Required(string field) => Add(field, ErrorCodes.Required, RequiredMessage);

    public void TooLong(string field, int maxLength) => Add(field, ErrorCodes.TooLong, $"At most {maxLength} characters.", ("max", maxLength));

    public void TooShort(string field, int minLength) => Add(field, ErrorCodes.TooShort, $"At least {minLength} characters.", ("min", minLength));

    /// <summary>A list with more than <paramref name="max"/> items; <paramref name="what"/> ends the English message
    /// ("At most 20 tags.").</summary>
    public void TooMany(string field, int max, string? what = null) =>
        Add(field, ErrorCodes.TooMany, what is null ? $"At most {max}." : $"At most {max} {what}.", ("max", max));

    public void ControlCharacters(string field) => Add(field, ErrorCodes.ControlCharacters, "Control characters are not allowed.");

    public void Text(string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Required(field);
        }
        else if (value.Length > maxLength) TooLong(field, maxLength);
        else if (HasControlCharacters(value)) ControlCharacters(field);
    }

    public void Email(string field, string? value, bool required = true)
    {
        Text(field, value, 254, required);
        if (!string.IsNullOrWhiteSpace(value) && value.Length <= 254 && !IsEmail(value))
            Add(field, ErrorCodes.InvalidEmail, "Not a valid email address.");
    }

    /// <summary>Control characters other than line breaks and tabs.</summary>
    public static bool HasControlCharacters(string value) => value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    public static bool IsEmail(string value)
    {
        value = value.Trim();
        return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('@')
            && !value.EndsWith('.') && value[(value.LastIndexOf('@') + 1)..].Contains('.');
    }

    public void ThrowIfAny()
    {
        if (Any) throw new OknoException(new InvalidInput(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray())));
    }
}
