using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using Okno.Testing;
using Okno.Admin;

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

    [Fact]
    public async Task A_customer_without_email_is_a_contact_by_phone_or_channel_id_and_at_least_one_is_required()
    {
        var phone = "+7 (912) " + Random.Shared.Next(100, 999) + "-" + Random.Shared.Next(10, 99) + "-" + Random.Shared.Next(10, 99);
        var caller = await Admin.PostJsonAsync("/api/v1/tickets", new { subject = "Звонок", body = "Не работает", customer = new { phone } });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, caller.GetProperty("customer").GetProperty("email").ValueKind);
        var again = await Admin.PostJsonAsync("/api/v1/tickets", new { subject = "Ещё звонок", body = "Снова", customer = new { phone = phone.Replace(" ", "") } });
        Assert.Equal(caller.GetProperty("customer").Id(), again.GetProperty("customer").Id());

        var telegramId = Unique("tg");
        var visitor = await Admin.PostJsonAsync("/api/v1/tickets", new
        {
            subject = "Из Telegram", body = "Привет", channel = "telegram", customer = new { channelId = new { channel = "telegram", id = telegramId } },
        });
        Assert.Equal($"telegram:{telegramId}", visitor.GetProperty("customer").Str("name"));
        var contact = await Admin.GetJsonAsync($"/api/v1/contacts/{visitor.GetProperty("customer").Id()}");
        Assert.Equal(telegramId, contact.GetProperty("externalIds")[0].Str("externalId"));

        var none = await (await Admin.PostAsJsonAsync("/api/v1/tickets", new { subject = "x", body = "y", customer = new { name = "Кто-то" } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["customer"], none.ErrorFields());
        var bad = await (await Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "x", body = "y", customer = new { phone = "12", channelId = new { channel = (string?)null, id = "" } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["customer.channelId.channel", "customer.channelId.id", "customer.phone"], bad.ErrorFields().Order());
    }

    [Fact]
    public async Task Merging_a_visitor_into_an_email_contact_moves_tickets_and_addresses_and_takes_the_survivors_company()
    {
        var domain = Unique("contoso") + ".example";
        var company = await Admin.PostJsonAsync("/api/v1/companies", new { name = "Contoso", domain });
        var email = $"olga@{domain}";
        var olga = (await Admin.CreateTicketAsync("Письмо", email)).GetProperty("customer").Id();
        var telegramId = Unique("tg");
        var chat = await Admin.PostJsonAsync("/api/v1/tickets", new
        {
            subject = "Из чата", body = "Привет", customer = new { phone = "+7 912 000-11-22", channelId = new { channel = "telegram", id = telegramId } },
        });
        var visitor = chat.GetProperty("customer").Id();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, chat.GetProperty("company").ValueKind);

        var survivor = await (await Admin.PostAsJsonAsync($"/api/v1/contacts/{visitor}/merge", new { intoContactId = olga })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(olga, survivor.Id());
        Assert.Equal([email], survivor.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["+79120001122"], survivor.GetProperty("phones").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(telegramId, survivor.GetProperty("externalIds")[0].Str("externalId"));
        var moved = await Admin.GetJsonAsync($"/api/v1/tickets/{chat.Id()}");
        Assert.Equal(olga, moved.GetProperty("customer").Id());
        Assert.Equal(company.Id(), moved.GetProperty("company").Id());
        // The move is one more entry in the ticket's history (issue 14), naming both contacts.
        Assert.Equal(chat.GetProperty("version").GetInt64() + 1, moved.GetProperty("version").GetInt64());
        var entry = (await Admin.GetJsonAsync($"/api/v1/tickets/{chat.Id()}/history?limit=100")).Items().Single(h => h.GetProperty("field").GetString() == "customer");
        Assert.Equal([visitor.ToString(System.Globalization.CultureInfo.InvariantCulture), olga.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new[] { entry.Str("oldValue"), entry.Str("newValue") });
        Assert.Equal(2, (await Admin.GetJsonAsync($"/api/v1/contacts/{olga}/tickets")).Items().Count);
        await Admin.GetJsonAsync($"/api/v1/contacts/{visitor}", HttpStatusCode.NotFound);
        Assert.True(await okno.App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "contact.merged" && a.Target == $"contact:{olga}")));
        // The channel id now finds the survivor.
        var next = await Admin.PostJsonAsync("/api/v1/tickets", new
        {
            subject = "Снова из чата", body = "Это я", customer = new { channelId = new { channel = "telegram", id = telegramId } },
        });
        Assert.Equal(olga, next.GetProperty("customer").Id());

        var self = await (await Admin.PostAsJsonAsync($"/api/v1/contacts/{olga}/merge", new { intoContactId = olga })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["intoContactId"], self.ErrorFields());
        var unknownTarget = await (await Admin.PostAsJsonAsync($"/api/v1/contacts/{olga}/merge", new { intoContactId = 987_654_321 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["intoContactId"], unknownTarget.ErrorFields());
        await (await Admin.PostAsJsonAsync("/api/v1/contacts/987654321/merge", new { intoContactId = olga })).JsonAsync(HttpStatusCode.NotFound);
        var missing = await (await Admin.PostAsJsonAsync($"/api/v1/contacts/{olga}/merge", new { })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["intoContactId"], missing.ErrorFields());
    }
}
