using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Tickets;

/// <summary>Custom fields (issue 20) through the API, on SQLite and PostgreSQL: definitions, values on tickets (create,
/// change with history, validation, required per type, filter, search), contacts and companies.</summary>
public sealed class CustomFieldsTests
{
    private static Task<JsonElement> DefineAsync(HttpClient admin, object field) => admin.PostJsonAsync("/api/v1/custom-fields", field);

    private static async Task DefineStandardAsync(HttpClient admin)
    {
        await DefineAsync(admin, new { entity = "ticket", key = "serial", labelRu = "Серийный номер", labelEn = "Serial number", type = "text" });
        await DefineAsync(admin, new { entity = "ticket", key = "devices", labelRu = "Устройства", labelEn = "Devices", type = "several_of",
            options = new[] { new { key = "printer", labelRu = "Принтер", labelEn = "Printer" }, new { key = "scanner", labelRu = "Сканер", labelEn = "Scanner" } } });
        await DefineAsync(admin, new { entity = "ticket", key = "floor", labelRu = "Этаж", labelEn = "Floor", type = "number" });
    }

    private static string Code(JsonElement problem, string field) =>
        problem.GetProperty("errorCodes").GetProperty(field)[0].Str("code");

    private static async Task<List<long>> ListAsync(HttpClient client, string query) =>
        (await client.GetJsonAsync("/api/v1/tickets?limit=50&" + query)).Items().Select(t => t.Id()).ToList();

