using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Sla;

[Collection(ChromiumCollection.Name)]
public sealed class SlaPreviewPageTests(OknoInChromium okno)
{
    [Fact]
    public Task The_prefilled_life_computes_due_times_met_late_and_breached_targets_and_the_timeline() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await page.ChooseFromMenuAsync("#nav-admin", "#nav-sla-preview");
        await Expect(page.Locator("#preview-title")).ToHaveTextAsync("SLA preview");
        await Expect(page.Locator("#preview-calendar")).ToContainTextAsync("Россия, пятидневка");
        await page.Locator("#preview-compute").ClickAsync();

        // Created Thursday 30 April 17:30, after the shortened eve's hours; 1–3 May off: the 240 minutes run on Monday.
        var first = page.Locator("#preview-firstResponse");
        await Expect(first.Locator(".preview-due")).ToHaveTextAsync("2026-05-04 13:00, Mon");
        await Expect(first.Locator(".preview-met")).ToHaveTextAsync("2026-05-04 10:15, Mon");
        await Expect(first.Locator(".preview-elapsed")).ToHaveTextAsync("75 min");
        await Expect(first.Locator(".preview-state")).ToHaveTextAsync("Met");
        // The customer wrote at 09:40 on the 6th; the answer at 12:30 came 50 minutes after the 120.
        await Expect(page.Locator("#preview-nextResponse .preview-due")).ToHaveTextAsync("2026-05-06 11:40, Wed");
        await Expect(page.Locator("#preview-nextResponse .preview-state")).ToHaveTextAsync("Met late");
        // Resolution: 76 minutes until "pending", paused until the customer wrote, then on to 600 minutes.
        var resolution = page.Locator("#preview-resolution");
        await Expect(resolution.Locator(".preview-due")).ToHaveTextAsync("2026-05-07 10:24, Thu");
        await Expect(resolution.Locator(".preview-state")).ToHaveTextAsync("Breached");
        await Expect(resolution.Locator(".preview-remaining")).ToHaveTextAsync("0 min");

        var timeline = page.Locator("#preview-timeline");
        await Expect(timeline.Locator(".preview-step[data-what=paused] .preview-step-what")).ToHaveTextAsync("paused");
        await Expect(timeline.Locator(".preview-step[data-what=breached]")).ToHaveCountAsync(2);
        await Expect(timeline.Locator(".preview-step[data-what=note] .preview-step-detail")).ToHaveTextAsync("an internal note is not an answer");
        await tab.ScreenshotAsync();

        // Without the next-response target it is absent from the answer.
        await page.Locator("#preview-next").FillAsync("");
        await page.Locator("#preview-compute").ClickAsync();
        await Expect(page.Locator("#preview-nextResponse")).ToHaveCountAsync(0);
        await Expect(page.Locator("#preview-firstResponse .preview-state")).ToHaveTextAsync("Met");
        Assert.Empty(tab.Problems);
    });

    [Fact]
    public Task In_russian_the_states_and_steps_are_named_in_russian_and_a_bad_instant_is_named_at_its_field() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/sla-preview");
        await Expect(page.Locator("#preview-title")).ToHaveTextAsync("Проверка SLA");

        await page.Locator("#event-2-at").FillAsync("4 мая");
        await page.Locator("#preview-now").FillAsync("вчера");
        await page.Locator("#preview-compute").ClickAsync();
        var instant = "Момент времени — ISO 8601 со смещением, например 2026-04-30T17:30:00+03:00.";
        await Expect(page.FieldError("event-2-at")).ToHaveTextAsync(instant);
        await Expect(page.FieldError("preview-now")).ToHaveTextAsync(instant);
        await Expect(page.Locator("#preview-result")).ToHaveCountAsync(0);

        // An explicit offset is taken as written: 07:16 UTC is 10:16 in Moscow.
        await page.Locator("#event-2-at").FillAsync("2026-05-04T07:16Z");
        await page.Locator("#preview-now").FillAsync("2026-05-08 12:00");
        await page.Locator("#preview-compute").ClickAsync();
        await Expect(page.Locator("#preview-firstResponse .preview-state")).ToHaveTextAsync("Выполнено");
        await Expect(page.FieldError("event-2-at")).ToHaveCountAsync(0);
        await Expect(page.FieldError("preview-now")).ToHaveCountAsync(0);
        await Expect(page.Locator("#preview-error")).ToHaveCountAsync(0);
        // The clock's explanation reads in the calendar's zone, whatever offset the instant was typed with.
        await Expect(page.Locator("#preview-timeline .preview-step[data-what=counted]", new() { HasText = "76 business minutes" }))
            .ToContainTextAsync("until 2026-05-04 10:16 +03:00");
        await Expect(page.Locator("#preview-nextResponse .preview-state")).ToHaveTextAsync("Выполнено с опозданием");
        await Expect(page.Locator("#preview-resolution .preview-state")).ToHaveTextAsync("Нарушено");
        await Expect(page.Locator("#preview-resolution .preview-due")).ToContainTextAsync("2026-05-07 10:24");
        await Expect(page.Locator("#preview-timeline .preview-step[data-what=paused] .preview-step-what")).ToHaveTextAsync("пауза");
        await Expect(page.Locator("#preview-timeline .preview-step[data-what=created] .preview-step-target")).ToHaveTextAsync("Заявка");
        await tab.ScreenshotAsync();
    });
}
