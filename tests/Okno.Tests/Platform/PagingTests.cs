using System.Text;
using Okno.Platform.Web;

namespace Okno.Tests.Platform;

public sealed class PagingTests
{
    private static void AssertInvalid(string field, Action action)
    {
        var e = Assert.Throws<OknoException>(action);
        var invalid = Assert.IsType<InvalidInput>(e.Error);
        Assert.Equal([field], invalid.Errors.Keys);
        Assert.NotEmpty(invalid.Errors[field]);
    }

    private static long[] Decoded(string? cursor, int parts)
    {
        var keys = Paging.Decode(cursor, parts);
        Assert.NotNull(keys);
        return keys;
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Theory]
    [InlineData(new long[] { 1 })]
    [InlineData(new long[] { 0 })]
    [InlineData(new long[] { long.MaxValue })]
    [InlineData(new long[] { long.MinValue })]
    [InlineData(new long[] { -42 })]
    [InlineData(new long[] { 638_500_000_000_000_000, 12345 })]
    [InlineData(new long[] { 1, 2, 3 })]
    public void Encode_then_Decode_round_trips(long[] keys)
    {
        var cursor = Paging.Encode(keys);

        Assert.Equal(keys, Decoded(cursor, keys.Length));
    }

    [Fact]
    public void Cursor_is_url_safe_and_unpadded()
    {
        // Values chosen so that plain base64 would contain '+', '/' or '=' somewhere.
        for (long i = 0; i < 2000; i += 7)
        {
            var cursor = Paging.Encode(i * 1_000_003, -i);
            Assert.DoesNotContain(cursor, c => c is '+' or '/' or '=');
            Assert.Equal([i * 1_000_003, -i], Decoded(cursor, 2));
        }
    }

    [Fact]
    public void Different_keys_give_different_cursors()
    {
        Assert.NotEqual(Paging.Encode(1), Paging.Encode(2));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_cursor_decodes_to_null(string? cursor)
    {
        Assert.Null(Paging.Decode(cursor, 1));
    }

    [Theory]
    [InlineData("!!!not a cursor!!!")]
    [InlineData("a")]
    [InlineData("%%%")]
    [InlineData("aGVsbG8")] // "hello"
    public void Garbage_cursor_is_invalid_input_on_cursor(string cursor)
    {
        AssertInvalid("cursor", () => Paging.Decode(cursor, 1));
    }

    [Theory]
    [InlineData("1.")]
    [InlineData(".1")]
    [InlineData("1..2")]
    [InlineData("1.x")]
    [InlineData("+-1")]
    [InlineData("1 ")]
    public void Cursor_with_bad_numbers_is_invalid_input_on_cursor(string text)
    {
        AssertInvalid("cursor", () => Paging.Decode(Base64Url(text), text.Count(c => c == '.') + 1));
    }

    [Fact]
    public void Cursor_with_a_number_too_large_is_invalid_input_on_cursor()
    {
        AssertInvalid("cursor", () => Paging.Decode(Base64Url("99999999999999999999"), 1));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(2, 3)]
    public void Cursor_with_the_wrong_number_of_parts_is_invalid_input_on_cursor(int encoded, int expected)
    {
        var cursor = Paging.Encode(Enumerable.Range(1, encoded).Select(i => (long)i).ToArray());

        AssertInvalid("cursor", () => Paging.Decode(cursor, expected));
    }

    [Fact]
    public void Limit_defaults_to_25()
    {
        Assert.Equal(25, Paging.Limit(null));
        Assert.Equal(Paging.DefaultLimit, Paging.Limit(null));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(50)]
    [InlineData(100)]
    public void Limit_in_range_is_kept(int limit)
    {
        Assert.Equal(limit, Paging.Limit(limit));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Limit_out_of_range_is_invalid_input_on_limit(int limit)
    {
        AssertInvalid("limit", () => Paging.Limit(limit));
    }

    [Fact]
    public void ToPage_with_more_rows_than_limit_cuts_and_gives_the_cursor_of_the_last_item()
    {
        var rows = new List<int> { 10, 20, 30, 40 };

        var page = Paging.ToPage(rows, 3, r => Paging.Encode(r));

        Assert.Equal([10, 20, 30], page.Items);
        Assert.NotNull(page.NextCursor);
        Assert.Equal([30L], Decoded(page.NextCursor, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public void ToPage_without_more_rows_gives_no_cursor(int count)
    {
        var rows = Enumerable.Range(1, count).ToList();

        var page = Paging.ToPage(rows, 3, r => Paging.Encode(r));

        Assert.Equal(rows, page.Items);
        Assert.Null(page.NextCursor);
    }
}
