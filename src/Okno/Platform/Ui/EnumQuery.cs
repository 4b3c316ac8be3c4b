using Okno.Platform.Web;

namespace Okno.Platform.Ui;

/// <summary>Enum values in page addresses, spelled as in the API (snake_case): /inbox?view=my_groups.</summary>
public static class EnumQuery
{
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null : Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v!.Value.ToSnakeCase() == text);

    public static long? ParseId(string? text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
