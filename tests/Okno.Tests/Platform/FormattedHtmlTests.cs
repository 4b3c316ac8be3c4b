using Okno.Platform.Text;
using Okno.Tickets;
using Okno.Platform;
using Okno.Platform.Web;

namespace Okno.Tests.Platform;

/// <summary>What the reply editor's HTML becomes on the server: narrowed to formatting, with its plain-text part.</summary>
public sealed class FormattedHtmlTests
{
    private static readonly MessageBodies Bodies = new();

    [Theory]
    [InlineData("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>")]
    [InlineData("<p><a href=\"javascript:alert(1)\">x</a></p>", "<p>x</p>")]
    [InlineData("<p><a href=\"/admin\">here</a></p>", "<p>here</p>")]
    [InlineData("<p><img src=\"https://t.example/p.gif\" alt=\"p\">text</p>", "<p>text</p>")]
    [InlineData("<p><img src=\"/tickets/attachments/5\">text</p>", "<p>text</p>")]
    [InlineData("<p><img src=\"cid:abc@okno\" alt=\"s\" onerror=\"x()\"></p>", "<p><img src=\"cid:abc@okno\" alt=\"s\"></p>")]
    [InlineData("<div style=\"color:red\">one</div><h2>two</h2>", "<p>one</p><p>two</p>")]
    [InlineData("<p><span class=\"x\">in</span> <u>line</u></p>", "<p>in line</p>")]
    [InlineData("<table><tr><td>cell</td></tr></table>", "<p>cell</p>")]
    [InlineData("<style>p{}</style><p>kept</p><iframe src=\"https://e.example\">no</iframe>", "<p>kept</p>")]
    public void Only_formatting_is_kept(string input, string expected) =>
        Assert.Equal(expected, Bodies.FromFormattedHtml(input).Html);

    [Fact]
    public void Links_keep_their_address_and_open_outside()
    {
        var html = Bodies.FromFormattedHtml("<p><a href=\"mailto:it@example.org\">mail</a> <a href=\"https://example.org/a?b=1\">site</a></p>").Html;
        Assert.Contains("href=\"mailto:it@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/a?b=1\" rel=\"noopener noreferrer nofollow\" target=\"_blank\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_text_part_writes_lists_links_quotes_and_code_as_a_mail_reader_expects()
    {
        var text = Bodies.FromFormattedHtml(
            "<p>Hello <strong>Anna</strong>,</p>" +
            "<ul><li>one</li><li>two<ul><li>two and a half</li></ul></li></ul>" +
            "<ol><li>first</li><li>second</li></ol>" +
            "<p>See <a href=\"https://example.org/guide\">the guide</a> or <a href=\"https://example.org\">https://example.org</a>, " +
            "write to <a href=\"mailto:it@example.org\">it@example.org</a>.</p>" +
            "<blockquote><p>It broke</p><p>again</p></blockquote>" +
            "<pre>a  b\n  c</pre><p>Bye</p>").Text;
        Assert.Equal(
            "Hello Anna,\n\n" +
            "- one\n- two\n  - two and a half\n\n" +
            "1. first\n2. second\n\n" +
            "See the guide (https://example.org/guide) or https://example.org, write to it@example.org.\n\n" +
            "> It broke\n>\n> again\n\n" +
            "a  b\n  c\n\n" +
            "Bye", text);
    }

    [Fact]
    public void Pasted_images_become_inline_files_named_by_cid_and_anything_not_an_image_loses_its_address()
    {
        const string png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
        var fake = Convert.ToBase64String("<svg onload=alert(1)>"u8.ToArray());
        var (html, images) = InlineDataImages.Extract(
            $"<p><img src=\"data:image/png;base64,{png}\" alt=\"a\"><img src='data:image/png;base64,{fake}'></p>", new LimitsOptions());
        var image = Assert.Single(images);
        Assert.Equal(("image/png", true), (image.ContentType, image.IsInline));
        Assert.Equal($"<p><img src=\"cid:{image.ContentId}\" alt=\"a\"></p>", Bodies.FromFormattedHtml(html!).Html);

        var tooBig = new LimitsOptions { MaxAttachmentBytes = 10 };
        Assert.Throws<OknoException>(() => InlineDataImages.Extract($"<img src=\"data:image/png;base64,{png}\">", tooBig));
    }
}