    [Theory]
    [BothDatabases]
    public async Task Values_set_at_creation_change_with_a_history_entry_and_filter_the_ticket_list(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        await DefineStandardAsync(admin);

        var ticket = await admin.CreateTicketAsync("Не печатает", extra: new
        {
            customFields = new Dictionary<string, object> { ["serial"] = "SN-100", ["devices"] = new[] { "printer", "scanner" }, ["floor"] = 3 },
        });
        var other = await admin.CreateTicketAsync("Другое", extra: new { customFields = new Dictionary<string, object> { ["devices"] = new[] { "scanner" } } });
        var cf = ticket.GetProperty("customFields");
        Assert.Equal("SN-100", cf.Str("serial"));
        Assert.Equal(["printer", "scanner"], cf.GetProperty("devices").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, cf.GetProperty("floor").GetDouble());
        Assert.Equal("SN-100", (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).GetProperty("customFields").Str("serial"));

        Assert.Equal([ticket.Id()], await ListAsync(admin, "cf.devices=printer"));
        Assert.Equal(new[] { ticket.Id(), other.Id() }.Order(), (await ListAsync(admin, "cf.devices=scanner")).Order());
        Assert.Equal([ticket.Id()], await ListAsync(admin, "cf.devices=scanner&cf.floor=3"));
        Assert.Empty(await ListAsync(admin, "cf.serial=SN-999"));

        var changed = await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}",
            new { customFields = new Dictionary<string, object?> { ["devices"] = new[] { "scanner" }, ["serial"] = null, ["floor"] = 3 } });
        Assert.False(changed.GetProperty("customFields").TryGetProperty("serial", out _));
        Assert.Empty(await ListAsync(admin, "cf.devices=printer"));
        Assert.Empty(await ListAsync(admin, "cf.serial=SN-100"));

        var history = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history?limit=50")).Items()
            .Where(e => e.GetProperty("field").GetString()?.StartsWith("cf.", StringComparison.Ordinal) == true).ToList();
        // The unchanged floor writes nothing; each changed field one entry with its old and new value.
        Assert.Equal(2, history.Count);
        var devices = history.Single(e => e.Str("field") == "cf.devices");
        Assert.Equal("printer, scanner", devices.Str("oldValue"));
        Assert.Equal("scanner", devices.Str("newValue"));
        var serial = history.Single(e => e.Str("field") == "cf.serial");
        Assert.Equal("SN-100", serial.Str("oldValue"));
        Assert.Equal(JsonValueKind.Null, serial.GetProperty("newValue").ValueKind);
    }

    [Theory]
    [BothDatabases]
    public async Task Hostile_values_are_refused_with_a_code_each_and_nothing_is_written(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        await DefineStandardAsync(admin);
        await DefineAsync(admin, new { entity = "ticket", key = "requester", labelRu = "Заявитель", labelEn = "Requester", type = "contact_link" });
        var ticket = await admin.CreateTicketAsync("Цель", extra: new { customFields = new Dictionary<string, object> { ["serial"] = "SN-1" } });

        var bad = new Dictionary<string, object>
        {
            ["nope"] = "x", ["floor"] = "три", ["devices"] = new[] { "printer", "fax" }, ["serial"] = new string('я', 501),
            ["requester"] = 987654,
        };
        var refused = await (await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Плохие поля", body = "x", customer = new { email = "c@example.com" }, customFields = bad,
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("custom_field.unknown", Code(refused, "customFields.nope"));
        Assert.Equal("custom_field.wrong_type", Code(refused, "customFields.floor"));
        Assert.Equal("custom_field.unknown_option", Code(refused, "customFields.devices"));
        Assert.Equal("field.too_long", Code(refused, "customFields.serial"));
        Assert.Equal("custom_field.link_not_found", Code(refused, "customFields.requester"));
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/v1/tickets?limit=50")).Items(), t => t.Str("subject") == "Плохие поля");

        // A change with one bad field changes nothing else of the request either.
        var patch = await (await admin.PatchAsJsonAsync($"/api/v1/tickets/{ticket.Id()}", new
        {
            subject = "Новая тема", customFields = new Dictionary<string, object> { ["serial"] = "SN-2", ["devices"] = "printer" },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("custom_field.wrong_type", Code(patch, "customFields.devices"));
        var after = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal("Цель", after.Str("subject"));
        Assert.Equal("SN-1", after.GetProperty("customFields").Str("serial"));

        var badFilter = await (await admin.GetAsync("/api/v1/tickets?cf.floor=high")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("custom_field.wrong_type", Code(badFilter, "cf.floor"));
        var unknownFilter = await (await admin.GetAsync("/api/v1/tickets?cf.nope=1")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("custom_field.unknown", Code(unknownFilter, "cf.nope"));
    }

    [Theory]
    [BothDatabases]
    public async Task Required_fields_bind_an_agent_creating_changing_the_type_or_resolving(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        await DefineAsync(admin, new { entity = "ticket", key = "site", labelRu = "Площадка", labelEn = "Site", type = "one_of",
            options = new[] { new { key = "north", labelRu = "Север", labelEn = "North" } }, requiredFor = new[] { "incident" } });

        var refused = await (await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Авария", body = "x", customer = new { email = "c@example.com" }, type = "incident",
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("custom_field.required", Code(refused, "customFields.site"));
        await admin.CreateTicketAsync("Авария", extra: new { type = "incident", customFields = new Dictionary<string, object> { ["site"] = "north" } });

        var question = await admin.CreateTicketAsync("Вопрос");
        var typeChange = await (await admin.PatchAsJsonAsync($"/api/v1/tickets/{question.Id()}", new { type = "incident" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("custom_field.required", Code(typeChange, "customFields.site"));
        Assert.Equal("question", (await admin.GetJsonAsync($"/api/v1/tickets/{question.Id()}")).Str("type"));
        // Given in the same request, the type changes.
        await admin.PatchAsync($"/api/v1/tickets/{question.Id()}", new { type = "incident", customFields = new Dictionary<string, object> { ["site"] = "north" } });

        // A field made required after a ticket was opened is asked for when an agent resolves it.
        await DefineAsync(admin, new { entity = "ticket", key = "cause", labelRu = "Причина", labelEn = "Cause", type = "text", requiredFor = new[] { "incident" } });
        var resolve = await (await admin.PatchAsJsonAsync($"/api/v1/tickets/{question.Id()}", new { status = "resolved" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("custom_field.required", Code(resolve, "customFields.cause"));
        var resolved = await admin.PatchAsync($"/api/v1/tickets/{question.Id()}",
            new { status = "resolved", customFields = new Dictionary<string, object> { ["cause"] = "Обрыв кабеля" } });
        Assert.Equal("resolved", resolved.Str("status"));
    }

    [Fact]
    public async Task A_field_made_required_on_one_node_binds_creation_on_the_other_which_had_the_definitions_in_memory()
    {
        await using var first = OknoFactory.Postgres(new() { ["Okno:Redis"] = TestRedis.NewDeskConnectionString() });
        await using var second = first.SecondNode();
        var admin = await first.AdminClientAsync();
        var other = await second.AdminClientAsync();
        // The second node reads (and keeps) the ticket fields: there are none yet.
        await other.CreateTicketAsync("Before the field", extra: new { type = "incident" });

        await DefineAsync(admin, new { entity = "ticket", key = "site", labelRu = "Площадка", labelEn = "Site", type = "text", requiredFor = new[] { "incident" } });

        // The save tells the other node through Redis; without it the kept definitions would last up to 5 s.
        var started = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage response;
        while ((response = await other.PostAsJsonAsync("/api/v1/tickets", new
               {
                   subject = "After the field", body = "x", customer = new { email = "c@example.com" }, type = "incident",
               })).StatusCode == HttpStatusCode.Created)
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), "The second node kept creating incidents without the required field.");
            await Task.Delay(100);
        }
        Assert.Equal("custom_field.required", Code(await response.JsonAsync(HttpStatusCode.BadRequest), "customFields.site"));
    }

    [Theory]
    [BothDatabases]
    public async Task Search_finds_a_ticket_by_the_text_of_its_field(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        await DefineStandardAsync(admin);
        var ticket = await admin.CreateTicketAsync("Не печатает", extra: new { customFields = new Dictionary<string, object> { ["serial"] = "Бухгалтерия Ромашка" } });
        await admin.CreateTicketAsync("Другое");

        var hits = (await admin.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("ромашки"))).Items();
        Assert.Equal([ticket.Id()], hits.Select(h => h.GetProperty("ticket").Id()));
        Assert.Equal("custom_field", hits[0].Str("matchedIn"));

        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { customFields = new Dictionary<string, object> { ["serial"] = "Склад Лютик" } });
        Assert.Empty((await admin.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("ромашки"))).Items());
        Assert.Equal([ticket.Id()], (await admin.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("лютик"))).Items()
            .Select(h => h.GetProperty("ticket").Id()));
    }

    [Theory]
    [BothDatabases]
    public async Task Definitions_keep_keys_stable_retire_options_and_are_limited(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (_, agent) = await app.CreateAgentAsync(admin);
        var field = new
        {
            entity = "company", key = "tier", labelRu = "Уровень", labelEn = "Tier", type = "one_of",
            options = new[] { new { key = "gold", labelRu = "Золото", labelEn = "Gold" }, new { key = "silver", labelRu = "Серебро", labelEn = "Silver" } },
        };
        await (await agent.PostAsJsonAsync("/api/v1/custom-fields", field)).JsonAsync(HttpStatusCode.Forbidden);
        var tier = await DefineAsync(admin, field);
        var dup = await (await admin.PostAsJsonAsync("/api/v1/custom-fields", field)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("custom_field.key_taken", dup.Str("code"));
        var badKey = await (await admin.PostAsJsonAsync("/api/v1/custom-fields", field with { key = "Tier-1" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.invalid_value", Code(badKey, "key"));

        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "ООО Ромашка", customFields = new Dictionary<string, object> { ["tier"] = "gold" } });
        Assert.Equal("gold", company.GetProperty("customFields").Str("tier"));

        // Gold is taken off the list: no longer accepted, but the company's value stays readable.
        await admin.PutAsJsonAsync($"/api/v1/custom-fields/{tier.Id()}", field with { options = [field.options[1]] });
        var changed = await admin.GetJsonAsync($"/api/v1/custom-fields/{tier.Id()}");
        Assert.True(changed.GetProperty("options").EnumerateArray().Single(o => o.Str("key") == "gold").GetProperty("retired").GetBoolean());
        Assert.Equal("gold", (await admin.GetJsonAsync($"/api/v1/companies/{company.Id()}")).GetProperty("customFields").Str("tier"));
        var refused = await (await admin.PutAsJsonAsync($"/api/v1/companies/{company.Id()}",
            new { name = "ООО Ромашка", customFields = new Dictionary<string, object> { ["tier"] = "gold" } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("custom_field.unknown_option", Code(refused, "customFields.tier"));
        var typeChange = await (await admin.PutAsJsonAsync($"/api/v1/custom-fields/{tier.Id()}", field with { type = "several_of" }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("custom_field.immutable", typeChange.Str("code"));

        var contact = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Иван", emails = new[] { "ivan@example.com" } });
        await DefineAsync(admin, new { entity = "contact", key = "employer", labelRu = "Работодатель", labelEn = "Employer", type = "company_link" });
        var linked = await (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact.Id()}", new
        {
            name = "Иван", emails = new[] { "ivan@example.com" }, customFields = new Dictionary<string, object> { ["employer"] = company.Id() },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(company.Id(), linked.GetProperty("customFields").GetProperty("employer").GetInt64());

        for (var i = 0; i < 100; i++)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/custom-fields",
                new { entity = "equipment", key = $"p{i}", labelRu = "П", labelEn = "P", type = "text" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var over = await (await admin.PostAsJsonAsync("/api/v1/custom-fields",
            new { entity = "equipment", key = "p100", labelRu = "П", labelEn = "P", type = "text" })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("custom_field.limit_reached", over.Str("code"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_merged_contact_s_values_go_to_the_survivor_where_it_has_none_and_links_follow(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        await DefineAsync(admin, new { entity = "contact", key = "position", labelRu = "Должность", labelEn = "Position", type = "text" });
        await DefineAsync(admin, new { entity = "contact", key = "vip", labelRu = "VIP", labelEn = "VIP", type = "yes_no" });
        await DefineAsync(admin, new { entity = "ticket", key = "requester", labelRu = "Заявитель", labelEn = "Requester", type = "contact_link" });
        var survivor = await admin.PostJsonAsync("/api/v1/contacts", new
        {
            name = "Иван", emails = new[] { "ivan@example.com" }, customFields = new Dictionary<string, object> { ["position"] = "Бухгалтер" },
        });
        var merged = await admin.PostJsonAsync("/api/v1/contacts", new
        {
            name = "Иван (чат)", phones = new[] { "+79001234567" },
            customFields = new Dictionary<string, object> { ["position"] = "Кассир", ["vip"] = true },
        });
        var ticket = await admin.CreateTicketAsync("Касса", extra: new { customFields = new Dictionary<string, object> { ["requester"] = merged.Id() } });

        await admin.PostJsonAsync($"/api/v1/contacts/{merged.Id()}/merge", new { intoContactId = survivor.Id() }, HttpStatusCode.OK);

        var fields = (await admin.GetJsonAsync($"/api/v1/contacts/{survivor.Id()}")).GetProperty("customFields");
        Assert.Equal("Бухгалтер", fields.Str("position"));
        Assert.True(fields.GetProperty("vip").GetBoolean());
        Assert.Equal(survivor.Id(), (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).GetProperty("customFields").GetProperty("requester").GetInt64());
        Assert.Equal([ticket.Id()], await ListAsync(admin, $"cf.requester={survivor.Id()}"));
    }
}
