namespace Okno.Platform.Web;

/// <summary>The codes of errors that belong to no feature: fields, requests, the framework's refusals. Stable: clients
/// and the UI's translations (Platform/Localization/ErrorStrings.resx) go by them; a feature's own codes live in its
/// <c>…ErrorCodes</c> class. Parameters, where a code has any, are named after the constant.</summary>
public static class ErrorCodes
{
    /// <summary>One or more fields are bad; each field's codes are in <c>errorCodes</c>.</summary>
    public const string InvalidInput = "invalid_input";
    public const string EditConflict = "edit.conflict";
    /// <summary>{limit} in bytes.</summary>
    public const string PayloadTooLarge = "payload.too_large";
    public const string Forbidden = "forbidden";
    public const string Unauthorized = "unauthorized";
    /// <summary>An API route or resource that does not exist.</summary>
    public const string NotFound = "not_found";
    /// <summary>A stored file whose content is gone, or an unknown file id. {id}</summary>
    public const string FileNotFound = "file.not_found";
    public const string RateLimited = "rate_limited";
    /// <summary>The antiforgery token is missing or stale: the form expired or came from another site.</summary>
    public const string FormExpired = "form.expired";
    public const string BadRequest = "bad_request";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Internal = "internal";

    public const string Required = "field.required";
    /// <summary>{max} characters.</summary>
    public const string TooLong = "field.too_long";
    /// <summary>{min} characters.</summary>
    public const string TooShort = "field.too_short";
    /// <summary>{max} items.</summary>
    public const string TooMany = "field.too_many";
    public const string InvalidEmail = "field.invalid_email";
    public const string ControlCharacters = "field.control_characters";
    /// <summary>The value has the wrong type or is not one of the allowed values (unreadable JSON, a bad route or query
    /// value). {value} when known.</summary>
    public const string InvalidValue = "field.invalid_value";
    /// <summary>{value}, {allowed} (comma-separated).</summary>
    public const string NotOneOf = "field.not_one_of";
    /// <summary>{min}, {max}.</summary>
    public const string OutOfRange = "field.out_of_range";
    public const string InvalidCursor = "field.invalid_cursor";
    /// <summary>{format}, e.g. yyyy-MM-dd.</summary>
    public const string InvalidDate = "field.invalid_date";
    public const string NotInFuture = "field.not_in_future";
    public const string InvalidBase64 = "field.invalid_base64";
    public const string InvalidPhone = "field.invalid_phone";
    public const string InvalidDomain = "field.invalid_domain";
    public const string InvalidLanguageCode = "field.invalid_language_code";
    /// <summary>Markdown or HTML nested deeper than {max} levels.</summary>
    public const string TextTooDeep = "text.too_deep";
    /// <summary>Markdown or HTML whose structure would cost too much to process (pathological input).</summary>
    public const string TextTooComplex = "text.too_complex";
}
