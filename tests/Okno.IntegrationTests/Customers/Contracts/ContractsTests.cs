using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Customers.Contracts;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Customers.Contracts;

/// <summary>Price lists and contracts (issue 20): CRUD and validation, the contract a ticket is linked to at creation and
/// by hand, and the SLA policy a contract grants.</summary>
public sealed class ContractsTests
{
    [Theory]
    [BothDatabases]
    public async Task Price_lists_and_contracts_are_kept_validated_and_paged(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var list = await admin.PostJsonAsync("/api/v1/price-lists", new { name = "Standard 2027" });
        Assert.Equal("RUB", list.Str("currency"));
        var hour = await admin.PostJsonAsync($"/api/v1/price-lists/{list.Id()}/items",
            new { kind = "service", code = "S-1", name = "Engineer hour", unit = "hour", price = 2500.50m });
        var cable = await admin.PostJsonAsync($"/api/v1/price-lists/{list.Id()}/items",
            new { kind = "material", code = "M-1", name = "Cable", unit = "m", price = 40m });
        Assert.Equal(2500.50m, hour.GetProperty("price").GetDecimal());
        Assert.Equal("material", cable.Str("kind"));

        // A bad item names each field; a taken code is a conflict.
        var bad = await (await admin.PostAsJsonAsync($"/api/v1/price-lists/{list.Id()}/items",
            new { kind = "gift", code = "", name = "X", unit = "parsec", price = 1.005m })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["code", "kind", "price", "unit"], bad.ErrorFields().Order(StringComparer.Ordinal));
        var taken = await (await admin.PostAsJsonAsync($"/api/v1/price-lists/{list.Id()}/items",
            new { kind = "service", code = "S-1", name = "Again", unit = "hour", price = 1m })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("price_item.code_taken", taken.Str("code"));
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/v1/price-lists/{list.Id()}/items")).Items().Count);

        var acme = await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme", domain = "acme.test" });
        var other = await admin.PostJsonAsync("/api/v1/companies", new { name = "Other", domain = "other.test" });
        var contract = await admin.PostJsonAsync("/api/v1/contracts", new
        {
            companyId = acme.Id(), number = "A-1", kind = "subscription", startsOn = "2026-01-01", priceListId = list.Id(),
            prices = new[] { new { itemId = hour.Id(), price = 2000m } }, includedItemIds = new[] { cable.Id() }, notes = "Main",
        });
        Assert.Equal("2026-01-01", contract.Str("startsOn"));
        Assert.Equal(JsonValueKind.Null, contract.GetProperty("endsOn").ValueKind);
        Assert.Equal(2000m, contract.GetProperty("prices")[0].GetProperty("price").GetDecimal());
        Assert.Equal(cable.Id(), contract.GetProperty("includedItemIds")[0].GetInt64());

        // Everything wrong at once, each field named; nothing is saved.
        var refused = await (await admin.PostAsJsonAsync("/api/v1/contracts", new
        {
            companyId = 999_999, number = "", kind = "forever", startsOn = "2026-13-01", slaPolicyId = 999_999, priceListId = list.Id(),
            prices = new[] { new { itemId = 999_999L, price = -1m } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["companyId", "kind", "number", "prices[0].itemId", "prices[0].price", "slaPolicyId", "startsOn"],
            refused.ErrorFields().Order(StringComparer.Ordinal));
        var hours = await (await admin.PostAsJsonAsync("/api/v1/contracts", new
        {
            companyId = acme.Id(), number = "A-2", kind = "hour_package", startsOn = "2026-02-01", endsOn = "2026-01-01",
            includedItemIds = new[] { cable.Id() },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["endsOn", "includedHours", "includedItemIds"], hours.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal("contract.ends_before_start", hours.GetProperty("errorCodes").GetProperty("endsOn")[0].Str("code"));

        // The number is unique per company, not across companies.
        var again = await (await admin.PostAsJsonAsync("/api/v1/contracts",
            new { companyId = acme.Id(), number = "A-1", kind = "per_incident", startsOn = "2026-01-01" })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("contract.number_taken", again.Str("code"));
        await admin.PostJsonAsync("/api/v1/contracts", new { companyId = other.Id(), number = "A-1", kind = "per_incident", startsOn = "2026-01-01" });
        var package = await admin.PostJsonAsync("/api/v1/contracts",
            new { companyId = acme.Id(), number = "A-3", kind = "hour_package", includedHours = 40m, startsOn = "2026-03-01", endsOn = "2026-12-31" });
        Assert.Equal(40m, package.GetProperty("includedHours").GetDecimal());

        // By company, newest first, a page at a time.
        var first = await admin.GetJsonAsync($"/api/v1/contracts?companyId={acme.Id()}&limit=1");
        Assert.Equal([package.Id()], first.Items().Select(c => c.Id()));
        var second = await admin.GetJsonAsync($"/api/v1/contracts?companyId={acme.Id()}&limit=1&cursor={first.Str("nextCursor")}");
        Assert.Equal([contract.Id()], second.Items().Select(c => c.Id()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        // Rewritten: prices replaced, the included items dropped with the kind.
        var rewritten = await (await admin.PutAsJsonAsync($"/api/v1/contracts/{contract.Id()}", new
        {
            companyId = acme.Id(), number = "A-1", kind = "per_incident", startsOn = "2026-01-01", priceListId = list.Id(),
            prices = new[] { new { itemId = cable.Id(), price = 35m } },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([cable.Id()], rewritten.GetProperty("prices").EnumerateArray().Select(p => p.GetProperty("itemId").GetInt64()));
        Assert.Empty(rewritten.GetProperty("includedItemIds").EnumerateArray());

        // A price list in use is not deleted; agents read, only admins write.
        var inUse = await (await admin.DeleteAsync($"/api/v1/price-lists/{list.Id()}")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("price_list.in_use", inUse.Str("code"));
        var (_, agent) = await app.CreateAgentAsync(admin);
        await agent.GetJsonAsync($"/api/v1/contracts/{contract.Id()}");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/price-lists", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/contracts/{package.Id()}")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task A_new_ticket_is_linked_to_its_companys_contract_and_gets_the_policy_it_grants(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var calendar = (await admin.GetJsonAsync("/api/v1/calendars")).Items()[0].Id();
        var standard = await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Standard", calendarId = calendar, isDefault = true, targets = new { normal = new { firstResponseMinutes = 480 } },
        });
        // Gold's own condition matches nothing here: only the contract's grant puts tickets under it.
        var gold = await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Gold", calendarId = calendar, targets = new { normal = new { firstResponseMinutes = 60 } },
            conditions = new[] { new { field = "priority", values = new[] { "low" } } },
        });
        var acme = await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme", domain = "acme.test" });
        var other = await admin.PostJsonAsync("/api/v1/companies", new { name = "Other", domain = "other.test" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        // Three of Acme's: expired, an older open-ended one granting Gold (the default), a newer one; and one of Other's.
        await admin.PostJsonAsync("/api/v1/contracts", new { companyId = acme.Id(), number = "OLD", kind = "per_incident", startsOn = Day(-400), endsOn = Day(-1) });
        var main = await admin.PostJsonAsync("/api/v1/contracts",
            new { companyId = acme.Id(), number = "MAIN", kind = "subscription", startsOn = Day(-100), slaPolicyId = gold.Id(), isDefault = true });
        var newer = await admin.PostJsonAsync("/api/v1/contracts", new { companyId = acme.Id(), number = "NEW", kind = "per_incident", startsOn = Day(-10) });
        var foreign = await admin.PostJsonAsync("/api/v1/contracts", new { companyId = other.Id(), number = "X", kind = "per_incident", startsOn = Day(-10) });

        var ticket = await admin.CreateTicketAsync("Printer", "ivan@acme.test");
        Assert.Equal(main.Id(), ticket.GetProperty("contractId").GetInt64());
        Assert.Equal(main.Id(), (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).GetProperty("contractId").GetInt64());
        var sla = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/sla");
        Assert.Equal("Gold", sla.GetProperty("policy").Str("name"));
        Assert.Equal("contract", sla.GetProperty("matchedBy")[0].Str("field"));
        Assert.True(await app.WithDbAsync(db => db.TicketEvents.AnyAsync(e => e.TicketId == ticket.Id() && e.Field == Ticket.ContractField
            && e.NewValue == main.Id().ToString())));

        // Without the default mark, the most recently started covering contract is chosen.
        await (await admin.PutAsJsonAsync($"/api/v1/contracts/{main.Id()}", new
        {
            companyId = acme.Id(), number = "MAIN", kind = "subscription", startsOn = Day(-100), slaPolicyId = gold.Id(), isDefault = false,
        })).JsonAsync(HttpStatusCode.OK);
        var second = await admin.CreateTicketAsync("Scanner", "olga@acme.test");
        Assert.Equal(newer.Id(), second.GetProperty("contractId").GetInt64());
        Assert.Equal("Standard", (await admin.GetJsonAsync($"/api/v1/tickets/{second.Id()}/sla")).GetProperty("policy").Str("name"));

        // No company, no contract.
        var loner = await admin.CreateTicketAsync("Hello", "someone@example.com");
        Assert.Equal(JsonValueKind.Null, loner.GetProperty("contractId").ValueKind);

        // By hand: only a contract of the ticket's company; the change is in the history and moves the SLA.
        var wrong = await (await admin.PatchAsJsonAsync($"/api/v1/tickets/{second.Id()}", new { contractId = foreign.Id() })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("contract.not_the_tickets_company", wrong.GetProperty("errorCodes").GetProperty("contractId")[0].Str("code"));
        var linked = await admin.PatchAsync($"/api/v1/tickets/{second.Id()}", new { contractId = main.Id() });
        Assert.Equal(main.Id(), linked.GetProperty("contractId").GetInt64());
        Assert.Equal("Gold", (await admin.GetJsonAsync($"/api/v1/tickets/{second.Id()}/sla")).GetProperty("policy").Str("name"));
        var unlinked = await admin.PatchAsync($"/api/v1/tickets/{second.Id()}", new { contractId = (long?)null });
        Assert.Equal(JsonValueKind.Null, unlinked.GetProperty("contractId").ValueKind);
        Assert.Equal("Standard", (await admin.GetJsonAsync($"/api/v1/tickets/{second.Id()}/sla")).GetProperty("policy").Str("name"));
        Assert.Equal(3, await app.WithDbAsync(db => db.TicketEvents.CountAsync(e => e.TicketId == second.Id() && e.Field == Ticket.ContractField)));

        // A policy's "contract" condition lists contracts: a ticket under one of them gets it.
        var listed = await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Listed", calendarId = calendar, conditions = new[] { new { field = "contract", values = new[] { newer.Id().ToString() } } },
        });
        await admin.PatchAsync($"/api/v1/tickets/{second.Id()}", new { contractId = newer.Id() });
        var byList = await admin.GetJsonAsync($"/api/v1/tickets/{second.Id()}/sla");
        Assert.Equal("Listed", byList.GetProperty("policy").Str("name"));
        Assert.NotEqual(listed.Id(), standard.Id());
        var badCondition = await (await admin.PostAsJsonAsync("/api/v1/sla/policies", new
        {
            name = "Bad", calendarId = calendar, conditions = new[] { new { field = "contract", values = new[] { "999999" } } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["conditions[0].values[0]"], badCondition.ErrorFields());

        // A contract with tickets is not deleted.
        var inUse = await (await admin.DeleteAsync($"/api/v1/contracts/{main.Id()}")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("contract.in_use", inUse.Str("code"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Contracts.CountAsync(c => c.Id == main.Id())));
    }
}
