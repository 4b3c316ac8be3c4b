using System.Text.Json;

namespace Okno.Platform.Web;

/// <summary>Reads query-string values written the way the API writes them ("on_hold", "feature_request").</summary>
public static class QueryValues
{
    public static T? Enum<T>(string? value, string field) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        foreach (var candidate in System.Enum.GetValues<T>())
            if (string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.ToString()), value.Trim(), StringComparison.OrdinalIgnoreCase))
                return candidate;
        var allowed = string.Join(", ", System.Enum.GetValues<T>().Select(v => v.ToSnakeCase()));
        throw new OknoException(InvalidInput.Field(field, ErrorCodes.NotOneOf, $"'{value}' is not one of: {allowed}.", ("value", value), ("allowed", allowed)));
    }
}
