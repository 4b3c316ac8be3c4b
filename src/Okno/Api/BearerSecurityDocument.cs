using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Okno.Api;

/// <summary>Tells OpenAPI readers (and the docs page's "try it") that the API takes a bearer token.</summary>
internal sealed class BearerSecurityDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Okno API";
        document.Info.Description = "Help desk API. Get a token with POST /api/v1/auth/token, then send `Authorization: Bearer <token>`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An Okno session or personal API token.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
