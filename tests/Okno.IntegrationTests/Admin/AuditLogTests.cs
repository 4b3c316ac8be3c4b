using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Admin;

/// <summary>The audit log (S9): administration and ticket actions in one list, newest first, filtered by who, what, when
/// and ticket, paged without gaps or repeats, exported as CSV that a spreadsheet cannot run; admins only.</summary>
public sealed class AuditLogTests
{
    [Theory]
    [BothDatabases]
    public async Task Administration_and_ticket_actions_list_together_filter_page_and_export(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync("Audit group");
        var (agentId, agent) = await app.CreateAgentAsync(admin, groupIds: [group]);
        var ticket = await agent.CreateTicketAsync("=HYPERLINK(\"http://evil.example\") audit", extra: new { groupId = group });
        await agent.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "pending" });
        await agent.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Checked.", @internal = true });

        var all = (await admin.GetJsonAsync("/api/v1/audit?limit=100")).Items();
        Assert.Contains(all, r => r.Str("source") == "admin" && r.Str("action") == "agent.created");
        var times = all.Select(r => r.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);

        var number = ticket.GetProperty("number").GetInt64();
        var mine = (await admin.GetJsonAsync($"/api/v1/audit?agentId={agentId}&source=ticket")).Items();
        Assert.Equal(["ticket.note", "ticket.changed.status", "ticket.changed.group", "ticket.created"], mine.Select(r => r.Str("action")));
        Assert.All(mine, r => Assert.Equal(("Agent agent", $"#{number}"), (r.Str("actorName"), r.Str("object"))));
        Assert.Equal("new → pending", mine[1].Str("details"));
        var statusOnly = (await admin.GetJsonAsync($"/api/v1/audit?action=ticket.changed.status&ticket={number}")).Items();
        Assert.Equal("ticket.changed.status", Assert.Single(statusOnly).Str("action"));
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/audit?to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}")).Items());

        // Pages of one: every row once, in the same order as one big page.
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await admin.GetJsonAsync($"/api/v1/audit?limit=1" + (cursor is null ? "" : "&cursor=" + cursor));
            paged.AddRange(page.Items().Select(r => r.Str("source") + r.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.Str("nextCursor");
        } while (cursor is not null);
        Assert.Equal(all.Select(r => r.Str("source") + r.GetProperty("id").GetInt64()), paged);

        var csv = await admin.GetAsync($"/api/v1/audit.csv?ticket={number}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,source,actor_kind,actor_id,actor,action,object,details,ip", lines[0]);
        Assert.True(lines.Length == 6, string.Join("\n", lines));   // header, created, group, the customer's message, status, note
        Assert.Contains(lines, l => l.Contains("ticket.changed.status", StringComparison.Ordinal) && l.Contains("new → pending", StringComparison.Ordinal));

        // A cell a spreadsheet would run as a formula is escaped ("=2+2 …" renamed: the details start with the old name).
        var formula = await admin.CreateGroupAsync("=2+2 audit");
        await (await admin.PutAsJsonAsync($"/api/v1/groups/{formula}", new { name = "Renamed audit" })).JsonAsync(HttpStatusCode.OK);
        var adminCsv = await (await admin.GetAsync("/api/v1/audit.csv?source=admin&action=group.changed")).Content.ReadAsStringAsync();
        Assert.Contains("'=2+2 audit → Renamed audit", adminCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=2+2", adminCsv, StringComparison.Ordinal);

        // Agents see none of it; a bad filter is a clear 400.
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/audit.csv")).StatusCode);
        var bad = await (await admin.GetAsync("/api/v1/audit?source=everything")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.invalid_value", bad.GetProperty("errorCodes").GetProperty("source")[0].Str("code"));
        await (await admin.GetAsync("/api/v1/audit.csv?source=everything")).JsonAsync(HttpStatusCode.BadRequest);
    }
}
