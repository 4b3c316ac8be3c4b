using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Data;
using Okno.Knowledge;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Tickets;

/// <summary>Markdown and HTML are rendered and sanitized before any write transaction, so the costliest bodies the gate
/// accepts, and the ones it refuses, never hold up ticket creation: while one client keeps posting them (articles and
/// tickets), every concurrent ticket creation is acknowledged (no "database is locked", no 500), on both databases.</summary>
public sealed class HostileTextConcurrencyTests
{
    [Theory]
    [BothDatabases]
    public async Task Concurrent_ticket_creations_all_succeed_while_hostile_bodies_are_posted(string provider)
    {
        // No time budget to speak of: the slow inputs are really rendered (seconds in a debug build), the worst case for
        // anything that would hold a write lock meanwhile.
        await using var app = OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Text:MarkdownBudgetMilliseconds"] = "60000" });
        var admin = await app.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Hostile" });
        var section = (await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Hostile" })).Id();
        var markdown = HostileText.Markdown(ArticleTranslation.BodyMaxLength).ToDictionary(c => c.Name, c => c.Text);
        var html = HostileText.Html(Message.BodyMaxLength).ToDictionary(c => c.Name, c => c.Text);
        // The slowest inputs the gate still accepts, and a few it refuses.
        (string Kind, string Name, HttpStatusCode Expected)[] hostile =
        [
            ("article", "lt <<<", HttpStatusCode.Created), ("ticket", "lt <<<", HttpStatusCode.Created),
            ("article", "backtick-runs", HttpStatusCode.Created), ("ticket", "huge style attribute", HttpStatusCode.Created),
            ("article", "link-open [a](", HttpStatusCode.BadRequest), ("ticket", "b-i unclosed", HttpStatusCode.BadRequest),
            ("article", "emphasis *a", HttpStatusCode.BadRequest), ("ticket", "p unclosed", HttpStatusCode.BadRequest),
        ];

        var attacker = Task.Run(async () =>
        {
            var answers = new List<(string, HttpStatusCode, HttpStatusCode)>();
            foreach (var (kind, name, expected) in hostile)
            {
                using var response = kind == "article"
                    ? await admin.PostAsJsonAsync("/api/v1/kb/articles",
                        new { sectionId = section, language = "en", title = "Hostile " + name, body = markdown[name], visibility = "draft" })
                    : await admin.PostAsJsonAsync("/api/v1/tickets",
                        new { subject = "Hostile " + name, bodyHtml = html[name], customer = new { email = "hostile@example.com" } });
                answers.Add(($"{kind} {name}", expected, response.StatusCode));
            }
            return answers;
        });
        const int count = 40;
        var creations = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await Task.Delay(i * 25);
            using var response = await admin.PostAsJsonAsync("/api/v1/tickets", new
            {
                subject = $"Concurrent {i}", body = "The printer does not print.", customer = new { email = $"c{i % 5}@example.com" },
            });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();

        var created = await Task.WhenAll(creations);
        var attacks = await attacker;

        Assert.All(created, c => Assert.True(c.StatusCode == HttpStatusCode.Created, $"{c.StatusCode}: {c.Item2}"));
        Assert.All(attacks, a => Assert.True(a.Item2 == a.Item3, $"{a.Item1}: expected {a.Item2}, got {a.Item3}"));
        var (tickets, articles) = await app.WithDbAsync(async db => (
            await db.Tickets.CountAsync(t => t.Subject.StartsWith("Concurrent ")),
            await db.Set<ArticleTranslation>().CountAsync(t => t.Title.StartsWith("Hostile "))));
        Assert.Equal(count, tickets);
        Assert.Equal(2, articles);
    }

    /// <summary>The render happens before the write transaction opens: while another connection holds the write lock
    /// (SQLite: BEGIN IMMEDIATE; PostgreSQL: an exclusive lock on the tables the saves write first), a body the gate
    /// refuses is answered at once, instead of waiting for the lock and then rendering under it.</summary>
    [Theory]
    [BothDatabases]
    public async Task A_refused_body_is_answered_while_another_writer_holds_the_lock(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var category = await admin.PostJsonAsync("/api/v1/kb/categories", new { name = "Locked" });
        var section = (await admin.PostJsonAsync($"/api/v1/kb/categories/{category.Id()}/sections", new { name = "Locked" })).Id();
        var linkOpeners = HostileText.Markdown(ArticleTranslation.BodyMaxLength).Single(c => c.Name == "link-open [a](").Text;
        var deepHtml = HostileText.Html(Message.BodyMaxLength).Single(c => c.Name == "b-i unclosed").Text;

        using var scope = app.Services.CreateScope();
        var holder = scope.ServiceProvider.GetRequiredService<OknoDb>();
        await using (var transaction = await holder.Database.BeginTransactionAsync())
        {
            if (app.Provider == DatabaseProvider.Postgres)
                await holder.Database.ExecuteSqlRawAsync("LOCK TABLE \"KbArticles\", \"Tickets\" IN ACCESS EXCLUSIVE MODE");
            else
                await holder.Database.ExecuteSqlRawAsync("UPDATE \"KbSections\" SET \"Position\" = \"Position\" WHERE \"Id\" = -1");

            var article = admin.PostAsJsonAsync("/api/v1/kb/articles",
                new { sectionId = section, language = "en", title = "Locked out", body = linkOpeners, visibility = "draft" });
            var ticket = admin.PostAsJsonAsync("/api/v1/tickets",
                new { subject = "Locked out", bodyHtml = deepHtml, customer = new { email = "locked@example.com" } });
            var both = Task.WhenAll(article, ticket);
            var first = await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(20)));

            Assert.True(first == both, "a refused body waited for the write lock");
            Assert.Equal(HttpStatusCode.BadRequest, (await article).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await ticket).StatusCode);
            await transaction.RollbackAsync();
        }
    }
}
