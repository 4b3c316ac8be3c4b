using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Testing;
using Okno.Tickets;
using Okno.Platform.Web;

namespace Okno.IntegrationTests.Tickets;

/// <summary>Agents add and remove the people copied on a ticket's replies (participants), through the API.</summary>
public sealed class TicketParticipantsTests
{
    private static List<string> Addresses(JsonElement ticket) =>
        ticket.GetProperty("participants").EnumerateArray().Select(p => p.Str("address")).ToList();

    [Theory]
    [BothDatabases]
    public async Task An_agent_adds_a_participant_once_sees_it_on_the_ticket_and_removes_it(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("VPN", email: "olga@example.org");
        var url = $"/api/v1/tickets/{ticket.Id()}/participants";

        Assert.Empty(Addresses(await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")));
        var added = await admin.PostJsonAsync(url, new { address = "  Boss@Example.ORG ", name = "Босс" }, HttpStatusCode.OK);
        Assert.Equal(("boss@example.org", "Босс"), (added.Str("address"), added.Str("name")));
        // Adding again changes nothing: same row, same time.
        var again = await admin.PostJsonAsync(url, new { address = "boss@example.org" }, HttpStatusCode.OK);
        Assert.Equal((added.Str("addedAt"), "Босс"), (again.Str("addedAt"), again.Str("name")));
        await admin.PostJsonAsync(url, new { address = "it@example.org" }, HttpStatusCode.OK);
        var shown = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal(["boss@example.org", "it@example.org"], Addresses(shown));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{url}/BOSS@example.org")).StatusCode);
        Assert.Equal(["it@example.org"], Addresses(await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")));
        var missing = await (await admin.DeleteAsync($"{url}/boss@example.org")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(TicketErrorCodes.ParticipantNotFound, missing.Str("code"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_participant_must_be_a_valid_address_and_not_the_customers_own(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("VPN", email: "olga@example.org");
        var url = $"/api/v1/tickets/{ticket.Id()}/participants";

        foreach (var bad in new object[] { new { address = "not-an-address" }, new { address = "" }, new { address = "a@b.c\r\nBcc: x@y.z" } })
        {
            var problem = await (await admin.PostAsJsonAsync(url, bad)).JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["address"], problem.ErrorFields());
        }
        var tooLongName = await (await admin.PostAsJsonAsync(url, new { address = "x@example.org", name = new string('n', 201) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["name"], tooLongName.ErrorFields());
        var own = await (await admin.PostAsJsonAsync(url, new { address = "OLGA@example.org" })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal(TicketErrorCodes.ParticipantIsCustomer, own.Str("code"));
        Assert.Empty(Addresses(await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")));
        var unknown = await (await admin.PostAsJsonAsync("/api/v1/tickets/999999/participants", new { address = "x@example.org" })).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(TicketErrorCodes.NotFound, unknown.Str("code"));
    }

    [Theory]
    [BothDatabases]
    public async Task An_agent_who_cannot_see_the_ticket_cannot_change_its_participants(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var ticket = await admin.CreateTicketAsync("VPN", extra: new { groupId = group });
        var (_, outsider) = await app.CreateAgentAsync(admin);
        var problem = await (await outsider.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/participants", new { address = "x@example.org" }))
            .JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(TicketErrorCodes.NotFound, problem.Str("code"));
    }
}
