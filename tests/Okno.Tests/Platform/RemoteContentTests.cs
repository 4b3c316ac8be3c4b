using System.Net;
using Okno.Platform.Text;
using Okno.Platform.Web;

namespace Okno.Tests.Platform;

/// <summary>Remote content in a message's HTML is hidden at display time (tracking pixels never load), or routed through
/// Okno's own image proxy once the agent allows it; inline data: images stay.</summary>
public sealed class RemoteContentTests
{
    private static string Proxy(Uri remote) => "/images/remote?u=" + Uri.EscapeDataString(remote.AbsoluteUri);

    [Theory]
    [InlineData("<p>Hi<img src=\"http://track.example/p.gif?id=7\" alt=\"x\"></p>", 1)]
    [InlineData("<img src=\"https://track.example/p.gif\">", 1)]
    [InlineData("<img src=\"//track.example/p.gif\">", 1)]
    [InlineData("<img srcset=\"https://a.example/1.png 1x, https://a.example/2.png 2x\">", 2)]
    [InlineData("<table background=\"http://a.example/bg.png\"><tbody><tr><td background=\"https://a.example/td.png\">x</td></tr></tbody></table>", 2)]
    [InlineData("<div style=\"background-image: url(http://a.example/bg.png); color: red\">x</div>", 1)]
    [InlineData("<div style=\"background: url('https://a.example/bg.png')\">x</div>", 1)]
    [InlineData("<video poster=\"http://a.example/poster.png\"></video>", 1)]
    [InlineData("<style>@import url(http://a.example/x.css); p { background: url(\"http://a.example/y.png\") }</style><p>x</p>", 2)]
    [InlineData("<div style=\"background: u\\72l(http://a.example/bg.png)\">x</div>", 1)]
    public void Remote_content_is_taken_out_and_counted(string html, int hidden)
    {
        var shown = RemoteContent.Rewrite(html);
        Assert.Equal(hidden, shown.Hidden);
        Assert.DoesNotContain("a.example", shown.Html);
        Assert.DoesNotContain("track.example", shown.Html);
    }

    [Fact]
    public void Hidden_images_keep_their_alt_text_and_are_marked_for_the_placeholder_style()
    {
        var shown = RemoteContent.Rewrite("<p>Hi <img src=\"http://track.example/p.gif\" alt=\"Logo\"></p>");
        Assert.Equal("<p>Hi <img alt=\"Logo\" class=\"okno-image-hidden\"></p>", shown.Html);
    }

    [Fact]
    public void Inline_data_images_cid_references_and_links_stay_and_relative_addresses_go()
    {
        const string dataImage = "data:image/png;base64,iVBORw0KGgo=";
        var shown = RemoteContent.Rewrite(
            $"<img src=\"{dataImage}\"><img src=\"cid:logo@x\"><a href=\"https://example.com/page\">link</a><img src=\"/api/v1/agents\">");
        Assert.Equal(0, shown.Hidden);
        Assert.Contains($"src=\"{dataImage}\"", shown.Html);
        Assert.Contains("src=\"cid:logo@x\"", shown.Html);
        Assert.Contains("href=\"https://example.com/page\"", shown.Html);
        Assert.DoesNotContain("/api/v1/agents", shown.Html);
    }

    [Fact]
    public void Html_without_anything_to_fetch_is_returned_as_is()
    {
        const string html = "<p>Hello <b>there</b></p>";
        Assert.Same(html, RemoteContent.Rewrite(html).Html);
    }

    [Fact]
    public void Allowed_images_go_through_the_proxy_and_never_point_outside()
    {
        var shown = RemoteContent.Rewrite(
            "<img src=\"http://track.example/p.gif\"><div style=\"background:url(https://a.example/bg.png)\">x</div><img src=\"data:image/gif;base64,R0lG\">",
            Proxy);
        Assert.Equal(0, shown.Hidden);
        Assert.Contains("src=\"/images/remote?u=http%3A%2F%2Ftrack.example%2Fp.gif\"", shown.Html);
        Assert.Contains("url(&quot;/images/remote?u=https%3A%2F%2Fa.example%2Fbg.png&quot;)", shown.Html);
        Assert.Contains("data:image/gif;base64,R0lG", shown.Html);
        Assert.DoesNotContain("\"http", shown.Html);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("2002:7f00:1::", false)]
    [InlineData("ff02::1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2a00:1450:4010:c0f::64", true)]
    public void Proxy_fetches_only_from_public_addresses(string address, bool isPublic) =>
        Assert.Equal(isPublic, PublicNetwork.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void Pasted_raster_images_survive_sanitizing_but_other_data_urls_do_not()
    {
        var bodies = new MessageBodies();
        const string png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ";
        var html = bodies.FromHtml($"<p><img src=\"{png}\" alt=\"a\"><img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"b\">" +
            "<img src=\"data:text/html;base64,PHNjcmlwdD4=\" alt=\"c\"><a href=\"data:image/png;base64,iVBO\">d</a></p>").Html;
        Assert.Contains($"src=\"{png}\"", html);
        Assert.DoesNotContain("svg", html);
        Assert.DoesNotContain("text/html", html);
        Assert.DoesNotContain("href=\"data:", html);
        var shown = RemoteContent.Rewrite(html);
        Assert.Equal(0, shown.Hidden);
        Assert.Contains($"src=\"{png}\"", shown.Html);
    }
}
