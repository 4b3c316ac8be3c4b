namespace Okno.Platform.Web;

/// <summary>Every error a use case can report: a stable <see cref="Code"/> with its <see cref="Parameters"/> (what clients
/// and the UI go by; the UI translates the code, see <c>ErrorText</c>) and an English <see cref="Detail"/> for people
/// reading the API. Mapped to ProblemDetails in <see cref="ProblemMapping"/>, one place. Features define their own errors
/// and codes (e.g. Tickets' <c>TicketIsClosed</c>); the codes are constants of static classes named <c>…ErrorCodes</c>.</summary>
public abstract record OknoError
{
    protected OknoError(string code, string detail, params (string Name, object? Value)[] parameters)
    {
        Code = code;
        Detail = detail;
        Parameters = ErrorParameters.Of(parameters);
    }

    public string Code { get; }
    public string Detail { get; }
    public IReadOnlyDictionary<string, object?> Parameters { get; }
}

/// <summary>Parameters of an error or a field error: names are camelCase, values are numbers or strings (enums as the API
/// writes them, snake_case).</summary>
public static class ErrorParameters
{
    public static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    public static IReadOnlyDictionary<string, object?> Of(params (string Name, object? Value)[] parameters) =>
        parameters.Length == 0 ? None : parameters.ToDictionary(p => p.Name, p => p.Value);
}

/// <summary>One refusal of one field: a code, its parameters, and the English message of the API's <c>errors</c>.</summary>
public sealed record FieldError(string Code, string Message, IReadOnlyDictionary<string, object?> Parameters)
{
    public FieldError(string code, string message, params (string Name, object? Value)[] parameters)
        : this(code, message, ErrorParameters.Of(parameters)) { }
}

/// <summary>Something that does not exist, or that the caller may not see (the two are not told apart). The code names
/// the kind of thing (<c>ticket.not_found</c>); <see cref="What"/> is its English name for the detail.</summary>
public sealed record NotFound : OknoError
{
    public NotFound(string code, string what, object id) : base(code, $"{what} {id} was not found.", ("id", id))
    {
        What = what;
        Id = id;
    }

    public string What { get; }
    public object Id { get; }
}

/// <summary>The caller may not do this; a code per reason (<c>forbidden</c> when it is just the role).</summary>
public sealed record Forbidden : OknoError
{
    public Forbidden(string code, string detail) : base(code, detail) { }

    public Forbidden(string detail) : this(ErrorCodes.Forbidden, detail) { }
}

/// <summary>One or more bad fields. <see cref="Fields"/> has each field's codes; <see cref="Errors"/> their English
/// messages (the ASP.NET validation-problem shape).</summary>
public sealed record InvalidInput(IReadOnlyDictionary<string, FieldError[]> Fields)
    : OknoError(ErrorCodes.InvalidInput, "One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors => Fields.ToDictionary(f => f.Key, f => f.Value.Select(e => e.Message).ToArray());

    public static InvalidInput Field(string field, string code, string message, params (string Name, object? Value)[] parameters) =>
        new(new Dictionary<string, FieldError[]> { [field] = [new FieldError(code, message, parameters)] });

    public static InvalidInput Required(string field) => Field(field, ErrorCodes.Required, FieldErrors.RequiredMessage);
}

public sealed record EditConflict(string What)
    : OknoError(ErrorCodes.EditConflict, $"{What} was changed by someone else at the same time; reload and try again.");

/// <summary>The request is valid but the current state of things forbids it (the last admin, a group still in use, a
/// closed ticket…); each such state has its own code. A feature may derive its own named conflict (Tickets'
/// <c>TicketIsClosed</c>), which the API answers as 409 with its <see cref="Title"/>.</summary>
public record StateConflict : OknoError
{
    public StateConflict(string code, string detail, params (string Name, object? Value)[] parameters) : this(code, "Conflict", detail, parameters) { }

    protected StateConflict(string code, string title, string detail, params (string Name, object? Value)[] parameters)
        : base(code, detail, parameters) => Title = title;

    /// <summary>The ProblemDetails title.</summary>
    public string Title { get; }
}

/// <summary>A value that must be unique is taken; <see cref="Field"/> names the field that holds it (also a parameter).</summary>
public sealed record Duplicate : OknoError
{
    public Duplicate(string code, string field, string detail, params (string Name, object? Value)[] parameters)
        : base(code, detail, [("field", field), .. parameters]) => Field = field;

    public string Field { get; }
}

public sealed record PayloadTooLarge(long LimitBytes)
    : OknoError(ErrorCodes.PayloadTooLarge, $"The payload is larger than the limit of {LimitBytes} bytes.", ("limit", LimitBytes));

/// <summary>Carries an <see cref="OknoError"/> out of a use case to the one place that maps it.</summary>
public sealed class OknoException(OknoError error) : Exception(error.Detail)
{
    public OknoError Error { get; } = error;
}

public static class EnumText
{
    public static string ToSnakeCase<T>(this T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
