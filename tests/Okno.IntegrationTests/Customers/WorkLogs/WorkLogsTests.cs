using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Customers.WorkLogs;
using Okno.Notifications.Workspace;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Customers.WorkLogs;

/// <summary>Work logs (issue 20): lines priced and split by the contract, kept in the ticket's history, changed only by
/// their author or a supervisor; the hour package's counter and its warning; the timer; the monthly statement (JSON and
/// xlsx) and the accounting API.</summary>
public sealed class WorkLogsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private sealed record Catalog(long ListId, long Hour, long Visit, long Cable);

    private static async Task<Catalog> PriceListAsync(HttpClient admin)
    {
        var list = await admin.PostJsonAsync("/api/v1/price-lists", new { name = "Standard" });
        async Task<long> Item(string kind, string code, string name, string unit, decimal price) =>
            (await admin.PostJsonAsync($"/api/v1/price-lists/{list.Id()}/items", new { kind, code, name, unit, price })).Id();
        return new Catalog(list.Id(), await Item("service", "S-H", "Engineer hour", "hour", 2500m), await Item("service", "S-V", "Visit", "visit", 1500m),
            await Item("material", "M-C", "Cable", "m", 40m));
    }

    private static async Task<JsonElement> LogAsync(HttpClient client, long ticketId, object body) =>
        await client.PostJsonAsync($"/api/v1/tickets/{ticketId}/work-lines", body);

    [Theory]
    [BothDatabases]
    public async Task Lines_are_priced_split_by_the_contract_kept_in_history_and_summed_into_the_statement(string provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var (annaId, anna) = await app.CreateAgentAsync(admin);
        var (_, boris) = await app.CreateAgentAsync(admin);
        var c = await PriceListAsync(admin);
        var acme = await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme", domain = "acme.test" });
        var other = await admin.PostJsonAsync("/api/v1/companies", new { name = "Other", domain = "other.test" });
        var sub = await admin.PostJsonAsync("/api/v1/contracts", new
        {
            companyId = acme.Id(), number = "SUB", kind = "subscription", startsOn = "2026-01-01", priceListId = c.ListId,
            prices = new[] { new { itemId = c.Hour, price = 2000m } }, includedItemIds = new[] { c.Visit },
        });
        var perIncident = await admin.PostJsonAsync("/api/v1/contracts",
            new { companyId = other.Id(), number = "PI", kind = "per_incident", startsOn = "2026-01-01", priceListId = c.ListId });
        var t1 = await admin.CreateTicketAsync("Printer", "ivan@acme.test");
        Assert.Equal(sub.Id(), t1.GetProperty("contractId").GetInt64());

        // The contract's own price overrides the list's; an hour not included in the subscription is billable.
        var l1 = await LogAsync(anna, t1.Id(), new { itemId = c.Hour, minutes = 90, comment = "Diagnostics" });
        Assert.Equal((2000m, 1.5m, 3000m, 3000m, "billable", "not_included"), (l1.GetProperty("unitPrice").GetDecimal(), l1.GetProperty("quantity").GetDecimal(),
            l1.GetProperty("total").GetDecimal(), l1.GetProperty("billableAmount").GetDecimal(), l1.Str("coverage"), l1.Str("reason")));
        Assert.Equal(annaId, l1.GetProperty("agentId").GetInt64());
        // An included item is within; a material billable at the list price; a free-text material at its own price.
        var l2 = await LogAsync(anna, t1.Id(), new { itemId = c.Visit, quantity = 1 });
        Assert.Equal(("within", 1500m, 0m), (l2.Str("coverage"), l2.GetProperty("total").GetDecimal(), l2.GetProperty("billableAmount").GetDecimal()));
        var l3 = await LogAsync(admin, t1.Id(), new { itemId = c.Cable, quantity = 10 });
        Assert.Equal(("material", 400m, 400m), (l3.Str("kind"), l3.GetProperty("total").GetDecimal(), l3.GetProperty("billableAmount").GetDecimal()));
        var l4 = await LogAsync(admin, t1.Id(), new { name = "=1+1", price = 150m, quantity = 2 });
        Assert.Equal((JsonValueKind.Null, 300m, "piece"), (l4.GetProperty("itemId").ValueKind, l4.GetProperty("total").GetDecimal(), l4.Str("unit")));
        // An override with its reason makes the whole line within.
        var l5 = await LogAsync(admin, t1.Id(), new { itemId = c.Hour, minutes = 30, coverage = "within", overrideReason = "Warranty" });
        Assert.Equal(("within", "within", "Warranty", 0m), (l5.Str("coverage"), l5.Str("override"), l5.Str("overrideReason"), l5.GetProperty("billableAmount").GetDecimal()));

        // Validation: each bad field named, nothing saved.
        var bad = await (await admin.PostAsJsonAsync($"/api/v1/tickets/{t1.Id()}/work-lines", new { itemId = 999_999, quantity = -1, coverage = "maybe" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["coverage", "quantity"], bad.ErrorFields().Order(StringComparer.Ordinal));
        var foreignItem = await (await admin.PostAsJsonAsync($"/api/v1/tickets/{t1.Id()}/work-lines", new { itemId = 999_999, minutes = 5 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("work_line.item_not_in_price_list", foreignItem.GetProperty("errorCodes").GetProperty("itemId")[0].Str("code"));
        Assert.Equal(["minutes"], (await (await admin.PostAsJsonAsync($"/api/v1/tickets/{t1.Id()}/work-lines", new { itemId = c.Hour }))
            .JsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["overrideReason"], (await (await admin.PostAsJsonAsync($"/api/v1/tickets/{t1.Id()}/work-lines",
            new { itemId = c.Hour, minutes = 5, coverage = "billable" })).JsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var timeByHand = await (await admin.PostAsJsonAsync($"/api/v1/tickets/{t1.Id()}/work-lines", new { name = "Hours", price = 1m, unit = "hour", quantity = 1 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("work_line.free_text_material_only", timeByHand.GetProperty("errorCodes").GetProperty("unit")[0].Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/tickets/999999/work-lines", new { itemId = c.Hour, minutes = 5 })).StatusCode);

        // Only the author or a supervisor changes a line.
        var notYours = await (await boris.PutAsJsonAsync($"/api/v1/tickets/{t1.Id()}/work-lines/{l1.Id()}", new { itemId = c.Hour, minutes = 5 }))
            .JsonAsync(HttpStatusCode.Forbidden);
        Assert.Equal("work_line.not_yours", notYours.Str("code"));
        Assert.Equal(HttpStatusCode.Forbidden, (await boris.DeleteAsync($"/api/v1/tickets/{t1.Id()}/work-lines/{l1.Id()}")).StatusCode);
        var edited = await (await anna.PutAsJsonAsync($"/api/v1/tickets/{t1.Id()}/work-lines/{l1.Id()}", new { itemId = c.Hour, minutes = 120, comment = "Diagnostics" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal((2m, 4000m), (edited.GetProperty("quantity").GetDecimal(), edited.GetProperty("total").GetDecimal()));
        var extra = await LogAsync(anna, t1.Id(), new { itemId = c.Cable, quantity = 1 });
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tickets/{t1.Id()}/work-lines/{extra.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/tickets/{t1.Id()}/work-lines/{extra.Id()}")).StatusCode);

        // Every change is a history row (and an outbox event): 6 added, 1 edited, 1 deleted.
        var history = await app.WithDbAsync(db => db.TicketEvents.Where(e => e.TicketId == t1.Id() && e.Field == Ticket.WorkField)
            .OrderBy(e => e.TicketVersion).Select(e => new { e.NewValue, e.Comment, e.ActorId }).ToListAsync());
        Assert.Equal(["added", "added", "added", "added", "added", "edited", "added", "deleted"], history.Select(h => h.NewValue));
        Assert.Contains("Warranty", history[4].Comment);
        Assert.Equal(annaId, history[5].ActorId);
        Assert.Equal(8, await app.WithDbAsync(db => db.Set<Okno.Platform.Outbox.OutboxEvent>().CountAsync(e => e.StreamId == t1.Id()
            && e.Type == Okno.Tickets.Events.WorkLineChanged.Type)));

        // The ticket's sums: 4000 + 1500 + 400 + 300 + 1000; billable 4000 + 400 + 300.
        var work = await admin.GetJsonAsync($"/api/v1/tickets/{t1.Id()}/work-lines");
        Assert.Equal((5, 7200m, 4700m, 150), (work.GetProperty("lines").GetArrayLength(), work.GetProperty("total").GetDecimal(),
            work.GetProperty("billableTotal").GetDecimal(), work.GetProperty("minutes").GetInt32()));

        // Another ticket of Acme's, with work in October and November; one of Other's (never in Acme's statement).
        var t2 = await admin.CreateTicketAsync("Scanner", "olga@acme.test");
        var october = await LogAsync(admin, t2.Id(), new { itemId = c.Hour, minutes = 60, workedAt = "2026-10-31T23:00:00Z" });
        await LogAsync(admin, t2.Id(), new { itemId = c.Hour, minutes = 60, workedAt = "2026-11-03T10:00:00Z" });
        var t3 = await admin.CreateTicketAsync("Router", "petr@other.test");
        Assert.Equal(perIncident.Id(), t3.GetProperty("contractId").GetInt64());
        var foreign = await LogAsync(admin, t3.Id(), new { itemId = c.Hour, minutes = 60 });
        Assert.Equal(2500m, foreign.GetProperty("billableAmount").GetDecimal());

        var statement = await admin.GetJsonAsync($"/api/v1/companies/{acme.Id()}/statements/2026-11");
        Assert.Equal("Acme", statement.GetProperty("company").Str("name"));
        var tickets = statement.GetProperty("tickets").EnumerateArray().ToList();
        Assert.Equal([t1.Id(), t2.Id()], tickets.Select(t => t.GetProperty("ticketId").GetInt64()));
        Assert.Equal([5, 1], tickets.Select(t => t.GetProperty("lines").GetArrayLength()));
        Assert.Equal([7200m, 2000m], tickets.Select(t => t.GetProperty("total").GetDecimal()));
        Assert.Equal((9200m, 2500m, 6700m), (statement.GetProperty("total").GetDecimal(), statement.GetProperty("withinTotal").GetDecimal(),
            statement.GetProperty("billableTotal").GetDecimal()));
        Assert.DoesNotContain(foreign.Id(), tickets.SelectMany(t => t.GetProperty("lines").EnumerateArray()).Select(l => l.Id()));
        var octoberStatement = await admin.GetJsonAsync($"/api/v1/companies/{acme.Id()}/statements/2026-10");
        Assert.Equal([october.Id()], octoberStatement.GetProperty("tickets")[0].GetProperty("lines").EnumerateArray().Select(l => l.Id()));
        var otherStatement = await admin.GetJsonAsync($"/api/v1/companies/{other.Id()}/statements/2026-11");
        Assert.Equal(2500m, otherStatement.GetProperty("total").GetDecimal());
        Assert.Equal("statement.invalid_month", (await (await admin.GetAsync($"/api/v1/companies/{acme.Id()}/statements/2026-13"))
            .JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errorCodes").GetProperty("month")[0].Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/companies/999999/statements/2026-11")).StatusCode);

        // The xlsx: a row per line, a subtotal per ticket, the total; dates and numbers as such, formula-like text made inert.
        var xlsx = await admin.GetAsync($"/api/v1/companies/{acme.Id()}/statements/2026-11?format=xlsx");
        Assert.Equal(Okno.Reports.Exports.ReportExport.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = Okno.IntegrationTests.Reports.Xlsx.Read(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(1 + 5 + 1 + 1 + 1 + 1, sheet.Count);
        Assert.Equal("ticket_number", sheet[0][0].Text);
        Assert.True(sheet[1][0].IsNumber && sheet[1][2].IsDate && sheet[1][9].IsNumber && sheet[1][10].IsNumber && sheet[1][11].IsNumber);
        Assert.Equal((new DateTime(2026, 11, 10, 9, 0, 0), 2.0, 2000.0, 4000.0), (sheet[1][2].Date, sheet[1][9].Number, sheet[1][10].Number, sheet[1][11].Number));
        Assert.Equal("'=1+1", sheet[4][5].Text);
        Assert.Equal(("subtotal", 7200.0, 4700.0), (sheet[6][1].Text, sheet[6][11].Number, sheet[6][12].Number));
        Assert.Equal(("total", 9200.0, 6700.0), (sheet[^1][1].Text, sheet[^1][11].Number, sheet[^1][12].Number));

        // The accounting API: keyset pages in time order, filters, validation.
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await admin.GetJsonAsync($"/api/v1/work-lines?companyId={acme.Id()}&limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page.Items().Count <= 2);
            all.AddRange(page.Items());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.Str("nextCursor");
        } while (cursor is not null);
        Assert.Equal(7, all.Count);
        Assert.Equal(october.Id(), all[0].Id());
        Assert.Equal(all.Select(l => l.GetProperty("workedAt").GetDateTimeOffset()).Order(), all.Select(l => l.GetProperty("workedAt").GetDateTimeOffset()));
        Assert.Equal(6, (await admin.GetJsonAsync($"/api/v1/work-lines?companyId={acme.Id()}&from=2026-11-01&to=2026-11-30")).Items().Count);
        Assert.Equal(4, (await admin.GetJsonAsync($"/api/v1/work-lines?companyId={acme.Id()}&from=2026-11-01&billable=true")).Items().Count);
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/v1/work-lines?companyId={acme.Id()}&from=2026-11-01&billable=false")).Items().Count);
        Assert.Equal([foreign.Id()], (await admin.GetJsonAsync($"/api/v1/work-lines?contractId={perIncident.Id()}")).Items().Select(l => l.Id()));
        var refused = await (await admin.GetAsync("/api/v1/work-lines?from=2026-99-01&to=x")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["from", "to"], refused.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/work-lines?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/work-lines?cursor=@@@")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task An_hour_package_counts_its_minutes_splits_the_crossing_line_and_warns_its_manager_once_per_crossing(string provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var app = OknoFactory.For(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var (managerId, manager) = await app.CreateAgentAsync(admin);
        var c = await PriceListAsync(admin);
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Pkg", domain = "pkg.test", managerId });
        var package = await admin.PostJsonAsync("/api/v1/contracts", new
        {
            companyId = company.Id(), number = "HP", kind = "hour_package", includedHours = 2m, startsOn = "2026-11-01", endsOn = "2026-11-30", priceListId = c.ListId,
        });
        var ticket = await admin.CreateTicketAsync("Server", "x@pkg.test");
        Assert.Equal(package.Id(), ticket.GetProperty("contractId").GetInt64());
        async Task<int> Warnings() => await app.WithDbAsync(db => db.AgentNotifications.CountAsync(n => n.AgentId == managerId && n.Kind == Okno.Customers.WorkLogs.WorkLogs.PackageWarningKind));
        async Task<JsonElement> Usage() => await admin.GetJsonAsync($"/api/v1/contracts/{package.Id()}/package-usage");

        var first = await LogAsync(admin, ticket.Id(), new { itemId = c.Hour, minutes = 60 });
        Assert.Equal(("within", "package"), (first.Str("coverage"), first.Str("reason")));
        var half = await Usage();
        Assert.Equal((60, 50, false), (half.GetProperty("usedMinutes").GetInt32(), half.GetProperty("percent").GetInt32(), half.GetProperty("warning").GetBoolean()));
        Assert.Equal(0, await Warnings());

        // 105 of 120 minutes: over the 80 % threshold — the manager hears of it once.
        var second = await LogAsync(admin, ticket.Id(), new { itemId = c.Hour, minutes = 45 });
        Assert.Equal("within", second.Str("coverage"));
        Assert.Equal(1, await Warnings());
        Assert.True((await Usage()).GetProperty("warning").GetBoolean());

        // 30 minutes with 15 left: split, half within and half billable.
        var crossing = await LogAsync(admin, ticket.Id(), new { itemId = c.Hour, minutes = 30 });
        Assert.Equal(("split", "package_split", 0.25m, 1250m, 625m), (crossing.Str("coverage"), crossing.Str("reason"), crossing.GetProperty("withinQuantity").GetDecimal(),
            crossing.GetProperty("total").GetDecimal(), crossing.GetProperty("billableAmount").GetDecimal()));
        var material = await LogAsync(admin, ticket.Id(), new { itemId = c.Cable, quantity = 2 });
        Assert.Equal(("billable", "material"), (material.Str("coverage"), material.Str("reason")));
        var exhausted = await LogAsync(admin, ticket.Id(), new { itemId = c.Hour, minutes = 30 });
        Assert.Equal(("billable", "package_exhausted"), (exhausted.Str("coverage"), exhausted.Str("reason")));
        var full = await Usage();
        Assert.Equal((120, 0, 100), (full.GetProperty("usedMinutes").GetInt32(), full.GetProperty("leftMinutes").GetInt32(), full.GetProperty("percent").GetInt32()));
        Assert.Equal(1, await Warnings());
        var outside = await LogAsync(admin, ticket.Id(), new { itemId = c.Hour, minutes = 30, workedAt = "2026-10-30T10:00:00Z" });
        Assert.Equal("outside_period", outside.Str("reason"));

        // Deleting 45 minutes drops usage to 75 (62 %): the mark is cleared; crossing again tells the manager again.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/tickets/{ticket.Id()}/work-lines/{second.Id()}")).StatusCode);
        var lower = await Usage();
        Assert.Equal((75, false), (lower.GetProperty("usedMinutes").GetInt32(), lower.GetProperty("warning").GetBoolean()));
        await LogAsync(admin, ticket.Id(), new { itemId = c.Hour, minutes = 30 });
        Assert.Equal(105, (await Usage()).GetProperty("usedMinutes").GetInt32());
        Assert.Equal(2, await Warnings());
        var bell = await manager.GetJsonAsync("/api/v1/notifications");
        Assert.Contains(bell.Items(), n => n.Str("kind") == Okno.Customers.WorkLogs.WorkLogs.PackageWarningKind && n.GetProperty("ticketId").GetInt64() == ticket.Id());

        // The counter is the sum of the lines' package minutes (maintained, not recounted).
        Assert.Equal(105, await app.WithDbAsync(db => db.WorkLines.Where(l => l.ContractId == package.Id()).SumAsync(l => l.PackageMinutes)));
        var statement = await admin.GetJsonAsync($"/api/v1/companies/{company.Id()}/statements/2026-11");
        var usage = statement.GetProperty("packages")[0];
        Assert.Equal((105, 105, 15), (usage.GetProperty("usedMinutesInMonth").GetInt32(), usage.GetProperty("usedMinutesTotal").GetInt32(), usage.GetProperty("leftMinutes").GetInt32()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.GetAsync($"/api/v1/contracts/{(await admin.PostJsonAsync("/api/v1/contracts",
            new { companyId = company.Id(), number = "PI", kind = "per_incident", startsOn = "2026-11-01" })).Id()}/package-usage")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task The_timer_is_one_per_agent_kept_server_side_and_rounds_up_when_stopped(string provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var app = OknoFactory.For(provider, new() { ["Okno:WorkLogs:TimerRoundingMinutes"] = "5" }, s => s.AddSingleton<TimeProvider>(clock));
        var admin = await app.AdminClientAsync();
        var (_, anna) = await app.CreateAgentAsync(admin);
        var t1 = await admin.CreateTicketAsync("One");
        var t2 = await admin.CreateTicketAsync("Two");

        Assert.Equal(HttpStatusCode.NoContent, (await anna.GetAsync("/api/v1/timer")).StatusCode);
        var started = await anna.PostJsonAsync("/api/v1/timer/start", new { ticketId = t1.Id() }, HttpStatusCode.OK);
        Assert.Equal(t1.Id(), started.GetProperty("timer").GetProperty("ticketId").GetInt64());
        clock.Advance(TimeSpan.FromMinutes(12));
        var running = await anna.GetJsonAsync("/api/v1/timer");
        Assert.Equal((t1.Id(), 12), (running.GetProperty("ticketId").GetInt64(), running.GetProperty("elapsedMinutes").GetInt32()));
        // The admin's timer is theirs alone.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.GetAsync("/api/v1/timer")).StatusCode);

        // Another ticket: refused while one runs, unless replacing (the stopped one's minutes come back).
        var refused = await (await anna.PostAsJsonAsync("/api/v1/timer/start", new { ticketId = t2.Id() })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(("work_timer.running", t1.Id()), (refused.Str("code"), refused.GetProperty("parameters").GetProperty("ticketId").GetInt64()));
        var replaced = await anna.PostJsonAsync("/api/v1/timer/start", new { ticketId = t2.Id(), replace = true }, HttpStatusCode.OK);
        Assert.Equal((t1.Id(), 15), (replaced.GetProperty("replaced").GetProperty("ticketId").GetInt64(), replaced.GetProperty("replaced").GetProperty("minutes").GetInt32()));
        clock.Advance(TimeSpan.FromSeconds(7 * 60 + 30));
        var stopped = await anna.PostJsonAsync("/api/v1/timer/stop", new { }, HttpStatusCode.OK);
        Assert.Equal((t2.Id(), 10), (stopped.GetProperty("ticketId").GetInt64(), stopped.GetProperty("minutes").GetInt32()));
        Assert.Equal("work_timer.none", (await (await anna.PostAsJsonAsync("/api/v1/timer/stop", new { })).JsonAsync(HttpStatusCode.Conflict)).Str("code"));
        Assert.Equal(0, await app.WithDbAsync(db => db.WorkTimers.CountAsync()));
        Assert.Equal(["ticketId"], (await (await anna.PostAsJsonAsync("/api/v1/timer/start", new { })).JsonAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
