namespace Okno.Tickets.CustomFields;

/// <summary>The codes of custom field errors (ru/en texts in Platform/Localization/ErrorStrings*.resx).</summary>
public static class CustomFieldErrorCodes
{
    /// <summary>{id}</summary>
    public const string NotFound = "custom_field.not_found";
    /// <summary>{name}: another field of the same entity kind has it.</summary>
    public const string KeyTaken = "custom_field.key_taken";
    /// <summary>{max} fields per entity kind.</summary>
    public const string LimitReached = "custom_field.limit_reached";
    /// <summary>A key, entity or type changed on an existing field.</summary>
    public const string Immutable = "custom_field.immutable";
    /// <summary>A list field without options.</summary>
    public const string OptionsRequired = "custom_field.options_required";
    /// <summary>{name}: a value for no active field of that key.</summary>
    public const string UnknownField = "custom_field.unknown";
    /// <summary>{name}, {kind}</summary>
    public const string WrongType = "custom_field.wrong_type";
    /// <summary>{name}, {value}</summary>
    public const string UnknownOption = "custom_field.unknown_option";
    /// <summary>{name}, {id}</summary>
    public const string LinkNotFound = "custom_field.link_not_found";
    /// <summary>{name}, {kind}</summary>
    public const string RequiredForType = "custom_field.required";
}
