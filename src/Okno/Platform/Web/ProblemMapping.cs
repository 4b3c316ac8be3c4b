using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Okno.Platform.Web;

/// <summary>The one place where errors become HTTP answers (RFC 9457 ProblemDetails). Every answer carries the error's
/// <c>code</c> and <c>parameters</c>; a validation problem keeps ASP.NET's <c>errors: {field: [message]}</c> and adds
/// <c>errorCodes: {field: [{code, parameters}]}</c> beside it, so clients that read messages keep working.</summary>
public static class ProblemMapping
{
    public const string CodeKey = "code";
    public const string ParametersKey = "parameters";
    public const string FieldCodesKey = "errorCodes";

    public static IResult ToResult(OknoError error) => error switch
    {
        InvalidInput e => TypedResults.ValidationProblem(e.Errors, detail: e.Detail, extensions: new Dictionary<string, object?>
        {
            [CodeKey] = e.Code,
            [ParametersKey] = e.Parameters,
            [FieldCodesKey] = e.Fields.ToDictionary(f => f.Key, f => f.Value.Select(v => new FieldCode(v.Code, v.Parameters)).ToArray()),
        }),
        Duplicate e => TypedResults.Problem(statusCode: 409, title: "Conflict", detail: e.Detail,
            extensions: new Dictionary<string, object?> { ["field"] = e.Field, [CodeKey] = e.Code, [ParametersKey] = e.Parameters }),
        _ => TypedResults.Problem(statusCode: StatusOf(error), title: TitleOf(error), detail: error.Detail,
            extensions: new Dictionary<string, object?> { [CodeKey] = error.Code, [ParametersKey] = error.Parameters }),
    };

    /// <summary>A problem that no <see cref="OknoError"/> stands for (the framework's refusals), with its code.</summary>
    public static IResult Problem(int status, string title, string detail, string code) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { [CodeKey] = code, [ParametersKey] = ErrorParameters.None });

    public static int StatusOf(OknoError error) => error switch
    {
        NotFound => 404,
        Forbidden => 403,
        InvalidInput => 400,
        EditConflict or Duplicate or StateConflict => 409,
        PayloadTooLarge => 413,
        _ => 500,
    };

    private static string TitleOf(OknoError error) => error switch
    {
        NotFound => "Not found",
        Forbidden => "Forbidden",
        EditConflict => "Edit conflict",
        StateConflict e => e.Title,
        PayloadTooLarge => "Payload too large",
        _ => "Error",
    };

    /// <summary>The code of an answer that has none yet (a bare status from the framework, e.g. an unknown route's 404).</summary>
    public static string CodeOfStatus(int? status) => status switch
    {
        400 => ErrorCodes.BadRequest,
        401 => ErrorCodes.Unauthorized,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => ErrorCodes.MethodNotAllowed,
        413 => ErrorCodes.PayloadTooLarge,
        415 => ErrorCodes.UnsupportedMediaType,
        429 => ErrorCodes.RateLimited,
        _ => ErrorCodes.Internal,
    };

    /// <summary>Gives an answer the framework wrote (a bearer challenge, an unknown route, a 500) the code of its status,
    /// so that every problem has one.</summary>
    public static void AddCode(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        problem.Extensions.TryAdd(CodeKey, CodeOfStatus(problem.Status));
        problem.Extensions.TryAdd(ParametersKey, ErrorParameters.None);
    }

    /// <summary>One field's code in <c>errorCodes</c>.</summary>
    public sealed record FieldCode(string Code, IReadOnlyDictionary<string, object?> Parameters);
}

/// <summary>Turns exceptions that carry a meaning into their ProblemDetails; anything else stays a 500
/// without internals.</summary>
internal sealed partial class OknoExceptionHandler(Microsoft.Extensions.Options.IOptions<OknoOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            OknoException e => ProblemMapping.ToResult(e.Error),
            DbUpdateConcurrencyException => ProblemMapping.ToResult(new EditConflict("The record")),
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => ProblemMapping.Problem(400, "Bad request",
                "The form has expired or did not come from this site; reload the page and try again.", ErrorCodes.FormExpired),
            BadHttpRequestException { InnerException: JsonException json } => ProblemMapping.ToResult(InvalidJson(json)),
            BadHttpRequestException bad when bad.StatusCode == 413 => ProblemMapping.ToResult(new PayloadTooLarge(options.Value.Limits.MaxRequestBytes)),
            BadHttpRequestException bad when UnboundParameter().Match(bad.Message) is { Success: true } m =>
                ProblemMapping.ToResult(InvalidInput.Field(m.Groups["name"].Value, ErrorCodes.InvalidValue,
                    $"'{m.Groups["value"].Value}' is not a valid value.", ("value", m.Groups["value"].Value))),
            BadHttpRequestException bad => ProblemMapping.Problem(bad.StatusCode, "Bad request", bad.Message, ProblemMapping.CodeOfStatus(bad.StatusCode)),
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
        return InvalidInput.Field(field, ErrorCodes.InvalidValue, "The value has the wrong type or is not one of the allowed values.");
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
