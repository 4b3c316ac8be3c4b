using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.Tests.Platform;

/// <summary>An uploaded file is never served with an active type: HTML, JavaScript, SVG, XML (by declared type, by
/// name, or by content under an image's name) download as application/octet-stream, through the API and the UI route,
/// also for files stored before this check.</summary>
public sealed class SafeDownloadsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly byte[] Html = "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();
    private static readonly byte[] Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

    public static TheoryData<string, string, string> ActiveFiles => new()
    {
        { "page.html", "text/html", "html" },
        { "app.js", "text/javascript", "html" },
        { "script.txt", "application/javascript", "text" },
        { "logo.svg", "image/svg+xml", "svg" },
        { "logo.svg", "image/png", "svg" },
        { "photo.png", "image/png", "html" },
        { "doc.xhtml", "application/xhtml+xml", "html" },
        { "feed.xml", "text/xml", "text" },
    };

    private static byte[] Content(string kind) => kind switch
    {
        "html" => Html,
        "svg" => Svg,
        _ => "alert(1)"u8.ToArray(),
    };

    private static void AssertSafeDownload(HttpResponseMessage download, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", string.Join("", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.StartsWith("sandbox", string.Join("", download.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [MemberData(nameof(ActiveFiles))]
    public async Task Active_attachment_downloads_as_octet_stream_through_the_api_and_the_ui(string fileName, string type, string kind)
    {
        var ticket = await okno.Admin.CreateTicketAsync("Active file " + fileName);
        var message = await okno.Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new
        {
            body = "See attached",
            attachments = new[] { new { fileName, contentType = type, contentBase64 = Convert.ToBase64String(Content(kind)) } },
        });
        var file = message.GetProperty("attachments")[0];
        var api = await okno.Admin.GetAsync(file.Str("url"));
        AssertSafeDownload(api, fileName);
        Assert.Equal(Content(kind), await api.Content.ReadAsByteArrayAsync());

        using var browser = await okno.App.CookieClientAsync();
        AssertSafeDownload(await browser.GetAsync($"/tickets/attachments/{file.Id()}"), fileName);

        // Decided when served, not when stored: the row keeps what was declared, so files stored earlier are covered.
        Assert.Equal(type, await okno.App.WithDbAsync(db => db.Attachments.Where(a => a.Id == file.Id()).Select(a => a.ContentType).SingleAsync()));
    }

    [Fact]
    public async Task Ordinary_attachment_keeps_its_type()
    {
        var ticket = await okno.Admin.CreateTicketAsync("Ordinary files");
        var message = await okno.Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new
        {
            body = "See attached",
            attachments = new[]
            {
                new { fileName = "photo.png", contentType = "image/png", contentBase64 = Convert.ToBase64String(Png) },
                new { fileName = "notes.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("Order 42"u8.ToArray()) },
            },
        });
        var files = message.GetProperty("attachments");
        Assert.Equal("image/png", (await okno.Admin.GetAsync(files[0].Str("url"))).Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/plain", (await okno.Admin.GetAsync(files[1].Str("url"))).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Knowledge_base_images_show_in_place_but_svg_and_disguised_html_download_as_octet_stream()
    {
        var category = await okno.Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Files " + Guid.NewGuid().ToString("N")[..6] });
        var section = await okno.Admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Uploads" });
        var article = await okno.Admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "en", title = "Uploads " + Guid.NewGuid().ToString("N")[..6], body = "Body", visibility = "public",
        });
        async Task<HttpResponseMessage> UploadAndGetAsync(string fileName, string type, byte[] content)
        {
            var file = await okno.Admin.PostJsonAsync($"/api/v1/kb/articles/{article.Id()}/files",
                new { fileName, contentType = type, contentBase64 = Convert.ToBase64String(content) });
            using var anonymous = okno.App.CreateClient();
            return await anonymous.GetAsync(file.Str("url"));
        }

        var png = await UploadAndGetAsync("shot.png", "image/png", Png);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Null(png.Content.Headers.ContentDisposition);

        AssertSafeDownload(await UploadAndGetAsync("diagram.svg", "image/svg+xml", Svg), "diagram.svg");
        AssertSafeDownload(await UploadAndGetAsync("shot.png", "image/png", Html), "shot.png");
        AssertSafeDownload(await UploadAndGetAsync("page.html", "text/html", Html), "page.html");
    }
}
