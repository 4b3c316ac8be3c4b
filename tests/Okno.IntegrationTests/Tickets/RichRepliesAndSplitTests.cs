using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Okno.Channels;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Tickets;

/// <summary>Formatted replies (what the rich-text editor sends) and splitting a customer's message into a new ticket,
/// through the API on both databases.</summary>
public sealed class RichRepliesAndSplitTests
{
    /// <summary>A 1×1 PNG.</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    private const string Hostile =
        "<p>Hello <strong>Anna</strong> and <em>team</em>,<script>alert(1)</script></p>" +
        "<ul><li>restart the router</li><li>check the <a href=\"https://example.org/help\">guide</a></li></ul>" +
        "<ol><li>first</li><li>second</li></ol>" +
        "<blockquote><p>The printer is broken</p></blockquote>" +
        "<p><a href=\"javascript:alert(2)\">click</a> <img src=x onerror=\"alert(3)\"> <img src=\"http://tracker.example.net/p.gif\" alt=\"pixel\">" +
        "<code>ipconfig /all</code></p><pre>line 1\nline 2</pre>" +
        "<table><tr><td>cell</td></tr></table><div style=\"color:red\" onclick=\"x()\">divided</div>" +
        $"<p><img src=\"data:image/png;base64,{Png}\" alt=\"screen\"></p>";

