using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Okno.Bots;
using Okno.Bots.Scenarios;
using Okno.Channels;
using Okno.Testing;

namespace Okno.IntegrationTests.Bots.Scenarios;

/// <summary>Button scenarios' API (issue 18) on both databases: admins create, page, change and delete scenarios; bad
/// ones are refused field by field with codes; the preview runs the engine in memory for saved and unsaved scenarios.</summary>
public sealed class BotScenariosApiTests
{
    private const string Url = "/api/v1/bots/scenarios";

    private static object Text(string ru, string en) => new { ru, en };

    private static Dictionary<string, object?>[] Steps(long? group) =>
    [
        new() { ["id"] = "start", ["kind"] = "message", ["text"] = Text("О чём ваш вопрос?", "What is it about?"),
            ["buttons"] = new[] { new { label = Text("Оплата", "Billing"), next = "billing" }, new { label = Text("Сбой", "Outage"), next = "urgency" } } },
        new() { ["id"] = "billing", ["kind"] = "handover", ["type"] = "question", ["groupId"] = group, ["tags"] = new[] { "billing" } },
        new() { ["id"] = "urgency", ["kind"] = "question", ["text"] = Text("Насколько срочно?", "How urgent?"), ["store"] = "priority",
            ["buttons"] = new[] { new { label = Text("Очень", "Very"), value = "urgent" }, new { label = Text("Терпит", "Can wait"), value = "low" } },
            ["next"] = "people" },
        new() { ["id"] = "people", ["kind"] = "handover", ["type"] = "incident" },
    ];

