using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Web;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>Okno's image proxy shows an allowed message's remote images from Okno's own origin; it only fetches
/// addresses Okno sealed, never from inside its own network, and only raster images.</summary>
public sealed class RemoteImagesTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task Proxy_never_fetches_loopback_or_private_addresses()
    {
        await using var remote = await RemoteServer.StartAsync();
        var images = okno.App.Services.GetRequiredService<RemoteImages>();
        using var browser = await okno.App.CookieClientAsync();
        foreach (var url in new[] { remote.BaseUrl + "/pixel.gif", remote.BaseUrl.Replace("127.0.0.1", "localhost") + "/pixel.gif",
                     "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x.png", "http://[::1]/x.png" })
        {
            var response = await browser.GetAsync(images.UrlFor(new Uri(url)));
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }
        Assert.Empty(remote.Requests);
    }

    [Fact]
    public async Task Proxy_fetches_only_addresses_okno_sealed_and_only_for_signed_in_people()
    {
        var images = okno.App.Services.GetRequiredService<RemoteImages>();
        using var browser = await okno.App.CookieClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/images/remote?u=" + Uri.EscapeDataString("https://example.com/x.png"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/images/remote")).StatusCode);
        using var anonymous = okno.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answer = await anonymous.GetAsync(images.UrlFor(new Uri("https://example.com/x.png")));
        Assert.NotEqual(HttpStatusCode.OK, answer.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadGateway, answer.StatusCode);
    }

    [Fact]
    public async Task Proxy_passes_raster_images_and_refuses_svg_html_and_oversized_answers()
    {
        // The one setting that lets the proxy reach a loopback "remote" server is for tests only.
        await using var app = OknoFactory.Sqlite(new()
        {
            ["Okno:RemoteImages:AllowPrivateNetworks"] = "true", ["Okno:RemoteImages:MaxBytes"] = "1000",
        });
        await using var remote = await RemoteServer.StartAsync();
        remote.Answers["/page.png"] = ("text/html", "<html><script>alert(1)</script></html>"u8.ToArray());
        remote.Answers["/disguised.png"] = ("image/png", "<html><script>alert(1)</script></html>"u8.ToArray());
        remote.Answers["/logo.svg"] = ("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray());
        remote.Answers["/big.png"] = ("image/png", new byte[5000]);
        var images = app.Services.GetRequiredService<RemoteImages>();
        using var browser = await app.CookieClientAsync();

        var pixel = await browser.GetAsync(images.UrlFor(new Uri(remote.BaseUrl + "/pixel.gif")));
        Assert.Equal(HttpStatusCode.OK, pixel.StatusCode);
        Assert.Equal("image/gif", pixel.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RemoteServer.Gif, await pixel.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("sandbox", string.Join("", pixel.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join("", pixel.Headers.GetValues("X-Content-Type-Options")));

        foreach (var path in new[] { "/page.png", "/disguised.png", "/logo.svg", "/big.png" })
            Assert.Equal(HttpStatusCode.BadGateway, (await browser.GetAsync(images.UrlFor(new Uri(remote.BaseUrl + path)))).StatusCode);
        // Each was fetched once and refused by what came back, not before asking.
        Assert.Equal(5, remote.Requests.Count);
    }
}
