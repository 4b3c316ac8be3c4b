using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Surveys.Nps;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Surveys.Nps;

/// <summary>NPS campaigns (issue 19) in the browser: a supervisor's campaign made on the page, the customer's answer through
/// the public page in Russian, and the NPS on the campaign page. The sending job is run by hand (the channel jobs are off),
/// and the link is read from the mail in the delivery queue.</summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class NpsCampaignPageTests(OknoInChromium okno)
{
    private const string LinkBase = "https://desk.example.test";

    [GeneratedRegex(@"https://desk\.example\.test(/survey/nps/[A-Za-z0-9_-]{43})\?s=9")]
    private static partial Regex NineLink();

    [Fact]
    public async Task A_campaign_made_on_the_page_is_answered_on_the_public_page_in_russian_and_its_nps_shows()
    {
        await using var app = OknoFactory.Sqlite(new Dictionary<string, string?>
        {
            ["Okno:Channels:RunJobs"] = "false", ["Okno:Notifications:BaseUrl"] = LinkBase + "/",
        });
        var baseUrl = OknoInChromium.ServeOnLoopback(app);
        var admin = await app.AdminClientAsync();
        await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Support",
            settings = new
            {
                imapHost = (string?)null, imapPort = 143, imapSecurity = "none", imapUser = (string?)null, imapPassword = (string?)null, imapFolder = "INBOX",
                smtpHost = "127.0.0.1", smtpPort = 2525, smtpSecurity = "none", fromName = "Поддержка", fromAddress = "support@desk.example.test",
            },
        });
        // She wrote in Russian: her question and page are in Russian.
        await admin.CreateTicketAsync("Не работает печать счетов", "marina@example.org");
        var name = "Quarterly NPS " + Guid.NewGuid().ToString("N")[..6];

        long campaignId = 0;
        await okno.InPageAsync("en-US", async tab =>
        {
            var page = tab.Page;
            await tab.SignInAsync(returnUrl: "/inbox");
            // In the reports menu of the app bar; the circuit stays.
            await page.ChooseFromMenuAsync("#nav-reports", "#nav-nps");
            await Expect(page.Locator("#nps-title")).ToHaveTextAsync("NPS campaigns");
            await page.Locator("#nps-new").ClickAsync();
            await page.Locator("#nps-name").FillAsync(name);
            await Expect(page.Locator("#nps-question-ru")).ToHaveValueAsync(new Regex("порекомендуете"));
            await page.Locator("#nps-question-ru").FillAsync("Насколько вероятно, что вы порекомендуете нас коллеге?");
            await page.Locator("#nps-question-en").FillAsync("How likely are you to recommend us to a colleague?");
            await tab.ScreenshotAsync("form");
            await page.Locator("#nps-create").ClickAsync();
            await Expect(page.Locator("#nps-campaign-name")).ToHaveTextAsync(name);
            campaignId = long.Parse(page.Url.Split('/')[^1]);
            await Expect(page.Locator("#nps-no-answers")).ToBeVisibleAsync();
        }, baseUrl);

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<NpsSender>().RunAsync(CancellationToken.None));
        var mail = await app.WithDbAsync(db => db.Set<ChannelDelivery>().AsNoTracking().SingleAsync(d => d.DedupeKey!.StartsWith("nps:")));
        Assert.Equal("marina@example.org", mail.Recipient);
        var path = NineLink().Match(mail.BodyText!).Groups[1].Value;

        await okno.InPageAsync("ru-RU", async tab =>
        {
            var page = tab.Page;
            await page.GotoAsync(path + "?s=9");
            await Expect(page.Locator("#nps-question")).ToHaveTextAsync("Насколько вероятно, что вы порекомендуете нас коллеге?");
            await Expect(page.Locator("#nps-thanks")).ToHaveTextAsync("Спасибо! Ваша оценка 9 учтена.");
            await page.Locator("#nps-comment").FillAsync("Быстро отвечаете, спасибо");
            await page.Locator("#nps-comment-send").ClickAsync();
            await Expect(page.Locator("#nps-comment-thanks")).ToHaveTextAsync("Спасибо за комментарий!");
            await tab.ScreenshotAsync("answered");
            // The same link again: answered already, the first score stays.
            await page.GotoAsync(path + "?s=2");
            await Expect(page.Locator("#nps-already")).ToContainTextAsync("ваша оценка: 9");
        }, baseUrl);

        await okno.InPageAsync("en-US", async tab =>
        {
            var page = tab.Page;
            await tab.SignInAsync(returnUrl: $"/surveys/nps/{campaignId}");
            await Expect(page.Locator("#nps-score")).ToHaveTextAsync("100");
            await Expect(page.Locator("#nps-promoters")).ToHaveTextAsync("1");
            await Expect(page.Locator("#nps-sent-answered")).ToHaveTextAsync("1 / 1");
            await Expect(page.Locator("#nps-answers .nps-answer-comment")).ToHaveTextAsync("Быстро отвечаете, спасибо");
            await Expect(page.Locator("#nps-chart svg")).ToBeVisibleAsync();
            await tab.ScreenshotAsync("results");
        }, baseUrl);
    }
}
