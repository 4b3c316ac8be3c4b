using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Surveys;
using Okno.Testing;
using Okno.Tickets;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Surveys;

/// <summary>CSAT in the browser (issue 19): the customer's survey page in Russian and in English (a rating by one click,
/// then a comment, each once), the rating on the ticket page, and the settings page saving. The surveys are written
/// straight to the database with known tokens (the mail that carries them is the integration tests' business), in a
/// group of their own so no other test's supervisor hears of a low rating.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class CsatPagesTests(OknoInChromium okno)
{
    private async Task<(long TicketId, string Token)> SentSurveyAsync(HttpClient admin, long groupId, string subject, string language)
    {
        var ticket = await admin.CreateTicketAsync(subject, $"csat-{Guid.NewGuid():N}@example.com", new { groupId });
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "resolved" });
        var token = CsatTokens.New();
        var contactId = ticket.GetProperty("customer").GetProperty("id").GetInt64();
        await okno.App.WithDbAsync(async db =>
        {
            db.CsatSurveys.Add(new CsatSurvey
            {
                TicketId = ticket.Id(), ResolutionEventId = -Random.Shared.NextInt64(1, long.MaxValue), ContactId = contactId, GroupId = groupId,
                Channel = ChannelKind.Api, ResolvedAt = DateTimeOffset.UtcNow, DueAt = DateTimeOffset.UtcNow, Status = CsatStatus.Sent, Language = language,
                TokenHash = CsatTokens.Hash(token), SentAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return (ticket.Id(), token);
    }

    [Fact]
    public Task A_customer_rates_and_comments_in_russian_and_english_and_the_agent_sees_it_on_the_ticket() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var group = await admin.CreateGroupAsync();
        var (ruTicket, ruToken) = await SentSurveyAsync(admin, group, "Сломался ноутбук " + suffix, "ru");
        var (_, enToken) = await SentSurveyAsync(admin, group, "Laptop broken " + suffix, "en");

        // Russian: opened without a rating, it offers five; one click rates, then a comment is added once.
        await page.GotoAsync($"/survey/csat/{ruToken}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Оцените нашу помощь");
        await Expect(page.Locator("#survey-ticket")).ToContainTextAsync("Сломался ноутбук " + suffix);
        await Expect(page.Locator(".survey-rate")).ToHaveCountAsync(5);
        await page.Locator("#survey-rate-4").ClickAsync();
        await Expect(page.Locator("#survey-rated")).ToHaveTextAsync("Спасибо! Ваша оценка: 4 из 5.");
        await page.Locator("#survey-comment").FillAsync("Починили за час, спасибо!");
        await page.Locator("#survey-comment-send").ClickAsync();
        await Expect(page.Locator("#survey-comment-thanks")).ToHaveTextAsync("Спасибо за комментарий!");
        await Expect(page.Locator("#survey-comment")).ToHaveCountAsync(0);
        await tab.ScreenshotAsync("ru");

        // English: the mail's link rates at once; a second click finds it rated and the comment given.
        await page.GotoAsync($"/survey/csat/{enToken}?r=2");
        await Expect(page.Locator("#survey-rated")).ToHaveTextAsync("Thank you! Your rating: 2 of 5.");
        await page.Locator("#survey-comment").FillAsync("Took three days.");
        await page.Locator("#survey-comment-send").ClickAsync();
        await Expect(page.Locator("#survey-comment-thanks")).ToHaveTextAsync("Thank you for your comment!");
        await page.GotoAsync($"/survey/csat/{enToken}?r=5");
        await Expect(page.Locator("#survey-already-rated")).ToHaveTextAsync("This request has already been rated: 2 of 5.");
        await Expect(page.Locator("#survey-comment-already")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("en");
        var ratings = await okno.App.WithDbAsync(db => db.CsatSurveys.Where(s => s.GroupId == group).OrderBy(s => s.Id)
            .Select(s => new { s.Rating, s.Comment }).ToListAsync());
        Assert.Equal([(4, "Починили за час, спасибо!"), (2, "Took three days.")], ratings.Select(r => (r.Rating ?? 0, r.Comment ?? "")));

        // The agent sees the rating and comment beside the ticket.
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await tab.GotoInteractiveAsync($"/tickets/{ruTicket}");
        var panel = page.Locator("#csat-panel");
        await Expect(panel.Locator(".csat-rating")).ToHaveTextAsync("4 of 5");
        await Expect(panel.Locator(".csat-comment")).ToContainTextAsync("Починили за час, спасибо!");
        await Expect(page.Locator("#customer-csat-average")).ToContainTextAsync("average 4.0 of 5 (1 ratings)");
        await tab.ScreenshotAsync("ticket");
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task An_admin_saves_the_survey_settings() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await page.ChooseFromMenuAsync("#nav-admin", "#nav-surveys");
        await Expect(page.Locator("#surveys-title")).ToHaveTextAsync("Опросы удовлетворённости (CSAT)");
        // Surveys stay off here (other tests share this desk); the delay and the English text are changed and saved.
        var delay = page.Locator("#csat-default .csat-delay input");
        await delay.FillAsync("45");
        await page.Locator("#csat-default .csat-text-en textarea").FillAsync("How did we do on {ticket}?");
        await page.Locator("#csat-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Сохранено");
        await tab.ScreenshotAsync("saved");
        var stored = await okno.App.WithDbAsync(db => db.CsatSettings.SingleAsync(s => s.Key == CsatSetting.DefaultKey));
        Assert.Equal((false, 45, "How did we do on {ticket}?"), (stored.Enabled, stored.DelayMinutes, stored.TextEn));

        // A bad placeholder is named at its field.
        await page.Locator("#csat-default .csat-text-en textarea").FillAsync("Hi {customer}");
        await page.Locator("#csat-save").ClickAsync();
        await Expect(page.Locator("#csat-default")).ToContainTextAsync("{customer}");
        Assert.Empty(tab.Problems);
    });
}
