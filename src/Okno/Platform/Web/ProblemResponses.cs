using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Okno.Platform.Web;

/// <summary>Declares in the OpenAPI document the error answers every endpoint of an API group can give, read from what
/// the endpoint is (the same rules <see cref="ProblemMapping"/> and the middleware follow), so no endpoint forgets one:
/// 400 (a validation problem) when it reads a route value, a query value or a body; 404 when its route names something;
/// 409 for a write (a conflict of state or a concurrent edit); 413 when it reads a body; 401 and 403 when it needs a
/// signed-in caller; 429 when it is rate-limited. An endpoint's own declaration of a status wins.</summary>
public static class ProblemResponses
{
    private const string ProblemJson = "application/problem+json";

    public static TBuilder WithProblemResponses<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var declared = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            void Declare(int status, Type type)
            {
                if (declared.Add(status)) endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, type, [ProblemJson]));
            }

            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().FirstOrDefault()?.HttpMethods ?? [];
            var writes = methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE");
            var readsBody = endpoint.Metadata.OfType<IAcceptsMetadata>().Any();
            var routeValues = (endpoint as RouteEndpointBuilder)?.RoutePattern.Parameters.Count ?? 0;
            var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            var readsQuery = handler?.GetParameters().Any(p => IsSimple(p.ParameterType)) == true;

            if (readsBody || routeValues > 0 || readsQuery) Declare(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
            if (endpoint.Metadata.OfType<IAuthorizeData>().Any() && !endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            {
                Declare(StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
                Declare(StatusCodes.Status403Forbidden, typeof(ProblemDetails));
            }
            if (routeValues > 0) Declare(StatusCodes.Status404NotFound, typeof(ProblemDetails));
            if (writes) Declare(StatusCodes.Status409Conflict, typeof(ProblemDetails));
            if (readsBody) Declare(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails));
            if (endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any()) Declare(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails));
        });
        return builder;
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(Guid);
    }
}

/// <summary>Shows in the OpenAPI document what every problem carries besides RFC 9457's fields: <c>code</c>,
/// <c>parameters</c>, and for a validation problem <c>errorCodes</c> per field.</summary>
internal sealed class ProblemSchemaDocs : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (!typeof(ProblemDetails).IsAssignableFrom(type)) return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties[ProblemMapping.CodeKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "A stable code of the error (e.g. ticket.closed, field.required); see the README's list. Clients and " +
                "translations go by it; detail is English text for people.",
        };
        schema.Properties[ProblemMapping.ParametersKey] = Parameters();
        if (typeof(HttpValidationProblemDetails).IsAssignableFrom(type))
            schema.Properties[ProblemMapping.FieldCodesKey] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Per field (the keys of errors), the codes of its errors in the order of its messages.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["parameters"] = Parameters(),
                        },
                    },
                },
            };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Parameters() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The values the code's message names, e.g. {\"max\": 250} for field.too_long.",
        AdditionalProperties = new OpenApiSchema(),
    };
}
