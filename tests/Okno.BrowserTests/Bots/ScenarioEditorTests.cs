using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Okno.Bots.Scenarios;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Bots;

/// <summary>The scenario editor (issue 18): a new scenario starts as a small menu whose preview runs at once; the preview's
/// buttons are pressed like a customer's, in either language; a bad step id is named at its field; the saved scenario is
/// listed and stored.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ScenarioEditorTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_builds_a_scenario_previews_it_in_both_languages_and_saves_it() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var name = "Support menu " + Guid.NewGuid().ToString("N")[..6];
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/inbox");
        await page.ChooseFromMenuAsync("#nav-admin", "#nav-bot-scenarios");
        await Expect(page.Locator("#scenarios-title")).ToHaveTextAsync("Bot scenarios");
        await page.Locator("#scenario-create").ClickAsync();
        await Expect(page.Locator("#scenario-editor-title")).ToHaveTextAsync("New scenario");
        await Expect(page.Locator(".scenario-step")).ToHaveCountAsync(3);

        // The starter runs in the preview at once, in the admin's language, with «Talk to a person» added.
        var log = page.Locator("#preview-log");
        await Expect(log.Locator(".preview-bot").First).ToContainTextAsync("Hello! How can we help?");
        await Expect(log.Locator(".preview-button")).ToHaveTextAsync(["I have a question", "Something else", "Talk to a person"]);
        await log.Locator(".preview-button", new() { HasText = "Something else" }).ClickAsync();
        await Expect(log.Locator(".preview-customer")).ToHaveTextAsync(["Something else"]);
        await Expect(log.Locator(".preview-event").Last).ToContainTextAsync("Handed to the agents");
        await Expect(log.Locator(".preview-bot").Last).ToContainTextAsync("a person will answer you here");
        // Answered: the earlier buttons are disabled, and so is typing.
        await Expect(log.Locator(".preview-button").First).ToBeDisabledAsync();
        await Expect(page.Locator("#preview-send")).ToBeDisabledAsync();

        await page.Locator("#preview-restart").ClickAsync();
        await page.Locator("#preview-language").GetByText("RU").ClickAsync();
        await Expect(log.Locator(".preview-bot").First).ToContainTextAsync("Здравствуйте! Чем можем помочь?");
        await Expect(log.Locator(".preview-button").Last).ToHaveTextAsync("Позвать оператора");
        await page.Locator("#preview-input").FillAsync("оператора позовите");
        await page.Locator("#preview-send").ClickAsync();
        await Expect(log.Locator(".preview-event").Last).ToContainTextAsync("Handed to the agents");
        await tab.ScreenshotAsync("preview");

        // A bad step id is refused at its field; fixed, the scenario saves and is listed.
        await page.Locator("#scenario-name").FillAsync(name);
        await page.Locator("#step-2-id").FillAsync("to a person!");
        await page.Locator("#step-2-id").PressAsync("Tab");
        await page.Locator("#scenario-save").ClickAsync();
        await Expect(page.Locator("#step-2")).ToContainTextAsync("A step id is 1 to 40 Latin letters");
        await Expect(page.Locator("#scenario-error")).ToBeVisibleAsync();
        await page.Locator("#step-2-id").FillAsync("handover");
        await page.Locator("#step-2-id").PressAsync("Tab");
        await page.Locator("#scenario-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/bots/scenarios$"));
        var row = page.Locator("#scenarios-table tbody tr", new() { HasText = name });
        await Expect(row.Locator(".scenario-steps")).ToHaveTextAsync("3");
        await tab.ScreenshotAsync("list");
        var stored = await okno.App.WithDbAsync(db => db.BotScenarios.SingleAsync(s => s.Name == name));
        var steps = ScenarioRules.Deserialize(stored.Steps);
        Assert.Equal(["start", "articles", "handover"], steps.Select(s => s.Id));
        Assert.Equal(("Здравствуйте! Чем можем помочь?", "Hello! How can we help?"), (steps[0].Text!.Ru, steps[0].Text!.En));
    });
}
