using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Customers;
using Okno.Customers.Requisites;
using Okno.Testing;

namespace Okno.IntegrationTests.Customers;

/// <summary>Companies' requisites, domains and manager, and contacts' memberships of companies, through the API; on SQLite
/// and PostgreSQL.</summary>
public sealed class RequisitesTests
{
    private static readonly object Sberbank = new
    {
        fullName = "ПАО Сбербанк", inn = "7707083893", kpp = "773601001", ogrn = "1027700132195", legalAddress = "Москва, ул. Вавилова, 19",
        bankName = "ПАО Сбербанк", bik = "044525225", settlementAccount = "40702 810 9 38000000001", correspondentAccount = "30101810400000000225",
    };

    private static string FieldCode(JsonElement problem, string field) =>
        problem.GetProperty("errorCodes").GetProperty(field)[0].Str("code");

    [Theory]
    [BothDatabases]
    public async Task Requisites_are_checked_saved_and_found_by_inn(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (managerId, _) = await app.CreateAgentAsync(admin);

        // A wrong check digit: 400 naming the field, and nothing written.
        var refused = await (await admin.PostAsJsonAsync("/api/v1/companies", new
        {
            name = "Сбер", requisites = new { inn = "7707083894", kpp = "7736", settlementAccount = "40702810938000000001" },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(RequisiteErrorCodes.InnCheckDigit, FieldCode(refused, "requisites.inn"));
        Assert.Equal(RequisiteErrorCodes.InvalidKpp, FieldCode(refused, "requisites.kpp"));
        Assert.Equal(RequisiteErrorCodes.BikRequired, FieldCode(refused, "requisites.bik"));
        Assert.Empty((await admin.GetJsonAsync("/api/v1/companies?inn=7707083894")).Items());

        var company = await admin.PostJsonAsync("/api/v1/companies", new
        {
            name = "Сбер", domains = new[] { "sber.example", "SberBank.example" }, requisites = Sberbank, managerId,
        });
        var requisites = company.GetProperty("requisites");
        Assert.Equal(("7707083893", "40702810938000000001", "ПАО Сбербанк"),
            (requisites.Str("inn"), requisites.Str("settlementAccount"), requisites.Str("fullName")));
        Assert.Equal(["sber.example", "sberbank.example"], company.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("sber.example", company.Str("domain"));
        Assert.Equal(managerId, company.GetProperty("managerId").GetInt64());

        // A branch shares the INN: allowed; the search by INN finds both, oldest first.
        var branch = await admin.PostJsonAsync("/api/v1/companies", new { name = "Сбер, филиал", requisites = new { inn = "7707083893", kpp = "773602001" } });
        Assert.Equal([company.Id(), branch.Id()], (await admin.GetJsonAsync("/api/v1/companies?inn=7707083893")).Items().Select(c => c.Id()));
        Assert.Equal(RequisiteErrorCodes.InvalidInn,
            FieldCode(await admin.GetJsonAsync("/api/v1/companies?inn=12345", HttpStatusCode.BadRequest), "inn"));

        // An update with an account that does not match the BIK is refused and changes nothing.
        var bad = await (await admin.PutAsJsonAsync($"/api/v1/companies/{company.Id()}", new
        {
            name = "Сбер (новое имя)", requisites = new { inn = "7707083893", bik = "044525974", settlementAccount = "40702810938000000001" },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(RequisiteErrorCodes.AccountCheckDigit, FieldCode(bad, "requisites.settlementAccount"));
        Assert.Equal("Сбер", (await admin.GetJsonAsync($"/api/v1/companies/{company.Id()}")).Str("name"));
        // Requisites and manager left out are kept; the older single `domain` replaces the domains; 0 removes the manager.
        var kept = await (await admin.PutAsJsonAsync($"/api/v1/companies/{company.Id()}", new { name = "Сбербанк", domain = "sber.example" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("044525225", kept.GetProperty("requisites").Str("bik"));
        Assert.Equal(managerId, kept.GetProperty("managerId").GetInt64());
        Assert.Equal(["sber.example"], kept.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        var noManager = await (await admin.PutAsJsonAsync($"/api/v1/companies/{company.Id()}", new { name = "Сбербанк", domain = "sber.example", managerId = 0 }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, noManager.GetProperty("managerId").ValueKind);
        Assert.Equal(CustomerErrorCodes.ManagerNotFound, FieldCode(await (await admin.PutAsJsonAsync($"/api/v1/companies/{company.Id()}",
            new { name = "Сбербанк", managerId = 999_999 })).JsonAsync(HttpStatusCode.BadRequest), "managerId"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_new_contact_on_any_of_a_companys_domains_joins_it_as_a_member_and_a_domain_belongs_to_one_company(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Рога и копыта", domains = new[] { "roga.example", "kopyta.example" } });

        var first = (await admin.CreateTicketAsync("Принтер", "ivan@roga.example")).GetProperty("customer");
        var second = (await admin.CreateTicketAsync("Сканер", "petr@KOPYTA.example")).GetProperty("customer");
        foreach (var contact in new[] { first, second })
        {
            var view = await admin.GetJsonAsync($"/api/v1/contacts/{contact.Id()}");
            Assert.Equal(company.Id(), view.GetProperty("company").Id());
            var memberships = (await admin.GetJsonAsync($"/api/v1/contacts/{contact.Id()}/companies")).EnumerateArray().ToList();
            Assert.Equal((company.Id(), "member", true),
                (Assert.Single(memberships).GetProperty("companyId").GetInt64(), memberships[0].Str("role"), memberships[0].GetProperty("primary").GetBoolean()));
        }
        Assert.Equal([company.Id()], (await admin.GetJsonAsync("/api/v1/companies?domain=kopyta.example")).Items().Select(c => c.Id()));

        var taken = await (await admin.PostAsJsonAsync("/api/v1/companies", new { name = "Другая", domains = new[] { "new.example", "Roga.example" } }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal((CustomerErrorCodes.DomainTaken, "roga.example"), (taken.Str("code"), taken.GetProperty("parameters").Str("domain")));
        Assert.Empty((await admin.GetJsonAsync("/api/v1/companies?domain=new.example")).Items());   // nothing written
        Assert.Equal(Okno.Platform.Web.ErrorCodes.InvalidDomain, FieldCode(await (await admin.PostAsJsonAsync("/api/v1/companies",
            new { name = "X", domains = new[] { "not a domain" } })).JsonAsync(HttpStatusCode.BadRequest), "domains[0]"));
    }

    [Theory]
    [BothDatabases]
    public async Task Memberships_are_added_changed_listed_and_removed(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var alpha = await admin.PostJsonAsync("/api/v1/companies", new { name = "Альфа" });
        var beta = await admin.PostJsonAsync("/api/v1/companies", new { name = "Бета" });
        var contact = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Иван", companyId = alpha.Id(), emails = new[] { "ivan@example.com" } });
        var other = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Пётр", companyId = beta.Id() });

        var manager = await (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact.Id()}/companies/{beta.Id()}", new { role = "manager", position = "Директор" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("manager", "Директор", false), (manager.Str("role"), manager.Str("position"), manager.GetProperty("primary").GetBoolean()));
        var list = (await admin.GetJsonAsync($"/api/v1/contacts/{contact.Id()}/companies")).EnumerateArray()
            .Select(m => (m.Str("companyName"), m.Str("role"), m.GetProperty("primary").GetBoolean())).ToList();
        Assert.Equal([("Альфа", "member", true), ("Бета", "manager", false)], list);

        // The company's members, newest first, paged.
        var page = await admin.GetJsonAsync($"/api/v1/companies/{beta.Id()}/members?limit=1");
        Assert.Equal([other.Id()], page.Items().Select(m => m.GetProperty("contactId").GetInt64()));
        var next = await admin.GetJsonAsync($"/api/v1/companies/{beta.Id()}/members?limit=1&cursor={page.Str("nextCursor")}");
        Assert.Equal([contact.Id()], next.Items().Select(m => m.GetProperty("contactId").GetInt64()));

        // Making Beta primary moves new tickets there; removing the primary membership leaves the contact without a company.
        await (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact.Id()}/companies/{beta.Id()}", new { primary = true })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(beta.Id(), (await admin.CreateTicketAsync("Вопрос", "ivan@example.com")).GetProperty("company").Id());
        await (await admin.DeleteAsync($"/api/v1/contacts/{contact.Id()}/companies/{beta.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(JsonValueKind.Null, (await admin.GetJsonAsync($"/api/v1/contacts/{contact.Id()}")).GetProperty("company").ValueKind);
        Assert.Equal(["Альфа"], (await admin.GetJsonAsync($"/api/v1/contacts/{contact.Id()}/companies")).EnumerateArray().Select(m => m.Str("companyName")));
        Assert.Equal(CustomerErrorCodes.MembershipNotFound,
            (await (await admin.DeleteAsync($"/api/v1/contacts/{contact.Id()}/companies/{beta.Id()}")).JsonAsync(HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal(CustomerErrorCodes.CompanyNotFound,
            (await (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact.Id()}/companies/999999", new { })).JsonAsync(HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact.Id()}/companies/{beta.Id()}", new { role = "owner" })).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task Merging_contacts_moves_their_memberships_and_keeps_the_survivors_role_where_both_belong(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var alpha = await admin.PostJsonAsync("/api/v1/companies", new { name = "Альфа" });
        var beta = await admin.PostJsonAsync("/api/v1/companies", new { name = "Бета" });
        var merged = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Звонивший", companyId = alpha.Id(), phones = new[] { "+79001112233" } });
        await (await admin.PutAsJsonAsync($"/api/v1/contacts/{merged.Id()}/companies/{alpha.Id()}", new { role = "manager" })).JsonAsync(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync($"/api/v1/contacts/{merged.Id()}/companies/{beta.Id()}", new { role = "manager", position = "CTO" }))
            .JsonAsync(HttpStatusCode.OK);
        var survivor = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Иван", companyId = alpha.Id(), emails = new[] { "ivan@example.com" } });

        await admin.PostJsonAsync($"/api/v1/contacts/{merged.Id()}/merge", new { intoContactId = survivor.Id() }, HttpStatusCode.OK);

        var memberships = (await admin.GetJsonAsync($"/api/v1/contacts/{survivor.Id()}/companies")).EnumerateArray()
            .Select(m => (m.Str("companyName"), m.Str("role"), m.GetProperty("primary").GetBoolean())).ToList();
        Assert.Equal([("Альфа", "member", true), ("Бета", "manager", false)], memberships);
        Assert.Equal([survivor.Id()], (await admin.GetJsonAsync($"/api/v1/companies/{beta.Id()}/members")).Items().Select(m => m.GetProperty("contactId").GetInt64()));
    }
}
