using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Tickets;

/// <summary>The rich-text reply editor, image thumbnails with their viewer, and splitting a message into a new ticket.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class RichRepliesTests(OknoInChromium okno)
{
    /// <summary>A 1×1 PNG.</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    [Fact]
    public Task A_word_made_bold_and_a_list_from_the_toolbar_arrive_formatted_in_the_timeline() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Router " + Guid.NewGuid().ToString("N")[..6], $"r-{Guid.NewGuid():N}@example.com");
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/tickets/{ticket.Id()}");
        var page = tab.Page;

        await Expect(page.Locator("#reply-body[data-editor=on]")).ToHaveCountAsync(1);
        await page.Locator("#reply-body").ClickAsync();
        await page.Keyboard.TypeAsync("Please ");
        // Ctrl+B and typing: bold on, then off again.
        await page.Keyboard.PressAsync("Control+B");
        await page.Keyboard.TypeAsync("now");
        await page.Keyboard.PressAsync("Control+B");
        await page.Keyboard.TypeAsync(" restart the router:");
        await Expect(page.Locator("#reply-body b, #reply-body strong")).ToHaveTextAsync("now");
        // Select the word "restart" and make it bold from the toolbar.
        await page.Locator("#reply-body").EvaluateAsync(@"box => {
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode()) && !node.data.includes('restart')) { }
            const range = document.createRange();
            range.setStart(node, node.data.indexOf('restart'));
            range.setEnd(node, node.data.indexOf('restart') + 'restart'.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
        }");
        await page.Locator("#reply-bold").ClickAsync();
        await Expect(page.Locator("#reply-body b, #reply-body strong")).ToHaveTextAsync(["now", "restart"]);
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#reply-bullets").ClickAsync();
        await Expect(page.Locator("#reply-body ul li")).ToHaveCountAsync(1);
        await page.Keyboard.TypeAsync("unplug it");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("wait a minute");
        // An image picked from the toolbar's image button goes in at the cursor.
        await page.Locator("#reply-body-image-picker").SetInputFilesAsync(new FilePayload
        {
            Name = "router.png", MimeType = "image/png", Buffer = Convert.FromBase64String(Png),
        });
        await Expect(page.Locator("#reply-body img[alt='router.png']")).ToHaveCountAsync(1);
        // The workspace's single-key shortcuts stay quiet while typing here ("a" would assign, "s" open the status).
        await page.Keyboard.TypeAsync(" as");
        await Expect(page.Locator("#reply-body li").Last).ToHaveTextAsync("wait a minute as");
        await page.Locator("#reply-send").ClickAsync();

        var sent = page.Locator("#timeline .timeline-out .timeline-body");
        await Expect(sent.Locator("strong, b")).ToHaveTextAsync(["now", "restart"]);
        await Expect(sent.Locator("li")).ToHaveTextAsync(["unplug it", "wait a minute as"]);
        // The picture was stored as the reply's inline file and is shown in place from it.
        var inline = sent.Locator("img[alt='router.png']");
        await Expect(inline).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/tickets/attachments/[0-9]+$"));
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await inline.ElementHandleAsync());
        await Expect(page.Locator("#reply-body")).ToHaveTextAsync("", new() { UseInnerText = true });
        var message = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages")).Items().Last();
        // The plain-text part: the list as "- ", the picture by its name where it stood.
        Assert.Contains("- unplug it\n- wait a minute[router.png] as", message.Str("bodyText"), StringComparison.Ordinal);
        Assert.True(message.GetProperty("attachments")[0].GetProperty("inline").GetBoolean());
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task Two_image_attachments_show_as_thumbnails_that_open_a_viewer_walked_by_arrows_and_closed_by_escape() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Screens " + Guid.NewGuid().ToString("N")[..6], $"s-{Guid.NewGuid():N}@example.com", new
        {
            attachments = new[]
            {
                new { fileName = "first.png", contentType = "image/png", contentBase64 = Png },
                new { fileName = "second.png", contentType = "image/png", contentBase64 = Png },
                new { fileName = "log.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("log"u8.ToArray()) },
            },
        });
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/tickets/{ticket.Id()}");
        var page = tab.Page;

        var thumbnails = page.Locator("#timeline .timeline-thumbnail img");
        await Expect(thumbnails).ToHaveCountAsync(2);
        await Expect(thumbnails.First).ToHaveAttributeAsync("alt", "first.png");
        await Expect(thumbnails.First).ToHaveAttributeAsync("loading", "lazy");
        // The text file stays a file chip.
        await Expect(page.Locator("#timeline a.timeline-attachment")).ToContainTextAsync("log.txt");

        await thumbnails.First.ClickAsync();
        var viewer = page.Locator("#image-viewer");
        await Expect(viewer.Locator("img")).ToHaveAttributeAsync("alt", "first.png");
        await Expect(viewer).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(viewer.Locator("img")).ToHaveAttributeAsync("alt", "second.png");
        await Expect(viewer.Locator(".image-viewer-counter")).ToHaveTextAsync("2 of 2");
        await tab.ScreenshotAsync("image-viewer");
        await page.Keyboard.PressAsync("Escape");
        await Expect(viewer).ToHaveCountAsync(0);
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task A_customers_message_is_split_from_the_timeline_into_a_new_ticket_the_agent_lands_on() => okno.InPageAsync("ru-RU", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Принтер " + Guid.NewGuid().ToString("N")[..6], $"p-{Guid.NewGuid():N}@example.com",
            new { body = "Не работает VPN из дома\nИ ещё принтер не печатает." });
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/tickets/{ticket.Id()}");
        var page = tab.Page;

        await page.Locator("#timeline .timeline-in .timeline-split-button").ClickAsync();
        var subject = page.Locator("#split-subject");
        await Expect(subject).ToHaveValueAsync("Не работает VPN из дома");
        await subject.FillAsync("VPN из дома");
        await page.Locator("#split-confirm").ClickAsync();

        await Expect(page.Locator("#ticket-subject")).ToHaveTextAsync("VPN из дома");
        Assert.DoesNotMatch($"/tickets/{ticket.Id()}$", page.Url);
        await Expect(page.Locator("#timeline .timeline-in")).ToContainTextAsync("Не работает VPN из дома");
        await Expect(page.Locator("#timeline .timeline-event[data-field=split_from]")).ToContainTextAsync($"#{ticket.GetProperty("number").GetInt64()}");

        await tab.GotoInteractiveAsync($"/tickets/{ticket.Id()}");
        await Expect(page.Locator("#timeline .timeline-in .timeline-split")).ToContainTextAsync("выделено в #");
        await Expect(page.Locator("#timeline .timeline-in .timeline-split-button")).ToHaveCountAsync(0);
        Assert.Empty(tab.Problems);
    });
}