    [Theory]
    [BothDatabases]
    public async Task Admins_create_page_change_preview_and_delete_scenarios_and_agents_may_not(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Billing");
        var created = await admin.PostJsonAsync(Url, new { name = "Support menu", enabled = true, steps = Steps(group) });
        Assert.Equal("Support menu", created.Str("name"));
        Assert.Equal(4, created.GetProperty("steps").GetArrayLength());
        Assert.Equal("priority", created.GetProperty("steps")[2].Str("store"));
        Assert.Equal("Outage", created.GetProperty("steps")[0].GetProperty("buttons")[1].GetProperty("label").Str("en"));
        for (var i = 0; i < 2; i++) await admin.PostJsonAsync(Url, new { name = $"Other {i}", enabled = false, steps = Steps(null) });

        var first = await admin.GetJsonAsync($"{Url}?limit=2");
        Assert.Equal(["Support menu", "Other 0"], first.Items().Select(i => i.Str("name")));
        Assert.Equal(4, first.Items()[0].GetProperty("stepCount").GetInt32());
        var second = await admin.GetJsonAsync($"{Url}?limit=2&cursor={first.Str("nextCursor")}");
        Assert.Equal(["Other 1"], second.Items().Select(i => i.Str("name")));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var changed = await (await admin.PutAsJsonAsync($"{Url}/{created.Id()}", new { name = "Support", enabled = true, steps = Steps(null) }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Support", changed.Str("name"));
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("steps")[1].GetProperty("groupId").ValueKind);

        // The saved scenario in memory: outage → very urgent → handed over with the outcome's fields; nothing is written.
        var preview = await (await admin.PostAsJsonAsync($"{Url}/{created.Id()}/preview", new
        {
            language = "ru", firstMessage = "Ничего не работает", inputs = new object[] { new { text = "2" }, new { buttonPayload = "scenario:urgency:1" } },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("handed_off", preview.Str("outcome"));
        var turns = preview.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(3, turns.Count);
        Assert.Equal("О чём ваш вопрос?", turns[0].GetProperty("actions")[0].Str("text"));
        Assert.Equal("Позвать оператора", turns[0].GetProperty("actions")[0].GetProperty("buttons")[2].Str("label"));
        Assert.Equal("Насколько срочно?", turns[1].GetProperty("actions")[0].Str("text"));
        var last = turns[2].GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["set_fields", "set_fields", "say", "hand_off"], last.Select(a => a.Str("kind")));
        Assert.Equal("urgent", last[0].GetProperty("fields").Str("priority"));
        Assert.Equal("incident", last[1].GetProperty("fields").Str("type"));

        var (_, agent) = await app.CreateAgentAsync(admin);
        await (await agent.GetAsync(Url)).JsonAsync(HttpStatusCode.Forbidden);
        await (await agent.PostAsJsonAsync(Url, new { name = "x", steps = Steps(null) })).JsonAsync(HttpStatusCode.Forbidden);
        await (await agent.PostAsJsonAsync($"{Url}/preview", new { definition = new { steps = Steps(null) } })).JsonAsync(HttpStatusCode.Forbidden);

        await (await admin.DeleteAsync($"{Url}/{created.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        var gone = await (await admin.GetAsync($"{Url}/{created.Id()}")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(ScenarioErrorCodes.NotFound, gone.Str("code"));
    }

    [Theory]
    [BothDatabases]
    public async Task Bad_scenarios_are_refused_field_by_field_and_an_unsaved_one_previews_out_of_hours(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var steps = Steps(987654);
        steps[0]["buttons"] = new[] { new { label = Text("Оплата", new string('x', 65)), next = "billing" }, new { label = Text("Сбой", "Outage"), next = "nowhere" } };
        steps[2]["buttons"] = new[] { new { label = Text("Очень", "Very"), value = "asap" } };
        steps[3]["text"] = new { ru = "Только по-русски" };
        var problem = await (await admin.PostAsJsonAsync(Url, new { name = "", steps })).JsonAsync(HttpStatusCode.BadRequest);
        var codes = problem.GetProperty("errorCodes");
        string Code(string field) => codes.GetProperty(field)[0].Str("code");
        Assert.Equal("field.required", Code("name"));
        Assert.Equal("field.too_long", Code("steps[0].buttons[0].label.en"));
        Assert.Equal(ScenarioErrorCodes.UnknownStep, Code("steps[0].buttons[1].next"));
        Assert.Equal(ScenarioErrorCodes.InvalidChoiceValue, Code("steps[2].buttons[0].value"));
        Assert.Equal("field.required", Code("steps[3].text.en"));
        Assert.Equal("group.not_found", Code("steps[1].groupId"));
        Assert.Empty((await admin.GetJsonAsync(Url)).Items());

        var preview = await (await admin.PostAsJsonAsync($"{Url}/preview", new
        {
            definition = new { steps = Steps(null) }, language = "en", firstMessage = "Invoice", peopleAtWork = false,
            peopleBackAt = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(3)),
            inputs = new object[] { new { buttonPayload = "scenario:start:1" } },
        })).JsonAsync(HttpStatusCode.OK);
        var say = preview.GetProperty("turns")[1].GetProperty("actions").EnumerateArray().Single(a => a.Str("kind") == "say");
        Assert.Contains("back 7 December at 09:00 (UTC+03:00)", say.Str("text"));
        Assert.Equal("handed_off", preview.Str("outcome"));

        var badPreview = await (await admin.PostAsJsonAsync($"{Url}/preview", new { definition = new { steps }, language = "de" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.not_one_of", badPreview.GetProperty("errorCodes").GetProperty("language")[0].Str("code"));
    }

    [Theory]
    [BothDatabases]
    public async Task The_registered_engine_runs_the_stored_scenario_and_hands_off_once_it_is_disabled(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var created = await admin.PostJsonAsync(Url, new { name = "Live", enabled = true, steps = Steps(null) });

        async Task<RecordingTurn> TurnAsync(Func<IBotEngine, RecordingTurn, Task> run, string text, string? payload = null, string? state = null)
        {
            using var scope = app.Services.CreateScope();
            var engine = scope.ServiceProvider.GetServices<IBotEngine>().Single(e => e.Kind == BotKind.Scenario);
            var turn = new RecordingTurn
            {
                TicketId = 1, ConversationId = 1, ScenarioId = created.Id(), Language = "en", CustomerText = text, ButtonPayload = payload,
                PeopleAtWork = true, State = state,
            };
            await run(engine, turn);
            return turn;
        }

        var start = await TurnAsync((e, t) => e.StartAsync(t, default), "Help");
        Assert.Equal("What is it about?", Assert.Single(start.Said));
        var menu = await TurnAsync((e, t) => e.ReplyAsync(t, default), "Outage", "scenario:start:2", start.State);
        Assert.Equal("How urgent?", Assert.Single(menu.Said));

        await (await admin.PutAsJsonAsync($"{Url}/{created.Id()}", new { name = "Live", enabled = false, steps = Steps(null) })).JsonAsync(HttpStatusCode.OK);
        var off = await TurnAsync((e, t) => e.ReplyAsync(t, default), "Very", "scenario:urgency:1", menu.State);
        Assert.Empty(off.Said);
        Assert.Single(off.HandedOff);
    }

    private sealed class RecordingTurn : BotTurn
    {
        public List<string> Said { get; } = [];
        public List<string> HandedOff { get; } = [];

        public override Task SayAsync(string text, IReadOnlyList<OutboundButton> buttons, TimeSpan? waitForAnswer, CancellationToken cancellationToken)
        {
            Said.Add(text);
            return Task.CompletedTask;
        }

        public override Task ResolveAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task HandOffAsync(string reason, CancellationToken cancellationToken)
        {
            HandedOff.Add(reason);
            return Task.CompletedTask;
        }

        public override Task SetFieldsAsync(BotTicketFields fields, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
