using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Okno.Platform.Ui;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>The language switch's return address: whatever comes in, the answer is a redirect to this site (hostile
/// ones go home), never a 500 and never a header built from the input's control characters.</summary>
public sealed class CultureSwitchTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Theory]
    [InlineData("%0d%0aSet-Cookie:%20x=1", "/")]
    [InlineData("/%0d%0aSet-Cookie:%20x=1", "/")]
    [InlineData("/inbox%0aLocation:%20https://evil.example", "/")]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("/%00", "/")]
    [InlineData("/%7F", "/")]
    [InlineData("%2F%2Fevil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/%5Cevil.example", "/")]
    [InlineData("%5C%5Cevil.example", "/")]
    [InlineData("/inbox%5C..%5C..%5Cevil", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("%E2%80%A8/evil", "/")]
    [InlineData("", "/")]
    [InlineData("/inbox?view=mine", "/inbox?view=mine")]
    [InlineData("/%D0%B7%D0%B0%D1%8F%D0%B2%D0%BA%D0%B8", "/%D0%B7%D0%B0%D1%8F%D0%B2%D0%BA%D0%B8")]
    public async Task A_hostile_return_address_gets_a_safe_local_redirect(string rawReturnUrl, string expected)
    {
        foreach (var language in new[] { "ru", "xx" })
        {
            var browser = okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var response = await browser.GetAsync($"/culture/{language}?returnUrl={rawReturnUrl}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(expected, response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData("/a\r\nb", "/")]
    [InlineData("/a\tb", "/")]
    [InlineData("/\u2028", "/")]
    [InlineData("/заявки", "/%D0%B7%D0%B0%D1%8F%D0%B2%D0%BA%D0%B8")]
    [InlineData("/", "/")]
    [InlineData(null, "/")]
    public void Local_url_keeps_only_safe_addresses_and_makes_them_ascii(string? url, string expected) =>
        Assert.Equal(expected, LocalUrl.OrHome(url));
}
