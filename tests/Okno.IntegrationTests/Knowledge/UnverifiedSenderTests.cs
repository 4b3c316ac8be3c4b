using System.Net;
using Okno.Testing;

namespace Okno.IntegrationTests.Knowledge;

/// <summary>An anonymous help-center visitor proves nothing by typing an address: their request is filed as from an
/// unverified sender — not on the customer who owns the address, not in the company of its domain — until an agent
/// confirms them. The visitor is shown a reference that does not reveal the desk's volume, and agents find the ticket
/// by it.</summary>
public sealed class UnverifiedSenderTests
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private static async Task<(string Reference, string Html)> SendAsync(OknoFactory app, string email, string subject)
    {
        var page = await new HelpCenterVisitor(app).SendContactFormAsync(email, subject, "Не могу войти в личный кабинет.");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        return (HelpCenterVisitor.ReferenceOf(html) ?? throw new InvalidOperationException("No reference on the page: " + html), html);
    }

    private static async Task<System.Text.Json.JsonElement> ByReferenceAsync(HttpClient agent, string reference) =>
        Assert.Single((await agent.GetJsonAsync("/api/v1/tickets?reference=" + Uri.EscapeDataString(reference))).Items());

    [Theory]
    [BothDatabases]
    public async Task A_visitor_typing_an_existing_customers_email_is_kept_apart_until_an_agent_confirms_them(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var domain = Unique("romashka") + ".example";
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Ромашка", domain });
        var email = $"anna@{domain}";
        // An agent is trusted: the API's customer email still finds/creates the contact, who joins the company.
        var known = await admin.CreateTicketAsync("Старое обращение Анны", email);
        var annaId = known.GetProperty("customer").Id();
        Assert.Equal(company.Id(), known.GetProperty("company").Id());

        var (reference, html) = await SendAsync(app, email, "Покажите мне историю Анны");
        var ticket = await ByReferenceAsync(admin, reference);
        var customer = ticket.GetProperty("customer");
        Assert.NotEqual(annaId, customer.Id());
        Assert.False(customer.GetProperty("verified").GetBoolean());
        Assert.Equal(email, customer.Str("email"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ticket.GetProperty("company").ValueKind);
        // The confirmation page shows the reference, never the ticket's number or id.
        var confirmation = HelpCenterVisitor.ConfirmationOf(html)!;
        Assert.Contains(reference, confirmation);
        Assert.DoesNotContain(ticket.GetProperty("number").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.DoesNotContain("#" + ticket.Id(), html);

        // Neither history shows the other's tickets, and the company does not list the stranger.
        var unverifiedId = customer.Id();
        Assert.Equal([known.Id()], (await admin.GetJsonAsync($"/api/v1/contacts/{annaId}/tickets")).Items().Select(t => t.Id()));
        Assert.Equal([ticket.Id()], (await admin.GetJsonAsync($"/api/v1/contacts/{unverifiedId}/tickets")).Items().Select(t => t.Id()));
        Assert.DoesNotContain(unverifiedId, (await admin.GetJsonAsync($"/api/v1/companies/{company.Id()}/contacts")).Items().Select(c => c.Id()));
        var stranger = await admin.GetJsonAsync($"/api/v1/contacts/{unverifiedId}");
        Assert.False(stranger.GetProperty("verified").GetBoolean());
        Assert.Equal(email, stranger.Str("unverifiedEmail"));
        Assert.Empty(stranger.GetProperty("emails").EnumerateArray());
        // Searching the address shows both, each under its own contact.
        var hits = (await admin.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString(email))).Items();
        Assert.Contains(hits, h => h.GetProperty("ticket").Id() == ticket.Id());

        // The agent confirms: the request joins Anna's history and her company; the stranger contact is gone.
        var confirmed = await admin.PostJsonAsync($"/api/v1/contacts/{unverifiedId}/confirm", new { }, HttpStatusCode.OK);
        Assert.Equal(annaId, confirmed.Id());
        var after = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal(annaId, after.GetProperty("customer").Id());
        Assert.True(after.GetProperty("customer").GetProperty("verified").GetBoolean());
        Assert.Equal(company.Id(), after.GetProperty("company").Id());
        Assert.Equal([ticket.Id(), known.Id()], (await admin.GetJsonAsync($"/api/v1/contacts/{annaId}/tickets")).Items().Select(t => t.Id()));
        await admin.GetJsonAsync($"/api/v1/contacts/{unverifiedId}", HttpStatusCode.NotFound);
        var audit = (await admin.GetJsonAsync("/api/v1/audit")).Items();
        Assert.Contains(audit, a => a.Str("action") == "contact.confirmed");
    }

    [Theory]
    [BothDatabases]
    public async Task A_visitor_on_a_clients_domain_joins_the_company_only_once_confirmed(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var domain = Unique("fabrikam") + ".example";
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Fabrikam", domain });
        var email = $"new.person@{domain}";

        var (reference, _) = await SendAsync(app, email.ToUpperInvariant(), "Дайте доступ к данным компании");
        var ticket = await ByReferenceAsync(admin, reference.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
        var contactId = ticket.GetProperty("customer").Id();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ticket.GetProperty("company").ValueKind);
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/companies/{company.Id()}/contacts")).Items());
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/companies/{company.Id()}/tickets")).Items());
        // A second request with the same address is another unverified sender: nothing typed is ever matched.
        var (second, _) = await SendAsync(app, email, "Ещё раз");
        Assert.NotEqual(contactId, (await ByReferenceAsync(admin, second)).GetProperty("customer").Id());

        var confirmed = await admin.PostJsonAsync($"/api/v1/contacts/{contactId}/confirm", new { }, HttpStatusCode.OK);
        Assert.Equal(contactId, confirmed.Id());
        Assert.True(confirmed.GetProperty("verified").GetBoolean());
        Assert.Equal([email], confirmed.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(company.Id(), confirmed.GetProperty("company").Id());
        Assert.Equal(company.Id(), (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).GetProperty("company").Id());
        Assert.Contains(contactId, (await admin.GetJsonAsync($"/api/v1/companies/{company.Id()}/contacts")).Items().Select(c => c.Id()));
        // Confirming again changes nothing; confirming the second sender now merges it into the first.
        Assert.Equal(contactId, (await admin.PostJsonAsync($"/api/v1/contacts/{contactId}/confirm", new { }, HttpStatusCode.OK)).Id());
        var secondId = (await ByReferenceAsync(admin, second)).GetProperty("customer").Id();
        Assert.Equal(contactId, (await admin.PostJsonAsync($"/api/v1/contacts/{secondId}/confirm", new { }, HttpStatusCode.OK)).Id());
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/v1/contacts/{contactId}/tickets")).Items().Count);
        await admin.PostJsonAsync("/api/v1/contacts/987654321/confirm", new { }, HttpStatusCode.NotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task The_reference_finds_the_ticket_in_the_search_box_and_a_malformed_one_is_a_400(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (reference, _) = await SendAsync(app, "caller@example.com", "Звоню по обращению");
        var hit = Assert.Single((await admin.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString(reference.ToLowerInvariant()))).Items(),
            h => h.Str("matchedIn") == "reference");
        Assert.Equal(reference.Replace("-", "", StringComparison.Ordinal), hit.GetProperty("ticket").Str("reference"));
        var problem = await (await admin.GetAsync("/api/v1/tickets?reference=not-a-reference")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reference", problem.ErrorFields());
        Assert.Empty((await admin.GetJsonAsync("/api/v1/tickets?reference=00000-00000")).Items());
    }
}
