using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Okno.Platform.Web;

/// <summary>The one place where errors become HTTP answers (RFC 9457 ProblemDetails).</summary>
public static class ProblemMapping
{
    public static IResult ToResult(OknoError error) => error switch
    {
        InvalidInput e => TypedResults.ValidationProblem(e.Errors, detail: e.Detail),
        Duplicate e => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: e.Detail,
            extensions: new Dictionary<string, object?> { ["field"] = e.Field }),
        _ => TypedResults.Problem(statusCode: StatusOf(error), title: TitleOf(error), detail: error.Detail),
    };

    public static int StatusOf(OknoError error) => error switch
    {
        NotFound => 404,
        Forbidden => 403,
        InvalidInput => 400,
        IllegalStatusChange or TicketIsClosed or EditConflict or Duplicate or StateConflict => 409,
        PayloadTooLarge => 413,
        _ => 500,
    };

    private static string TitleOf(OknoError error) => error switch
    {
        NotFound => "Not found",
        Forbidden => "Forbidden",
        IllegalStatusChange => "Illegal status change",
        TicketIsClosed => "Ticket is closed",
        EditConflict => "Edit conflict",
        StateConflict => "Conflict",
        PayloadTooLarge => "Payload too large",
        _ => "Error",
    };
}

/// <summary>Turns exceptions that carry a meaning into their ProblemDetails; anything else stays a 500
/// without internals.</summary>
internal sealed partial class OknoExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            OknoException e => ProblemMapping.ToResult(e.Error),
            DbUpdateConcurrencyException => ProblemMapping.ToResult(new EditConflict("The record")),
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => TypedResults.Problem(statusCode: 400, title: "Bad request",
                detail: "The form has expired or did not come from this site; reload the page and try again."),
            BadHttpRequestException { InnerException: JsonException json } => ProblemMapping.ToResult(InvalidJson(json)),
            BadHttpRequestException bad when bad.StatusCode == 413 => ProblemMapping.ToResult(new PayloadTooLarge(0)),
            BadHttpRequestException bad when UnboundParameter().Match(bad.Message) is { Success: true } m =>
                ProblemMapping.ToResult(InvalidInput.Field(m.Groups["name"].Value, $"'{m.Groups["value"].Value}' is not a valid value.")),
            BadHttpRequestException bad => TypedResults.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: bad.Message),
            _ => null,
        };
        if (result is null) return false;
        if (httpContext.Response.HasStarted) return false;
        await result.ExecuteAsync(httpContext);
        return true;
    }

    // The framework's message for a query or route value of the wrong type: Failed to bind parameter "int? limit" from "abc".
    [System.Text.RegularExpressions.GeneratedRegex("""parameter "(?:[^"]* )?(?<name>\w+)" from "(?<value>[^"]*)""")]
    private static partial System.Text.RegularExpressions.Regex UnboundParameter();

    /// <summary>Names the field that could not be read ("$.priority" → "priority").</summary>
    private static InvalidInput InvalidJson(JsonException json)
    {
        var field = json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.');
        return InvalidInput.Field(field, "The value has the wrong type or is not one of the allowed values.");
    }
}

/// <summary>Refuses an API request whose declared body is larger than the limit before reading it.</summary>
internal sealed class RequestSizeLimit(RequestDelegate next, Microsoft.Extensions.Options.IOptions<OknoOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.Limits.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            await ProblemMapping.ToResult(new PayloadTooLarge(limit)).ExecuteAsync(context);
            return;
        }
        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        await next(context);
    }
}
