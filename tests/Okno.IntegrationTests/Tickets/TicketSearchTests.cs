using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Okno.Testing;

namespace Okno.IntegrationTests.Tickets;

/// <summary>`GET /api/v1/search` through the full-text index, on SQLite and PostgreSQL.</summary>
public sealed class TicketSearchTests
{
    private static async Task<List<System.Text.Json.JsonElement>> SearchAsync(HttpClient client, string q) =>
        (await client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&limit=50")).Items().ToList();

    private static async Task<List<long>> IdsAsync(HttpClient client, string q) =>
        (await SearchAsync(client, q)).Select(h => h.GetProperty("ticket").Id()).ToList();

    [Theory]
    [BothDatabases]
    public async Task An_agent_finds_tickets_of_their_groups_unrouted_and_assigned_to_them_and_nothing_else(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var mine = await admin.CreateGroupAsync("Моя линия");
        var other = await admin.CreateGroupAsync("Чужая линия");
        var (agentId, agent) = await app.CreateAgentAsync(admin, groupIds: [mine]);
        var inMyGroup = await admin.CreateTicketAsync("Турникет не пускает", extra: new { groupId = mine });
        var unrouted = await admin.CreateTicketAsync("Турникет сломан");
        var assigned = await admin.CreateTicketAsync("Пропуск", extra: new { groupId = other, assigneeId = agentId });
        await admin.PostJsonAsync($"/api/v1/tickets/{assigned.Id()}/messages", new { body = "Турникеты на проходной" });
        var elsewhere = await admin.CreateTicketAsync("Турникет в другом офисе", extra: new { groupId = other });
        var elsewhereByMessage = await admin.CreateTicketAsync("Проходная", extra: new { groupId = other });
        await admin.PostJsonAsync($"/api/v1/tickets/{elsewhereByMessage.Id()}/messages", new { body = "Турникет" });

        Assert.Equal(new[] { inMyGroup.Id(), unrouted.Id(), assigned.Id() }.Order(), (await IdsAsync(agent, "турникет")).Order());
        Assert.Equal(new[] { inMyGroup.Id(), unrouted.Id(), assigned.Id(), elsewhere.Id(), elsewhereByMessage.Id() }.Order(),
            (await IdsAsync(admin, "турникет")).Order());

        // Moved out of the agent's reach: gone from their search at once.
        await admin.PatchAsync($"/api/v1/tickets/{inMyGroup.Id()}", new { groupId = other });
        Assert.Equal(new[] { unrouted.Id(), assigned.Id() }.Order(), (await IdsAsync(agent, "турникет")).Order());
    }

    [Theory]
    [BothDatabases]
    public async Task A_reply_a_note_and_a_new_subject_are_searchable_right_after_the_call(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Не работает сканер");
        Assert.Equal([ticket.Id()], await IdsAsync(admin, "сканеры"));

        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Замените картриджи, пожалуйста" });
        Assert.Equal([ticket.Id()], await IdsAsync(admin, "картридж"));
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Внутренняя заметка: поставщик Ромашка", @internal = true });
        Assert.Equal([ticket.Id()], await IdsAsync(admin, "ромашки"));

        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { subject = "Плоттер печатает полосами" });
        Assert.Equal([ticket.Id()], await IdsAsync(admin, "плоттеры"));
        var hit = (await SearchAsync(admin, "плоттеры")).Single();
        Assert.Equal("subject", hit.Str("matchedIn"));
        Assert.Equal("<mark>Плоттер</mark> печатает полосами", hit.Str("snippet"));
        Assert.Empty(await IdsAsync(admin, "плоттер сканер"));   // the old subject is gone from the index
    }

    [Theory]
    [BothDatabases]
    public async Task A_subject_hit_ranks_above_message_hits_and_snippets_mark_the_words_escaping_the_rest(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var byMessage = await admin.CreateTicketAsync("Сеть в офисе");
        await admin.PostJsonAsync($"/api/v1/tickets/{byMessage.Id()}/messages",
            new { body = "<b>Роутеры</b> & коммутаторы: роутер снова мигает, роутер перезагружается" });
        var bySubject = await admin.CreateTicketAsync("Роутер не раздаёт интернет");
        var older = await admin.CreateTicketAsync("Роутер");

        var hits = await SearchAsync(admin, "роутеры");
        Assert.Equal(3, hits.Count);
        Assert.Equal(byMessage.Id(), hits[2].GetProperty("ticket").Id());
        Assert.Equal("message", hits[2].Str("matchedIn"));
        Assert.Equal("&lt;b&gt;<mark>Роутеры</mark>&lt;/b&gt; &amp; коммутаторы: <mark>роутер</mark> снова мигает, <mark>роутер</mark> перезагружается",
            hits[2].Str("snippet"));
        Assert.Equal([bySubject.Id(), older.Id()], hits.Take(2).Select(h => h.GetProperty("ticket").Id()).Order());
        Assert.All(hits.Take(2), h => Assert.Equal("subject", h.Str("matchedIn")));
    }

