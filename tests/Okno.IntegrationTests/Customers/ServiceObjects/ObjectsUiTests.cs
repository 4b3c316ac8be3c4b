using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Okno.Testing;

namespace Okno.IntegrationTests.Customers.ServiceObjects;

/// <summary>Issue 20, part "objectsui", on SQLite and PostgreSQL: contracts covering service objects (preferred at a
/// ticket's creation), the SLA policy condition by object, custom fields on objects and equipment, import naming the
/// company by INN, and finding equipment (and its tickets) by serial or inventory number.</summary>
public sealed class ObjectsUiTests
{
    private static string Day(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    private static string Code(JsonElement problem, string field) =>
        problem.GetProperty("errorCodes").TryGetProperty(field, out var codes) ? codes[0].Str("code") : throw new Xunit.Sdk.XunitException(problem.GetRawText());

    [Theory]
    [BothDatabases]
    public async Task A_contract_covering_the_tickets_object_is_chosen_at_creation(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var acme = await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme", domain = "acme.test" });
        var other = await admin.PostJsonAsync("/api/v1/companies", new { name = "Other", domain = "other.test" });
        var shop = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = acme.Id(), name = "Shop" });
        var office = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = acme.Id(), name = "Office" });
        var foreignObject = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = other.Id(), name = "Elsewhere" });
        // The company-wide default contract, and an older one naming the shop only.
        var main = await admin.PostJsonAsync("/api/v1/contracts",
            new { companyId = acme.Id(), number = "MAIN", kind = "subscription", startsOn = Day(-10), isDefault = true });
        var shopContract = await admin.PostJsonAsync("/api/v1/contracts",
            new { companyId = acme.Id(), number = "SHOP", kind = "per_incident", startsOn = Day(-100), serviceObjectIds = new[] { shop.Id() } });
        Assert.Equal([shop.Id()], shopContract.GetProperty("serviceObjectIds").EnumerateArray().Select(e => e.GetInt64()).ToList());
        Assert.Empty(main.GetProperty("serviceObjectIds").EnumerateArray());

        // The shop's ticket: its own contract beats the company's default; the office's and one without an object: the default.
        var atShop = await admin.CreateTicketAsync("Till broken", "ivan@acme.test", new { serviceObjectId = shop.Id() });
        Assert.Equal(shopContract.Id(), atShop.GetProperty("contractId").GetInt64());
        var atOffice = await admin.CreateTicketAsync("Printer", "ivan@acme.test", new { serviceObjectId = office.Id() });
        Assert.Equal(main.Id(), atOffice.GetProperty("contractId").GetInt64());
        var nowhere = await admin.CreateTicketAsync("Question", "ivan@acme.test");
        Assert.Equal(main.Id(), nowhere.GetProperty("contractId").GetInt64());

        // A contract listing objects covers only them: without the company-wide one, the office's ticket gets none.
        await (await admin.PutAsJsonAsync($"/api/v1/contracts/{main.Id()}", new
        {
            companyId = acme.Id(), number = "MAIN", kind = "subscription", startsOn = Day(-10), isDefault = true, isActive = false,
        })).JsonAsync(HttpStatusCode.OK);
        var officeAgain = await admin.CreateTicketAsync("Scanner", "ivan@acme.test", new { serviceObjectId = office.Id() });
        Assert.Equal(JsonValueKind.Null, officeAgain.GetProperty("contractId").ValueKind);

        // Covered objects are the contract company's and exist; null keeps them, [] clears them.
        var bad = await (await admin.PutAsJsonAsync($"/api/v1/contracts/{shopContract.Id()}", new
        {
            companyId = acme.Id(), number = "SHOP", kind = "per_incident", startsOn = Day(-100), serviceObjectIds = new[] { foreignObject.Id(), 999_999 },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("service_object.other_company", Code(bad, "serviceObjectIds[0]"));
        Assert.Equal("service_object.not_found", Code(bad, "serviceObjectIds[1]"));
        var kept = await (await admin.PutAsJsonAsync($"/api/v1/contracts/{shopContract.Id()}", new
        {
            companyId = acme.Id(), number = "SHOP", kind = "per_incident", startsOn = Day(-100), notes = "renewed",
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([shop.Id()], kept.GetProperty("serviceObjectIds").EnumerateArray().Select(e => e.GetInt64()).ToList());
        var cleared = await (await admin.PutAsJsonAsync($"/api/v1/contracts/{shopContract.Id()}", new
        {
            companyId = acme.Id(), number = "SHOP", kind = "per_incident", startsOn = Day(-100), serviceObjectIds = Array.Empty<long>(),
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(cleared.GetProperty("serviceObjectIds").EnumerateArray());

        // A covered object that is deleted stops being covered (no ticket names the office's twin).
        var kiosk = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = acme.Id(), name = "Kiosk" });
        await (await admin.PutAsJsonAsync($"/api/v1/contracts/{shopContract.Id()}", new
        {
            companyId = acme.Id(), number = "SHOP", kind = "per_incident", startsOn = Day(-100), serviceObjectIds = new[] { kiosk.Id() },
        })).JsonAsync(HttpStatusCode.OK);
        await (await admin.DeleteAsync($"/api/v1/service-objects/{kiosk.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/contracts/{shopContract.Id()}")).GetProperty("serviceObjectIds").EnumerateArray());
    }

    [Theory]
    [BothDatabases]
    public async Task An_sla_policy_can_be_chosen_by_the_tickets_service_object(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var calendar = (await admin.GetJsonAsync("/api/v1/calendars")).Items()[0].Id();
        await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Standard", calendarId = calendar, isDefault = true, targets = new { normal = new { firstResponseMinutes = 480 } },
        });
        var acme = await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme", domain = "acme.test" });
        var plant = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = acme.Id(), name = "Plant", kind = "site" });
        var office = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = acme.Id(), name = "Office" });
        await admin.PostJsonAsync("/api/v1/sla/policies", new
        {
            name = "Plant 24/7", calendarId = calendar, targets = new { normal = new { firstResponseMinutes = 30 } },
            conditions = new[] { new { field = "service_object", values = new[] { plant.Id().ToString() } } },
        });

        var atPlant = await admin.CreateTicketAsync("Line stopped", "ivan@acme.test", new { serviceObjectId = plant.Id() });
        var sla = await admin.GetJsonAsync($"/api/v1/tickets/{atPlant.Id()}/sla");
        Assert.Equal("Plant 24/7", sla.GetProperty("policy").Str("name"));
        Assert.Equal("service_object", sla.GetProperty("matchedBy")[0].Str("field"));
        var atOffice = await admin.CreateTicketAsync("Mouse", "ivan@acme.test", new { serviceObjectId = office.Id() });
        Assert.Equal("Standard", (await admin.GetJsonAsync($"/api/v1/tickets/{atOffice.Id()}/sla")).GetProperty("policy").Str("name"));

        // The object changed by hand moves the ticket under the object's policy, and back.
        await admin.PatchAsync($"/api/v1/tickets/{atOffice.Id()}", new { serviceObjectId = plant.Id() });
        Assert.Equal("Plant 24/7", (await admin.GetJsonAsync($"/api/v1/tickets/{atOffice.Id()}/sla")).GetProperty("policy").Str("name"));
        await admin.PatchAsync($"/api/v1/tickets/{atOffice.Id()}", new { serviceObjectId = (long?)null });
        Assert.Equal("Standard", (await admin.GetJsonAsync($"/api/v1/tickets/{atOffice.Id()}/sla")).GetProperty("policy").Str("name"));

        // A condition naming an object that does not exist, or not an id, is refused.
        var bad = await (await admin.PostAsJsonAsync("/api/v1/sla/policies", new
        {
            name = "Bad", calendarId = calendar, conditions = new[] { new { field = "service_object", values = new[] { "999999", "plant" } } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["conditions[0].values[0]", "conditions[0].values[1]"], bad.ErrorFields().Order());
    }

    [Theory]
    [BothDatabases]
    public async Task Objects_and_equipment_have_custom_fields_set_read_and_filtered(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        await admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "service_object", key = "region", labelRu = "Регион", labelEn = "Region", type = "text" });
        await admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "equipment", key = "rack", labelRu = "Стойка", labelEn = "Rack", type = "number" });
        await admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "ticket", key = "site", labelRu = "Объект", labelEn = "Site", type = "service_object_link" });
        var acme = await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme", domain = "acme.test" });

        var north = await admin.PostJsonAsync("/api/v1/service-objects", new
        {
            companyId = acme.Id(), name = "North", customFields = new Dictionary<string, object> { ["region"] = "Север" },
        });
        Assert.Equal("Север", north.GetProperty("customFields").Str("region"));
        var south = await admin.PostJsonAsync("/api/v1/service-objects", new
        {
            companyId = acme.Id(), name = "South", customFields = new Dictionary<string, object> { ["region"] = "Юг" },
        });
        var server = await admin.PostJsonAsync("/api/v1/equipment", new
        {
            companyId = acme.Id(), type = "Server", serviceObjectId = north.Id(), customFields = new Dictionary<string, object> { ["rack"] = 12 },
        });
        await admin.PostJsonAsync("/api/v1/equipment", new { companyId = acme.Id(), type = "Switch", serviceObjectId = north.Id() });
        Assert.Equal(12, (await admin.GetJsonAsync($"/api/v1/equipment/{server.Id()}")).GetProperty("customFields").GetProperty("rack").GetDouble());

        // Wrong type and unknown keys are refused, nothing written.
        var bad = await (await admin.PutAsJsonAsync($"/api/v1/equipment/{server.Id()}", new
        {
            companyId = acme.Id(), type = "Server", customFields = new Dictionary<string, object> { ["rack"] = "twelve" },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(bad.ErrorFields(), f => f.StartsWith("customFields", StringComparison.Ordinal));
        Assert.Equal(12, (await admin.GetJsonAsync($"/api/v1/equipment/{server.Id()}")).GetProperty("customFields").GetProperty("rack").GetDouble());

        // Filtered like the others: cf.<key>=value on the lists.
        Assert.Equal([south.Id()], (await admin.GetJsonAsync($"/api/v1/service-objects?companyId={acme.Id()}&cf.region={Uri.EscapeDataString("Юг")}")).Items().Select(i => i.Id()));
        Assert.Equal([server.Id()], (await admin.GetJsonAsync("/api/v1/equipment?cf.rack=12")).Items().Select(i => i.Id()));
        await admin.GetJsonAsync("/api/v1/equipment?cf.nosuch=1", HttpStatusCode.BadRequest);

        // A ticket's link field to a service object now accepts an existing object (its link target is registered).
        var ticket = await admin.CreateTicketAsync("Check", "ivan@acme.test", new { customFields = new Dictionary<string, object> { ["site"] = north.Id() } });
        Assert.Equal(north.Id(), ticket.GetProperty("customFields").GetProperty("site").GetInt64());
        var missing = await (await admin.PatchAsJsonAsync($"/api/v1/tickets/{ticket.Id()}",
            new { customFields = new Dictionary<string, object> { ["site"] = 999_999 } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains(missing.ErrorFields(), f => f.StartsWith("customFields", StringComparison.Ordinal));

        // Deleting the equipment takes its values with it.
        await (await admin.DeleteAsync($"/api/v1/equipment/{server.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        Assert.Empty((await admin.GetJsonAsync("/api/v1/equipment?cf.rack=12")).Items());
    }

    [Theory]
    [BothDatabases]
    public async Task Import_rows_may_name_the_company_by_inn_and_an_unknown_inn_is_refused(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var sber = await admin.PostJsonAsync("/api/v1/companies", new { name = "Сбер", requisites = new { inn = "7707083893", kpp = "773601001" } });
        // Two companies with one INN (a head office and a branch): the INN alone is ambiguous.
        await admin.PostJsonAsync("/api/v1/companies", new { name = "Яндекс", requisites = new { inn = "7736207543" } });
        await admin.PostJsonAsync("/api/v1/companies", new { name = "Яндекс, филиал", requisites = new { inn = "7736207543", kpp = "770401001" } });

        var objectsCsv = "company_inn;company;name\n"
            + "7707083893;;Отделение 1\n"
            + "7707083894;;Отделение 2\n"        // row 3: no company has this INN
            + "7736207543;;Офис\n"               // row 4: two companies have it
            + ";Сбер;Отделение 3\n";             // row 5: by name, as before
        var result = await (await admin.PostAsync("/api/v1/service-objects/import", new StringContent(objectsCsv, Encoding.UTF8, "text/csv")))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        var refused = result.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.Str("field"), r.Str("code"))).ToList();
        Assert.Equal([(3, "company_inn", "service_object.import_company_inn_unknown"), (4, "company_inn", "service_object.import_company_inn_unknown")], refused);
        var names = (await admin.GetJsonAsync($"/api/v1/service-objects?companyId={sber.Id()}")).Items().Select(o => o.Str("name")).ToList();
        Assert.Equal(["Отделение 1", "Отделение 3"], names);

        var equipmentCsv = "company_inn,object,type,serial_number\n"
            + "7707083893,Отделение 1,Банкомат,ATM-1\n"
            + "0000000000,,Банкомат,ATM-2\n";      // row 3: unknown INN
        var equipment = await (await admin.PostAsync("/api/v1/equipment/import", new StringContent(equipmentCsv, Encoding.UTF8, "text/csv")))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, equipment.GetProperty("accepted").GetInt32());
        Assert.Equal([(3, "company_inn")], equipment.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.Str("field"))).ToList());
        var atm = (await admin.GetJsonAsync("/api/v1/equipment?serial=ATM-1&exact=true")).Items().Single();
        Assert.Equal(sber.Id(), atm.GetProperty("companyId").GetInt64());
        Assert.Equal("Отделение 1", atm.Str("serviceObjectName"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_serial_or_inventory_number_finds_the_equipment_and_its_tickets(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var acme = await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme", domain = "acme.test" });
        var shop = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = acme.Id(), name = "Shop", address = "Tverskaya 7" });
        var printer = await admin.PostJsonAsync("/api/v1/equipment", new
        {
            companyId = acme.Id(), type = "Printer", manufacturer = "Kyocera", model = "M2040dn", serialNumber = "VCF-4411-22", inventoryNumber = "INV-0042",
            serviceObjectId = shop.Id(),
        });
        var other = await admin.PostJsonAsync("/api/v1/equipment", new { companyId = acme.Id(), type = "Scanner", serialNumber = "ZZ-1" });
        var ticket = await admin.CreateTicketAsync("Paper jam", "ivan@acme.test", new { equipmentId = printer.Id() });
        await admin.CreateTicketAsync("Other", "ivan@acme.test", new { equipmentId = other.Id() });

        // q: a serial's prefix however it is written, an exact inventory number, or words of the model.
        Assert.Equal([printer.Id()], (await admin.GetJsonAsync("/api/v1/equipment?q=vcf4411")).Items().Select(i => i.Id()));
        Assert.Equal([printer.Id()], (await admin.GetJsonAsync("/api/v1/equipment?q=INV-0042")).Items().Select(i => i.Id()));
        Assert.Equal([printer.Id()], (await admin.GetJsonAsync("/api/v1/equipment?q=kyocera")).Items().Select(i => i.Id()));
        Assert.Empty((await admin.GetJsonAsync("/api/v1/equipment?q=nothing-like-it")).Items());
        Assert.Equal([other.Id()], (await admin.GetJsonAsync("/api/v1/equipment?type=Scanner")).Items().Select(i => i.Id()));
        // Objects by words of the address.
        Assert.Equal([shop.Id()], (await admin.GetJsonAsync("/api/v1/service-objects?q=tverskaya")).Items().Select(i => i.Id()));

        // What the equipment page lists: its tickets, newest first.
        Assert.Equal([ticket.Id()], (await admin.GetJsonAsync($"/api/v1/equipment/{printer.Id()}/tickets")).Items().Select(i => i.Id()));
        // The global search's equipment read.
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<Okno.Customers.ServiceObjects.ServiceObjectQueries>();
        Assert.Equal([printer.Id()], (await queries.BySerialOrInventoryAsync("vcf-44", 10, CancellationToken.None)).Select(e => e.Id));
        Assert.Equal([printer.Id()], (await queries.BySerialOrInventoryAsync("INV-0042", 10, CancellationToken.None)).Select(e => e.Id));
    }
}