    [Theory]
    [BothDatabases]
    public async Task A_formatted_reply_is_narrowed_to_the_allow_list_gets_a_plain_text_part_and_goes_out_as_text_html_and_an_inline_image(string provider)
    {
        await using var app = OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false" });
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Support",
            settings = new
            {
                imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
                imapPassword = TestMail.Password, imapFolder = folder, smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port,
                smtpSecurity = "none", fromName = "Support", fromAddress = TestMail.Support, maxMessageMegabytes = 25,
            },
        }, HttpStatusCode.Created);
        var customer = $"customer+{Guid.NewGuid():N}@example.test"; // the sink delivers customer+…@ to customer@'s INBOX
        await TestMail.AppendAsync(folder, TestMail.Mail(customer, "Anna", TestMail.Support, "Printer", "The printer is broken."));
        await app.Services.GetRequiredService<ChannelPolling>().PollAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Subject == "Printer"));

        var reply = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { bodyHtml = Hostile });
        var html = reply.Str("bodyHtml");
        foreach (var banned in new[] { "script", "alert", "onerror", "onclick", "javascript:", "tracker.example.net", "data:", "style", "<table", "<td", "<div" })
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        foreach (var kept in new[] { "<strong>Anna</strong>", "<em>team</em>", "<li>restart the router</li>", "<ol>", "<blockquote>", "<code>ipconfig /all</code>",
                     "<pre>", "href=\"https://example.org/help\"", "<p>divided</p>" })
            Assert.Contains(kept, html, StringComparison.Ordinal);
        // The pasted image is an inline attachment now, named by cid: in the HTML.
        var image = Assert.Single(reply.GetProperty("attachments").EnumerateArray());
        Assert.Equal("image/png", image.Str("contentType"));
        Assert.True(image.GetProperty("inline").GetBoolean());
        Assert.Contains($"src=\"cid:{image.Str("contentId")}\"", html, StringComparison.Ordinal);

        var text = reply.Str("bodyText");
        Assert.Contains("Hello Anna and team,", text, StringComparison.Ordinal);
        Assert.Contains("- restart the router\n- check the guide (https://example.org/help)", text, StringComparison.Ordinal);
        Assert.Contains("1. first\n2. second", text, StringComparison.Ordinal);
        Assert.Contains("> The printer is broken", text, StringComparison.Ordinal);
        Assert.Contains("line 1\nline 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);

        Assert.Equal(1, await app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None));
        var delivered = await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.Id == reply.Id()));
        Assert.True(delivered.Delivery == DeliveryState.Sent, delivered.DeliveryError);
        var sent = await TestMail.WaitForMailToAsync(customer);
        Assert.Contains("- restart the router", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>Anna</strong>", sent.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<li>restart the router</li>", sent.HtmlBody, StringComparison.Ordinal);
        // multipart/alternative (text, multipart/related (html, the image by its Content-ID)); no download of it.
        var alternative = Assert.IsType<MultipartAlternative>(sent.Body);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        var part = Assert.IsType<MimePart>(related[1]);
        Assert.Equal((image.Str("contentId"), "image/png"), (part.ContentId, part.ContentType.MimeType));
        Assert.Empty(sent.Attachments);
    }

    [Theory]
    [BothDatabases]
    public async Task A_customers_message_splits_into_a_new_linked_ticket_with_its_files_and_notes_and_replies_are_refused(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Printer", email: "split@example.org", extra: new
        {
            body = "The printer is broken.\nAlso: my VPN does not connect.",
            attachments = new[] { new { fileName = "vpn.png", contentType = "image/png", contentBase64 = Png } },
        });
        var messages = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages")).Items();
        var first = messages.Single();
        var note = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Checking", @internal = true });
        var answer = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "On it" });
        var url = (long id) => $"/api/v1/tickets/{ticket.Id()}/messages/{id}/split";

        // Only a customer's message splits.
        foreach (var refused in new[] { note, answer })
        {
            var problem = await (await admin.PostAsJsonAsync(url(refused.Id()), new { subject = "No" })).JsonAsync(HttpStatusCode.Conflict);
            Assert.Equal(TicketErrorCodes.SplitNotCustomerMessage, problem.Str("code"));
        }
        // Someone who cannot see the ticket gets nothing, and learns nothing.
        var group = await admin.CreateGroupAsync();
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { groupId = group });
        var (_, outsider) = await app.CreateAgentAsync(admin, groupIds: [await admin.CreateGroupAsync()]);
        Assert.Equal(TicketErrorCodes.NotFound,
            (await (await outsider.PostAsJsonAsync(url(first.Id()), new { subject = "Mine" })).JsonAsync(HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));

        var created = await admin.PostJsonAsync(url(first.Id()), new { subject = "  VPN does not connect " });
        Assert.Equal("VPN does not connect", created.Str("subject"));
        Assert.NotEqual(ticket.Id(), created.Id());
        Assert.Equal(ticket.GetProperty("customer").Id(), created.GetProperty("customer").Id());
        var copied = (await admin.GetJsonAsync($"/api/v1/tickets/{created.Id()}/messages")).Items().Single();
        Assert.Equal(("in", first.Str("bodyText")), (copied.Str("direction"), copied.Str("bodyText")));
        var file = Assert.Single(copied.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("vpn.png", first.GetProperty("attachments")[0].Str("sha256")), (file.Str("fileName"), file.Str("sha256")));
        // The original keeps its message and file.
        Assert.Single((await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages/{first.Id()}")).GetProperty("attachments").EnumerateArray());

        // Linked both ways, and each history says so.
        Assert.Contains(created.Id(), (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/related")).GetProperty("links").EnumerateArray().Select(l => l.Id()));
        Assert.Contains(ticket.Id(), (await admin.GetJsonAsync($"/api/v1/tickets/{created.Id()}/related")).GetProperty("links").EnumerateArray().Select(l => l.Id()));
        var oldHistory = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history")).Items();
        var into = Assert.Single(oldHistory, e => e.GetProperty("field").GetString() == Ticket.SplitIntoField);
        Assert.Equal((created.GetProperty("number").GetInt64().ToString(), first.Id()), (into.Str("newValue"), into.GetProperty("messageId").GetInt64()));
        var newHistory = (await admin.GetJsonAsync($"/api/v1/tickets/{created.Id()}/history")).Items();
        var from = Assert.Single(newHistory, e => e.GetProperty("field").GetString() == Ticket.SplitFromField);
        Assert.Equal(ticket.GetProperty("number").GetInt64().ToString(), from.Str("newValue"));

        // Twice is refused, and a missing message is a 404.
        Assert.Equal(TicketErrorCodes.AlreadySplit,
            (await (await admin.PostAsJsonAsync(url(first.Id()), new { subject = "Again" })).JsonAsync(HttpStatusCode.Conflict)).Str("code"));
        Assert.Equal(TicketErrorCodes.MessageNotFound,
            (await (await admin.PostAsJsonAsync(url(first.Id() + 10_000), new { })).JsonAsync(HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }
}
