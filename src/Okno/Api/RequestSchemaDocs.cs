using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Okno.Platform.Web;

namespace Okno.Api;

/// <summary>Makes the OpenAPI document tell the truth about request bodies: a PATCH field
/// (<see cref="Optional{T}"/>) is documented as its value type, and only fields marked [Required] are listed
/// as required (we validate everything ourselves and answer 400 naming each field).</summary>
internal sealed class RequestSchemaDocs : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            var inner = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, cancellationToken);
            schema.Type = inner.Type;
            schema.Format = inner.Format;
            schema.Enum = inner.Enum;
            schema.Items = inner.Items;
            schema.OneOf = inner.OneOf;
            schema.Description = "Leave out to keep the current value.";
            return;
        }
        if (schema.Properties is null || !type.Name.EndsWith("Request", StringComparison.Ordinal) && !type.Name.EndsWith("Input", StringComparison.Ordinal))
            return;
        schema.Required = context.JsonTypeInfo.Properties
            .Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
            .Select(p => p.Name)
            .ToHashSet();
    }
}
