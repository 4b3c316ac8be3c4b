using Microsoft.EntityFrameworkCore;
using Okno.Reports.Topics;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Reports.Topics;

[Collection(ChromiumCollection.Name)]
public sealed class TopicsPageTests(OknoInChromium okno)
{
    [Fact]
    public Task A_frequent_subject_becomes_a_draft_faq_article_in_one_click() => okno.InPageAsync("en-US", async tab =>
    {
        var admin = await okno.App.AdminClientAsync();
        // Letters only: numbers are left out of topic keys.
        var word = "zq" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray());
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = $"Scanning {word}", language = "en" });
        await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Scanner", language = "en" });
        var ids = new List<long>();
        foreach (var subject in new[] { $"Scanner {word} jams", $"scanners {word} jamming", $"{word} scanner jam" })
            ids.Add((await admin.CreateTicketAsync(subject)).Id());
        var key = TopicKeys.Of($"Scanner {word} jams");
        await JobHelpers.UntilAsync(async () => await okno.App.WithDbAsync(db => db.Set<TicketTopic>().CountAsync(t => t.Key == key)) == 3);

        await tab.SignInAsync(returnUrl: "/reports/topics");
        var page = tab.Page;
        var row = page.Locator($"#tp-subjects .tp-subject[data-key='{key}']");
        await Expect(row.Locator(".tp-count")).ToHaveTextAsync("3");
        await Expect(row.Locator(".tp-example")).ToHaveCountAsync(3);
        await row.Locator(".tp-make-article").ClickAsync();
        await Expect(page.Locator("#kbr-draft-title")).ToHaveValueAsync($"{word} scanner jam");
        await page.ChooseAsync("#kbr-draft-section", $"Scanning {word} / Scanner");
        await page.Locator("#kbr-draft-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/kb/articles/[0-9]+"));
        await Expect(page.Locator("#kb-editor-title")).ToHaveTextAsync($"{word} scanner jam");
        Assert.Empty(tab.Problems);
    });
}
