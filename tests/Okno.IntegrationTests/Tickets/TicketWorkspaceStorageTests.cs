using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Security;
using Okno.Testing;
using Okno.Tickets;
using Okno.Tickets.Ui;

namespace Okno.IntegrationTests.Tickets;

/// <summary>The reads behind the ticket page and the customer card on both providers.</summary>
public sealed class TicketWorkspaceStorageTests
{
    [Theory]
    [BothDatabases]
    public async Task Ticket_page_and_customer_card_read_alike(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Ромашка", domain = "romashka.example" });
        var duplicate = await admin.CreateTicketAsync("Почта тормозит (ещё раз)", "anna@romashka.example");
        var survivor = await admin.CreateTicketAsync("Почта тормозит", "anna@romashka.example");
        await admin.PostJsonAsync($"/api/v1/tickets/{survivor.Id()}/messages", new { body = "Смотрим", @internal = true });
        await admin.PostJsonAsync($"/api/v1/tickets/{duplicate.Id()}/merge", new { intoTicketId = survivor.Id() }, HttpStatusCode.OK);
        var contactId = survivor.GetProperty("customer").Id();
        await (await admin.PutAsJsonAsync($"/api/v1/contacts/{contactId}", new
        {
            name = "Анна", companyId = company.Id(), emails = new[] { "anna@romashka.example", "a@home.example" },
            phones = new[] { "+7 495 123-45-67" }, externalIds = new[] { new { channel = "telegram", externalId = "4242" } },
        })).JsonAsync(HttpStatusCode.OK);

        await using var scope = app.Services.CreateAsyncScope();
        var agent = await AdminAsync(scope.ServiceProvider);
        var queries = scope.ServiceProvider.GetRequiredService<TicketQueries>();
        var snapshot = await TicketWorkspace.ReadAsync(queries, survivor.Id(), agent, Timeline.Cap, default);
        Assert.Equal(2, snapshot.Messages.Count);
        Assert.Equal(duplicate.Id(), Assert.Single(snapshot.Related.MergedFrom).Id);
        var (number, message) = Assert.Single(snapshot.MergedMessages);
        Assert.Equal(duplicate.GetProperty("number").GetInt64(), number);
        Assert.Contains("ещё раз", message.BodyText);
        var timeline = Timeline.Build(snapshot.Messages, snapshot.History, snapshot.MergedMessages);
        Assert.Equal(timeline.OrderBy(i => i.At).Select(i => i.At), timeline.Select(i => i.At));

        var card = await scope.ServiceProvider.GetRequiredService<ContactCards>().GetAsync(contactId, default);
        Assert.Equal(["anna@romashka.example", "a@home.example"], card.Emails);
        Assert.Equal(["+74951234567"], card.Phones);
        Assert.Equal("4242", Assert.Single(card.ExternalIds).ExternalId);
        Assert.Equal(("Ромашка", "romashka.example"), (card.Company!.Name, card.Company.Domain));
        var companyTickets = await queries.ListAsync(new TicketFilter(CompanyId: company.Id()), 10, null, agent, default);
        Assert.Equal([survivor.Id(), duplicate.Id()], companyTickets.Items.Select(t => t.Id));
    }

    private static async Task<CurrentAgent> AdminAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<Okno.Platform.Data.OknoDb>();
        var admin = await db.Agents.SingleAsync(a => a.Email == OknoFactory.AdminEmail);
        return new CurrentAgent(admin.Id, admin.Email, admin.Name, AgentRole.Admin, []);
    }
}
