using Okno.Tickets;

namespace Okno.Platform.Web;

/// <summary>Every error a use case can report. Mapped to ProblemDetails in <see cref="ProblemMapping"/>, one place.</summary>
public abstract record OknoError(string Detail);

public sealed record NotFound(string What, object Id) : OknoError($"{What} {Id} was not found.");

public sealed record Forbidden(string Reason) : OknoError(Reason);

public sealed record InvalidInput(IReadOnlyDictionary<string, string[]> Errors)
    : OknoError("One or more fields are invalid.")
{
    public static InvalidInput Field(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed record IllegalStatusChange(TicketStatus From, TicketStatus To)
    : OknoError($"A ticket cannot go from '{From.ToSnakeCase()}' to '{To.ToSnakeCase()}'. Allowed next: {string.Join(", ", TicketStatusRules.NextOf(From).Select(s => s.ToSnakeCase()))}.");

public sealed record TicketIsClosed(long Number)
    : OknoError($"Ticket {Number} is closed; closed tickets take no more messages or changes.");

public sealed record EditConflict(string What)
    : OknoError($"{What} was changed by someone else at the same time; reload and try again.");

/// <summary>The request is valid but the current state of things forbids it (the last admin, a group still in use…).</summary>
public sealed record StateConflict(string Reason) : OknoError(Reason);

public sealed record Duplicate(string Field, string Detail) : OknoError(Detail);

public sealed record PayloadTooLarge(long LimitBytes)
    : OknoError($"The payload is larger than the limit of {LimitBytes} bytes.");

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
