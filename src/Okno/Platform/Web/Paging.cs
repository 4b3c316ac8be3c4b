using System.Globalization;
using System.Text;

namespace Okno.Platform.Web;

/// <summary>A page of a keyset-paged list: the items and an opaque cursor for the next page (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary>Checks limit (1…100, default 25); reports the field on error.</summary>
    public static int Limit(int? limit) =>
        limit switch
        {
            null => DefaultLimit,
            < 1 or > MaxLimit => throw new OknoException(InvalidInput.Field("limit", ErrorCodes.OutOfRange, $"limit must be between 1 and {MaxLimit}.", ("min", 1), ("max", MaxLimit))),
            _ => limit.Value,
        };

    /// <summary>A cursor is the sort key of the last item seen; opaque to clients.</summary>
    public static string Encode(params long[] keys) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Join('.', keys.Select(k => k.ToString(CultureInfo.InvariantCulture)))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static long[]? Decode(string? cursor, int parts)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var keys = Encoding.ASCII.GetString(Convert.FromBase64String(b64)).Split('.')
                .Select(k => long.Parse(k, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray();
            if (keys.Length == parts) return keys;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
        }
        throw new OknoException(InvalidInput.Field("cursor", ErrorCodes.InvalidCursor, "The cursor is not valid; use nextCursor from the previous page."));
    }

    /// <summary>Cuts a list fetched with limit+1 rows into a page.</summary>
    public static Page<T> ToPage<T>(List<T> rows, int limit, Func<T, string> cursorOf) =>
        rows.Count > limit ? new Page<T>(rows.Take(limit).ToList(), cursorOf(rows[limit - 1])) : new Page<T>(rows, null);
}
