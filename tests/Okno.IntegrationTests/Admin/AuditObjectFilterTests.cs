using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Admin;

/// <summary>The audit log's object filter: one object ("group:5") through its own index, the same in the CSV; a ticket
/// object is the ticket filter; a malformed object is a clear 400.</summary>
public sealed class AuditObjectFilterTests
{
    [Theory]
    [BothDatabases]
    public async Task The_object_filter_narrows_to_one_objects_entries_in_the_list_and_the_export(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var first = await admin.CreateGroupAsync("=Audit object one");
        var second = await admin.CreateGroupAsync("Audit object two");
        await (await admin.PutAsJsonAsync($"/api/v1/groups/{first}", new { name = "Audit object renamed" })).JsonAsync(HttpStatusCode.OK);
        var ticket = await admin.CreateTicketAsync("Audit object ticket");
        await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "pending" });

        var rows = (await admin.GetJsonAsync($"/api/v1/audit?object=group:{first}")).Items();
        Assert.Equal(["group.changed"], rows.Select(r => r.Str("action")));
        Assert.All(rows, r => Assert.Equal($"group:{first}", r.Str("object")));
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/audit?object=group:{second}0")).Items());

        var number = ticket.GetProperty("number").GetInt64();
        var byObject = (await admin.GetJsonAsync($"/api/v1/audit?object=ticket:{number}&limit=100")).Items().Select(r => r.Str("action")).ToList();
        var byTicket = (await admin.GetJsonAsync($"/api/v1/audit?ticket={number}&limit=100")).Items().Select(r => r.Str("action")).ToList();
        Assert.Equal(byTicket, byObject);
        Assert.Contains("ticket.changed.status", byObject);

        var csv = await (await admin.GetAsync($"/api/v1/audit.csv?object=group:{first}")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("'=Audit object one → Audit object renamed", lines[1], StringComparison.Ordinal);
        var sheet = Okno.IntegrationTests.Reports.Xlsx.Read(await (await admin.GetAsync($"/api/v1/audit.xlsx?object=group:{first}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(2, sheet.Count);
        Assert.True(sheet[1][0].IsDate);
        Assert.Contains(sheet[1], c => c.Text.StartsWith("'=Audit object one → Audit object renamed", StringComparison.Ordinal));

        foreach (var bad in new[] { "group", "group:", ":5", "ticket:abc", "group:1 2" })
        {
            var problem = await (await admin.GetAsync($"/api/v1/audit?object={Uri.EscapeDataString(bad)}")).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal("field.invalid_value", problem.GetProperty("errorCodes").GetProperty("object")[0].Str("code"));
        }
    }
}
