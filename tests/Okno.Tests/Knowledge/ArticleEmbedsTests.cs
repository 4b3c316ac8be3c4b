using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Okno.Knowledge;
using Okno.Testing;

namespace Okno.Tests.Knowledge;

/// <summary>Videos and screenshots in help-center articles: a bare link to a video on an allowed host becomes its embedded
/// player, anything else stays a link, and an iframe typed into the Markdown is still removed.</summary>
public sealed partial class ArticleEmbedsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://rutube.ru/video/0123456789abcdef0123456789abcdef/", "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef")]
    [InlineData("https://vk.com/video-22822305_456239018", "https://vk.com/video_ext.php?oid=-22822305&id=456239018&hd=2")]
    [InlineData("https://vkvideo.ru/video1_2", "https://vk.com/video_ext.php?oid=1&id=2&hd=2")]
    public void Links_to_videos_on_allowed_hosts_become_their_players(string link, string player) =>
        Assert.Equal(player, ArticleEmbeds.EmbedOf(link)?.Url);

    [Theory]
    [InlineData("https://evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onload=x")]
    [InlineData("https://www.youtube.com/watch?v=short")]
    [InlineData("https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ")]
    [InlineData("javascript:alert(1)//youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://rutube.ru/video/not-an-id/")]
    [InlineData("https://vk.com/id1")]
    public void Anything_else_is_no_player(string link) => Assert.Null(ArticleEmbeds.EmbedOf(link));

    [Fact]
    public async Task An_article_embeds_a_youtube_link_but_not_an_unknown_host_and_typed_iframes_are_stripped()
    {
        var category = await okno.Admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Video " + Guid.NewGuid().ToString("N")[..6] });
        var section = await okno.Admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Videos" });
        var body = string.Join("\n\n",
            "How to replace the cartridge:",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://evil.example/watch?v=dQw4w9WgXcQ",
            "Also see https://youtu.be/dQw4w9WgXcQ in the middle of a sentence.",
            "<iframe src=\"https://evil.example/x\"></iframe>",
            "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" onload=\"alert(1)\"></iframe>",
            "![Screenshot](/api/v1/kb/files/1)");
        var article = await okno.Admin.PostJsonAsync("/api/v1/kb/articles", new
        {
            sectionId = section.Id(), language = "en", title = "Cartridge " + Guid.NewGuid().ToString("N")[..6], body, visibility = "public",
        });
        var html = article.Str("html");

        // Exactly one frame: the player of the bare YouTube link, sandboxed and lazy.
        var frame = Assert.Single(Frames().Matches(html));
        Assert.Contains("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"", frame.Value);
        Assert.Contains("sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\"", frame.Value);
        Assert.Contains("loading=\"lazy\"", frame.Value);
        Assert.DoesNotContain("onload", html);
        Assert.Contains("<div class=\"article-video\"><iframe", html);
        // The unknown host stays a plain link; a link inside a sentence stays a link too.
        Assert.Contains("href=\"https://evil.example/watch?v=dQw4w9WgXcQ\"", html);
        Assert.DoesNotContain("src=\"https://evil.example", html);
        Assert.Contains("href=\"https://youtu.be/dQw4w9WgXcQ\"", html);
        // The screenshot opens at full size.
        Assert.Matches("<a href=\"/api/v1/kb/files/1\" target=\"_blank\" rel=\"noopener noreferrer\" class=\"article-image\"><img src=\"/api/v1/kb/files/1\"", html);

        // The help center's page lets frames come from the players' hosts only.
        var visitor = okno.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await visitor.GetAsync(article.Str("helpCenterPath"));
        var policy = Okno.Tests.Platform.SecurityHeadersTests.PolicyOf(page);
        Assert.EndsWith("; frame-src https://www.youtube-nocookie.com https://rutube.ru https://vk.com", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"", await page.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<iframe[^>]*>")]
    private static partial Regex Frames();
}
