using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Customers;

/// <summary>Ticket search and the contacts list find customers by name, phone and company, and stay right when a
/// contact or a company is renamed and when two contacts are merged; on SQLite and PostgreSQL.</summary>
public sealed class CustomerSearchTests
{
    private static async Task<List<long>> TicketIdsAsync(HttpClient client, string q) =>
        (await client.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&limit=50")).Items()
        .Select(h => h.GetProperty("ticket").Id()).ToList();

    private static async Task<List<long>> ContactIdsAsync(HttpClient client, string q) =>
        (await client.GetJsonAsync($"/api/v1/contacts?q={Uri.EscapeDataString(q)}")).Items().Select(c => c.Id()).ToList();

    [Theory]
    [BothDatabases]
    public async Task Tickets_are_found_by_the_customers_name_phone_and_company_and_follow_renames(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Рога и копыта", domain = "roga.example", notes = "VIP" });
        Assert.Equal("VIP", company.Str("notes"));
        var contact = await admin.PostJsonAsync("/api/v1/contacts", new
        {
            name = "Евлампия Кузькина", companyId = company.Id(), emails = new[] { "evl@roga.example" }, phones = new[] { "+7 (495) 123-45-67" },
            notes = "Звонить после обеда",
        });
        Assert.Equal("Звонить после обеда", contact.Str("notes"));
        var ticket = await admin.CreateTicketAsync("Не печатает принтер", "evl@roga.example");
        var unrelated = await admin.CreateTicketAsync("Сломался стул", "other@example.com");

        Assert.Equal([ticket.Id()], await TicketIdsAsync(admin, "Кузькиной"));          // another word form of the name
        Assert.Equal([ticket.Id()], await TicketIdsAsync(admin, "евлампия кузькина"));
        Assert.Equal([ticket.Id()], await TicketIdsAsync(admin, "+7 495 123-45-67"));
        Assert.Equal([ticket.Id()], await TicketIdsAsync(admin, "74951234567"));
        Assert.Equal([ticket.Id()], await TicketIdsAsync(admin, "рога"));                // the company's name
        Assert.Equal("customer", (await admin.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString("Кузькина"))).Items()[0].Str("matchedIn"));
        Assert.DoesNotContain(unrelated.Id(), await TicketIdsAsync(admin, "Кузькина"));

        Assert.Equal([contact.Id()], await ContactIdsAsync(admin, "кузькина"));
        Assert.Equal([contact.Id()], await ContactIdsAsync(admin, "+74951234567"));
        Assert.Equal([contact.Id()], await ContactIdsAsync(admin, "копыта"));
        Assert.Equal([contact.Id()], await ContactIdsAsync(admin, "EVL@roga.example"));
        Assert.Empty(await ContactIdsAsync(admin, "Сидорова"));

        // Renamed: the new name finds the ticket at once, the old one no longer does. Notes left out stay as they were.
        var renamed = await (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact.Id()}", new
        {
            name = "Евлампия Петрова", companyId = company.Id(), emails = new[] { "evl@roga.example" }, phones = new[] { "+74951234567" },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Звонить после обеда", renamed.Str("notes"));
        Assert.Equal([ticket.Id()], await TicketIdsAsync(admin, "Петрова"));
        Assert.Empty(await TicketIdsAsync(admin, "Кузькина"));
        await (await admin.PutAsJsonAsync($"/api/v1/companies/{company.Id()}", new { name = "Копыта и рога", domain = "roga.example", notes = "" }))
            .JsonAsync(HttpStatusCode.OK);
        var company2 = await admin.GetJsonAsync($"/api/v1/companies/{company.Id()}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, company2.GetProperty("notes").ValueKind);
        Assert.Equal([ticket.Id()], await TicketIdsAsync(admin, "копыта"));
    }

    [Theory]
    [BothDatabases]
    public async Task Merging_contacts_moves_their_tickets_with_a_history_entry_and_the_search_follows(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var caller = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Анфиса Сидорова", phones = new[] { "+79001112233" } });
        var survivor = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Евлампия Кузькина", emails = new[] { "evl@example.com" } });
        var callerTicket = await admin.CreateTicketAsync("Звонок про счёт", extra: new { customer = new { phone = "+7 900 111-22-33", name = "Анфиса" } });
        Assert.Equal(caller.Id(), callerTicket.GetProperty("customer").Id());
        Assert.Equal([callerTicket.Id()], await TicketIdsAsync(admin, "Сидорова"));

        await admin.PostJsonAsync($"/api/v1/contacts/{caller.Id()}/merge", new { intoContactId = survivor.Id() }, HttpStatusCode.OK);

        Assert.Empty(await TicketIdsAsync(admin, "Сидорова"));
        Assert.Contains(callerTicket.Id(), await TicketIdsAsync(admin, "Кузькина"));
        Assert.Contains(callerTicket.Id(), await TicketIdsAsync(admin, "+79001112233"));   // the phone moved to the survivor
        Assert.Empty(await ContactIdsAsync(admin, "Сидорова"));
        var moved = await admin.GetJsonAsync($"/api/v1/tickets/{callerTicket.Id()}");
        Assert.Equal(survivor.Id(), moved.GetProperty("customer").Id());
        var history = (await admin.GetJsonAsync($"/api/v1/tickets/{callerTicket.Id()}/history?limit=100")).Items();
        var entry = Assert.Single(history, h => h.GetProperty("field").GetString() == "customer");
        Assert.Equal(caller.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Str("oldValue"));
        Assert.Equal(survivor.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Str("newValue"));
        Assert.Equal("agent", entry.GetProperty("actor").Str("kind"));
    }

    [Theory]
    [BothDatabases]
    public async Task The_contacts_list_pages_through_name_matches_then_the_companys_contacts_each_once(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Лютиков и партнёры" });
        var byName = new List<long>();
        for (var i = 0; i < 2; i++) byName.Add((await admin.PostJsonAsync("/api/v1/contacts", new { name = $"Пётр Лютиков {i}" })).Id());
        var staff = new List<long>();
        for (var i = 0; i < 3; i++) staff.Add((await admin.PostJsonAsync("/api/v1/contacts", new { name = $"Сотрудник {i}", companyId = company.Id() })).Id());
        await admin.PostJsonAsync("/api/v1/contacts", new { name = "Посторонний" });

        var seen = new List<long>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = await admin.GetJsonAsync("/api/v1/contacts?limit=2&q=" + Uri.EscapeDataString("лютиков") + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.Items().Select(c => c.Id()));
            if (page.GetProperty("nextCursor").ValueKind == System.Text.Json.JsonValueKind.Null) break;
            cursor = page.Str("nextCursor");
        }
        // Names first (newest first), then the company's contacts (newest first); nobody twice, nobody else.
        Assert.Equal(byName.AsEnumerable().Reverse().Concat(staff.AsEnumerable().Reverse()), seen);
        var bad = await (await admin.GetAsync("/api/v1/contacts?q=x&cursor=not-a-cursor")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cursor", bad.ErrorFields());
    }

    [Fact]
    public async Task Notes_too_long_or_with_control_characters_are_refused_with_a_code_and_nothing_is_written()
    {
        await using var app = OknoFactory.Sqlite();
        var admin = await app.AdminClientAsync();
        var contact = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Иван", notes = "первая" });
        var tooLong = await (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact.Id()}", new { name = "Пётр", notes = new string('x', 10_001) }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.too_long", tooLong.GetProperty("errorCodes").GetProperty("notes")[0].Str("code"));
        var control = await (await admin.PostAsJsonAsync("/api/v1/companies", new { name = "ООО", notes = "a\0b" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.control_characters", control.GetProperty("errorCodes").GetProperty("notes")[0].Str("code"));
        var unchanged = await admin.GetJsonAsync($"/api/v1/contacts/{contact.Id()}");
        Assert.Equal("Иван", unchanged.Str("name"));
        Assert.Equal("первая", unchanged.Str("notes"));
    }
}
