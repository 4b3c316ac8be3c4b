using System.Net.Mail;

namespace Okno.Platform.Web;

/// <summary>Collects every bad field of a request, so one answer names all of them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void Text(string field, string? value, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "This field is required.");
        }
        else if (value.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) Add(field, "Control characters are not allowed.");
    }

    public void Email(string field, string? value, bool required = true)
    {
        Text(field, value, 254, required);
        if (!string.IsNullOrWhiteSpace(value) && value.Length <= 254 && !IsEmail(value)) Add(field, "Not a valid email address.");
    }

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
