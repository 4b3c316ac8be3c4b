using Okno.Platform.Text;
using Okno.Tickets;
using Okno.Tickets.Ui;

namespace Okno.Tests.Tickets.Ui;

/// <summary>A mail's inline images survive sanitizing as <c>cid:</c> sources and are shown in place from the message's
/// own attachments; remote images stay blocked.</summary>
public sealed class InlineImagesTests
{
    private readonly MessageBodies _bodies = new();

    private static AttachmentView File(long id, string? contentId) =>
        new(id, "f" + id, "image/png", 10, AttachmentUrls.Of(id), "", contentId is not null, contentId);

    [Fact]
    public void Sanitizing_keeps_cid_images_but_not_cid_links_or_scripts()
    {
        var safe = _bodies.Sanitize("<img src=\"cid:logo@okno\"><a href=\"cid:logo@okno\">x</a><script>alert(1)</script>" +
                                    "<img src=\"cid:a b\"><img src=\"https://tracker.example/p.gif\">");
        Assert.Contains("<img src=\"cid:logo@okno\">", safe, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"cid:", safe, StringComparison.Ordinal);
        Assert.DoesNotContain("cid:a b", safe, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void Cid_images_point_at_their_attachment_and_remote_ones_stay_hidden()
    {
        var safe = _bodies.Sanitize("<p>Hi</p><img src=\"cid:LOGO@okno\" alt=\"logo\"><img src=\"cid:missing@okno\">" +
                                    "<img src=\"https://tracker.example/p.gif?id=1\" width=\"1\">");
        var hidden = RemoteContent.Rewrite(safe);
        var (html, shown) = InlineImages.Rewrite(hidden.Html, [File(7, "logo@okno"), File(8, null), File(9, "other@okno")], TicketUiEndpoints.AttachmentUrl);

        Assert.Equal(1, hidden.Hidden);
        Assert.Contains($"<img src=\"{TicketUiEndpoints.AttachmentUrl(7)}\" alt=\"logo\">", html, StringComparison.Ordinal);
        Assert.Contains("src=\"cid:missing@okno\"", html, StringComparison.Ordinal); // names no file: loads nothing
        Assert.DoesNotContain("tracker.example", html, StringComparison.Ordinal);
        Assert.Equal([7L], shown);
    }

    [Fact]
    public void Html_without_cid_images_is_returned_as_is()
    {
        const string html = "<p>plain</p>";
        var (same, shown) = InlineImages.Rewrite(html, [File(1, "x@y")], TicketUiEndpoints.AttachmentUrl);
        Assert.Same(html, same);
        Assert.Empty(shown);
    }
}
