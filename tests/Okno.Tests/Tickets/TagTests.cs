using Okno.Tickets;

namespace Okno.Tests.Tickets;

public sealed class TagTests
{
    [Theory]
    [InlineData("  VIP  Client ", "vip client")]
    [InlineData("VIP", "vip")]
    [InlineData("vip", "vip")]
    [InlineData("Срочно", "срочно")]
    [InlineData("\tВажный\u00A0 Клиент\n", "важный клиент")]
    [InlineData("a   b    c", "a b c")]
    public void Normalize_lower_cases_trims_and_collapses_blanks(string input, string expected)
    {
        Assert.Equal(expected, Tag.Normalize(input));
    }

    [Fact]
    public void Normalize_makes_spellings_of_one_tag_equal()
    {
        Assert.Equal(Tag.Normalize("vip client"), Tag.Normalize(" VIP   CLIENT"));
        Assert.NotEqual(Tag.Normalize("vip client"), Tag.Normalize("vipclient"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_of_blank_is_empty(string input)
    {
        Assert.Equal("", Tag.Normalize(input));
    }
}