    [Theory]
    [BothDatabases]
    public async Task An_agent_never_finds_a_ticket_they_may_not_see(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var mine = await admin.CreateGroupAsync("Первая линия");
        var other = await admin.CreateGroupAsync("Бухгалтерия");
        var (_, agent) = await app.CreateAgentAsync(admin, "agent", [mine]);
        var hidden = new List<long>();
        for (var i = 0; i < 30; i++)   // more hidden hits than a page, all ranked above the visible one
            hidden.Add((await admin.CreateTicketAsync($"Зарплата зарплата ведомость {i}", extra: new { groupId = other })).Id());
        var visible = await admin.CreateTicketAsync("Вопрос", extra: new { groupId = mine });
        await admin.PostJsonAsync($"/api/v1/tickets/{visible.Id()}/messages", new { body = "где моя зарплата?" });

        Assert.Equal([visible.Id()], await IdsAsync(agent, "зарплаты"));
        Assert.Empty(await IdsAsync(agent, "ведомость"));
        Assert.Equal(31, (await IdsAsync(admin, "зарплаты")).Count);
        Assert.Empty(await IdsAsync(agent, "#" + (await admin.GetJsonAsync($"/api/v1/tickets/{hidden[0]}")).GetProperty("number").GetInt64()));
    }

    [Theory]
    [BothDatabases]
    public async Task Hostile_queries_through_the_api_answer_200(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Принтер (NEAR) \"AND\" *");
        foreach (var q in MorphologyTable.HostileQueries.Append("x@y.z\0").Append("a\"b@c.d"))
        {
            var response = await admin.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"'{q[..Math.Min(40, q.Length)]}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal([ticket.Id()], await IdsAsync(admin, "\"принтер*\" NEAR("));
    }

    [Theory]
    [BothDatabases]
    public async Task The_generic_index_finds_messages_with_snippets_from_their_original_text(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Расходники");
        var message = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Нужны новые картриджи <HP> для печати" });

        await using var scope = app.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<Okno.Platform.Search.SearchIndex>();
        var hits = await index.QueryAsync(["message"], "картридж", null, 10, CancellationToken.None);
        var hit = Assert.Single(hits);
        Assert.Equal(message.Id(), hit.OwnerId);
        Assert.Equal(ticket.Id(), hit.TicketId);
        Assert.Equal("Нужны новые <mark>картриджи</mark> &lt;HP&gt; для печати", hit.Snippet);
        Assert.Empty(await index.QueryAsync(["ticket_subject"], "картридж", null, 10, CancellationToken.None));
    }

    [Theory]
    [BothDatabases]
    public async Task A_mistyped_word_still_finds_the_ticket(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Принтер не печатает");
        Assert.Equal([ticket.Id()], await IdsAsync(admin, "принтр"));
        Assert.Equal("<mark>Принтер</mark> не печатает", (await SearchAsync(admin, "принтр")).Single().Str("snippet"));
    }

    [Theory]
    [BothDatabases]
    public async Task Tickets_and_messages_from_before_the_index_become_searchable_after_its_migration(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Старый тикет про факс");
        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Факсы больше не принимаются" });
        // The backfill that runs at start has had its turn (the queue was empty then), so only this test drains below.
        await app.JobSucceededAsync(Okno.Tickets.TicketSearchBackfill.Key.Name);

        // Back to the schema before search existed (its tables dropped), then forward again: the migration queues every
        // existing ticket and message, and the backfill indexes them.
        await app.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var search = migrations.FindIndex(m => m.EndsWith("_SearchIndex", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            // The desk's own jobs run meanwhile: on PostgreSQL a migration's DDL met one of them in a deadlock once in CI
            // (40P01). Each migration is its own transaction, so a retry goes on from the one that was rolled back.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await migrator.MigrateAsync(migrations[search - 1]);
                    await migrator.MigrateAsync();
                    return 0;
                }
                catch (Exception e) when (attempt < 3 && (e as Npgsql.PostgresException ?? e.InnerException as Npgsql.PostgresException)?.SqlState == "40P01")
                {
                }
            }
        });
        Assert.Empty(await IdsAsync(admin, "факс"));
        // The ticket, its first message, the reply; and its customer's name, which a later migration (Issue14Profiles) queues.
        Assert.Equal(3, await app.WithDbAsync(db => db.SearchBacklog.CountAsync(b => b.Kind != "contact")));
        Assert.Equal(1, await app.WithDbAsync(db => db.SearchBacklog.CountAsync(b => b.Kind == "contact")));

        var drained = await app.WithDbAsync(db => Okno.Tickets.TicketSearchBackfill.DrainBatchAsync(db, CancellationToken.None));
        Assert.Equal(4, drained);
        Assert.Equal(0, await app.WithDbAsync(db => Okno.Tickets.TicketSearchBackfill.DrainBatchAsync(db, CancellationToken.None)));
        Assert.Equal([ticket.Id()], await IdsAsync(admin, "факсы"));
        Assert.Equal([ticket.Id()], await IdsAsync(admin, "принимается"));
        Assert.Contains(ticket.Id(), await IdsAsync(admin, "Test Customer"));
    }
}
