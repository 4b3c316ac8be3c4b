using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.Tests.Customers;

public sealed class ContactsEndpointsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    [Fact]
    public async Task Contact_with_several_addresses_is_created_rewritten_and_found_by_any_email()
    {
        var company = await Admin.PostJsonAsync("/api/v1/companies", new { name = "ООО «Ромашка»", domain = Unique("romashka") + ".example" });
        var first = $"{Unique("ivan")}@example.com";
        var second = $"{Unique("ivan.work")}@example.com";
        var contact = await Admin.PostJsonAsync("/api/v1/contacts", new
        {
            name = "Иван Петров", companyId = company.Id(), emails = new[] { first.ToUpperInvariant(), second },
            phones = new[] { "+7 (495) 123-45-67" }, externalIds = new[] { new { channel = "telegram", externalId = Unique("tg") } },
        });
        Assert.Equal([first, second], contact.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("+74951234567", contact.GetProperty("phones")[0].GetString());
        Assert.Equal("telegram", contact.GetProperty("externalIds")[0].Str("channel"));
        Assert.Equal(company.Id(), contact.GetProperty("company").Id());

        var found = await Admin.GetJsonAsync($"/api/v1/contacts?email={Uri.EscapeDataString(second)}");
        Assert.Equal(contact.Id(), Assert.Single(found.Items()).Id());

        var rewritten = await Admin.PutAsJsonAsync($"/api/v1/contacts/{contact.Id()}", new { name = "Иван Петрович", emails = new[] { second } });
        var after = await rewritten.JsonAsync(HttpStatusCode.OK);
        Assert.Equal([second], after.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(after.GetProperty("phones").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("company").ValueKind);
        Assert.Empty((await Admin.GetJsonAsync($"/api/v1/contacts?email={Uri.EscapeDataString(first)}")).Items());

        // A ticket from the kept address still finds Иван.
        var ticket = await Admin.CreateTicketAsync("Снова я", second);
        Assert.Equal(contact.Id(), ticket.GetProperty("customer").Id());
    }

    [Fact]
    public async Task An_address_of_another_contact_is_a_409_naming_the_owner()
    {
        var email = $"{Unique("owner")}@example.com";
        var owner = await Admin.PostJsonAsync("/api/v1/contacts", new { name = "Owner", emails = new[] { email } });
        var other = await Admin.PostJsonAsync("/api/v1/contacts", new { name = "Other" });
        var response = await Admin.PutAsJsonAsync($"/api/v1/contacts/{other.Id()}", new { name = "Other", emails = new[] { email } });
        var problem = await response.JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains(owner.Id().ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Str("detail"));
        Assert.Empty((await Admin.GetJsonAsync($"/api/v1/contacts/{other.Id()}")).GetProperty("emails").EnumerateArray());
    }

    [Fact]
    public async Task Bad_contact_input_names_each_field()
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            name = "", companyId = 999_999, emails = new[] { "nope" }, phones = new[] { "12" },
            externalIds = new[] { new { channel = (string?)null, externalId = "" } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["companyId", "emails[0]", "externalIds[0].channel", "externalIds[0].externalId", "name", "phones[0]"],
            problem.ErrorFields().Order());
        await Admin.GetJsonAsync("/api/v1/contacts/987654321", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task New_customer_on_a_company_domain_joins_the_company_and_its_tickets_are_listed()
    {
        var domain = Unique("fabrikam") + ".example";
        var company = await Admin.PostJsonAsync("/api/v1/companies", new { name = "Fabrikam", domain = "@" + domain.ToUpperInvariant() });
        Assert.Equal(domain, company.Str("domain"));
        var ticket = await Admin.CreateTicketAsync("Invoice", $"anna@{domain}");
        Assert.Equal(company.Id(), ticket.GetProperty("company").Id());

        Assert.Equal([ticket.Id()], (await Admin.GetJsonAsync($"/api/v1/companies/{company.Id()}/tickets")).Items().Select(t => t.Id()));
        var contacts = (await Admin.GetJsonAsync($"/api/v1/companies/{company.Id()}/contacts")).Items();
        Assert.Equal(ticket.GetProperty("customer").Id(), Assert.Single(contacts).Id());
        Assert.Equal(company.Id(), Assert.Single((await Admin.GetJsonAsync($"/api/v1/companies?domain={domain}")).Items()).Id());
    }

    [Fact]
    public async Task Bad_company_input_is_400_and_unknown_company_404()
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/companies", new { name = " ", domain = "not a domain" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["domain", "name"], problem.ErrorFields().Order());
        await Admin.GetJsonAsync("/api/v1/companies/987654321/tickets", HttpStatusCode.NotFound);
    }
}
