using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Customers.ServiceObjects;

/// <summary>Service objects and equipment (issue 20, part "objects"): CRUD, moves and their history, tickets naming them
/// (another company's refused), serial search, import with refused rows and an export that imports back; on SQLite and
/// PostgreSQL.</summary>
public sealed class ServiceObjectsTests
{
    private static string Code(JsonElement problem, string field) =>
        problem.GetProperty("errorCodes").TryGetProperty(field, out var codes) ? codes[0].Str("code") : throw new Xunit.Sdk.XunitException(problem.GetRawText());

    private static async Task<(long Company, long Contact)> CompanyWithContactAsync(HttpClient admin, string name, string email)
    {
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name });
        var contact = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Contact of " + name, companyId = company.Id(), emails = new[] { email } });
        return (company.Id(), contact.Id());
    }

    [Theory]
    [BothDatabases]
    public async Task Objects_and_equipment_are_created_edited_moved_with_history_and_deleted_only_when_unused(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (company, contact) = await CompanyWithContactAsync(admin, "Ромашка", "boss@romashka.example");

        var shop = await admin.PostJsonAsync("/api/v1/service-objects", new
        {
            companyId = company, name = "Магазин на Тверской", kind = "shop", address = "Москва, Тверская, 7", latitude = 55.757, longitude = 37.613,
            workingHours = "Пн–Пт 9–21", accessNotes = "Вход со двора", contactIds = new[] { contact },
        });
        Assert.Equal("shop", shop.Str("kind"));
        Assert.Equal([contact], shop.GetProperty("contactIds").EnumerateArray().Select(e => e.GetInt64()).ToList());
        var office = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = company, name = "Офис", kind = "office" });

        // Bad input: coordinates out of range or half given, no name; all named in one answer.
        var bad = await (await admin.PostAsJsonAsync("/api/v1/service-objects", new { companyId = company, name = "", latitude = 91.0 }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.required", Code(bad, "name"));
        Assert.Equal("field.out_of_range", Code(bad, "latitude"));
        Assert.Equal("service_object.coordinates_pair", Code(bad, "longitude"));

        var till = await admin.PostJsonAsync("/api/v1/equipment", new
        {
            companyId = company, type = "ККТ", manufacturer = "Атол", model = "30Ф", serialNumber = "sn 0012-34ab", inventoryNumber = "INV-1",
            warrantyEnd = "2027-12-31", serviceObjectId = shop.Id(), parameters = new[] { new { key = "ФН", value = "до 2027" } },
        });
        Assert.Equal(shop.Id(), till.GetProperty("serviceObjectId").GetInt64());
        Assert.Equal("до 2027", till.GetProperty("parameters")[0].Str("value"));
        var edited = await (await admin.PutAsJsonAsync($"/api/v1/equipment/{till.Id()}", new
        {
            companyId = company, type = "ККТ", manufacturer = "Атол", model = "30Ф", serialNumber = "sn 0012-34ab", inventoryNumber = "INV-1",
            warrantyEnd = "2028-01-31", notes = "Заменён ФН",
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2028-01-31", edited.Str("warrantyEnd"));
        Assert.Equal(shop.Id(), edited.GetProperty("serviceObjectId").GetInt64());   // the place changes only by a move
        var dup = await (await admin.PostAsJsonAsync("/api/v1/equipment", new
        {
            companyId = company, type = "ККТ", parameters = new[] { new { key = "a", value = "1" }, new { key = "A", value = "2" } },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("equipment.duplicate_parameter", Code(dup, "parameters[1].key"));

        // Moves: to the office, to stock; each a history row, newest first; a move to where it is writes nothing.
        await admin.PostJsonAsync($"/api/v1/equipment/{till.Id()}/move", new { toObjectId = office.Id(), comment = "На ремонт" }, HttpStatusCode.OK);
        await admin.PostJsonAsync($"/api/v1/equipment/{till.Id()}/move", new { toObjectId = office.Id() }, HttpStatusCode.OK);
        var stocked = await admin.PostJsonAsync($"/api/v1/equipment/{till.Id()}/move", new { toObjectId = (long?)null }, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, stocked.GetProperty("serviceObjectId").ValueKind);
        var moves = (await admin.GetJsonAsync($"/api/v1/equipment/{till.Id()}/moves")).Items();
        Assert.Equal(2, moves.Count);
        Assert.Equal(office.Id(), moves[0].GetProperty("fromObjectId").GetInt64());
        Assert.Equal(JsonValueKind.Null, moves[0].GetProperty("toObjectId").ValueKind);
        Assert.Equal(shop.Id(), moves[1].GetProperty("fromObjectId").GetInt64());
        Assert.Equal("На ремонт", moves[1].Str("comment"));
        Assert.NotEqual(JsonValueKind.Null, moves[1].GetProperty("agentId").ValueKind);

        // Another company's object is not a place for this equipment.
        var (other, _) = await CompanyWithContactAsync(admin, "Лютик", "boss@lutik.example");
        var foreign = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = other, name = "Склад Лютика" });
        var refused = await (await admin.PostAsJsonAsync($"/api/v1/equipment/{till.Id()}/move", new { toObjectId = foreign.Id() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("service_object.other_company", Code(refused, "toObjectId"));

        // Lists by company, paged.
        var page1 = await admin.GetJsonAsync($"/api/v1/service-objects?companyId={company}&limit=1");
        Assert.Single(page1.Items());
        var page2 = await admin.GetJsonAsync($"/api/v1/service-objects?companyId={company}&limit=1&cursor={page1.Str("nextCursor")}");
        Assert.Equal(office.Id(), page2.Items()[0].Id());

        // Delete: an object with equipment is in use; once the equipment is gone it can go.
        await admin.PostJsonAsync($"/api/v1/equipment/{till.Id()}/move", new { toObjectId = office.Id() }, HttpStatusCode.OK);
        var inUse = await (await admin.DeleteAsync($"/api/v1/service-objects/{office.Id()}")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("service_object.in_use", inUse.Str("code"));
        await (await admin.DeleteAsync($"/api/v1/equipment/{till.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/v1/service-objects/{office.Id()}")).JsonAsync(HttpStatusCode.NoContent);
        await admin.GetJsonAsync($"/api/v1/service-objects/{office.Id()}", HttpStatusCode.NotFound);
    }

    [Theory]
    [BothDatabases]
    public async Task A_ticket_names_its_companys_object_and_equipment_and_is_found_by_the_serial(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (company, contact) = await CompanyWithContactAsync(admin, "Ромашка", "boss@romashka.example");
        var (other, _) = await CompanyWithContactAsync(admin, "Лютик", "boss@lutik.example");
        var shop = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = company, name = "Магазин" });
        var office = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = company, name = "Офис" });
        var printer = await admin.PostJsonAsync("/api/v1/equipment", new { companyId = company, type = "Принтер", serialNumber = "PRN-7788-X", serviceObjectId = shop.Id() });
        var spare = await admin.PostJsonAsync("/api/v1/equipment", new { companyId = company, type = "Принтер", serialNumber = "PRN-7799" });
        var foreign = await admin.PostJsonAsync("/api/v1/equipment", new { companyId = other, type = "Сервер", serialNumber = "SRV-1" });

        // Equipment alone brings its object; history rows say so.
        var ticket = await admin.CreateTicketAsync("Принтер не печатает", "boss@romashka.example", new { equipmentId = printer.Id() });
        Assert.Equal(printer.Id(), ticket.GetProperty("equipmentId").GetInt64());
        Assert.Equal(shop.Id(), ticket.GetProperty("serviceObjectId").GetInt64());
        var history = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history?limit=100")).Items();
        Assert.Contains(history, h => h.GetProperty("field").GetString() == "equipment" && h.Str("newValue") == printer.Id().ToString());

        // Another company's equipment is refused, on creation and on a change; so is equipment named with another object.
        var refused = await (await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Чужой сервер", body = "?", customer = new { id = contact }, equipmentId = foreign.Id(),
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("equipment.other_company", Code(refused, "equipmentId"));
        var changeRefused = await (await admin.PatchAsJsonAsync($"/api/v1/tickets/{ticket.Id()}", new { equipmentId = foreign.Id() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("equipment.other_company", Code(changeRefused, "equipmentId"));
        var mismatch = await (await admin.PatchAsJsonAsync($"/api/v1/tickets/{ticket.Id()}", new { serviceObjectId = office.Id(), equipmentId = printer.Id() }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("equipment.not_at_object", Code(mismatch, "equipmentId"));
        var noCompany = await (await admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "Без компании", body = "?", customer = new { email = "stranger@example.com" }, serviceObjectId = shop.Id(),
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("service_object.other_company", Code(noCompany, "serviceObjectId"));

        // Changing the object drops equipment that stands elsewhere; in-stock equipment keeps the object.
        var moved = await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { serviceObjectId = office.Id() });
        Assert.Equal(office.Id(), moved.GetProperty("serviceObjectId").GetInt64());
        Assert.Equal(JsonValueKind.Null, moved.GetProperty("equipmentId").ValueKind);
        var withSpare = await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { equipmentId = spare.Id() });
        Assert.Equal(office.Id(), withSpare.GetProperty("serviceObjectId").GetInt64());
        Assert.Equal(spare.Id(), withSpare.GetProperty("equipmentId").GetInt64());
        var second = await admin.CreateTicketAsync("Снова принтер", "boss@romashka.example", new { equipmentId = spare.Id() });

        // Every ticket about the equipment and the object, newest first.
        Assert.Equal([second.Id(), ticket.Id()], (await admin.GetJsonAsync($"/api/v1/equipment/{spare.Id()}/tickets")).Items().Select(t => t.Id()).ToList());
        Assert.Equal([ticket.Id()], (await admin.GetJsonAsync($"/api/v1/service-objects/{office.Id()}/tickets")).Items().Select(t => t.Id()).ToList());

        // Serial search: normalised exact and prefix.
        static async Task<List<long>> Serial(HttpClient c, string q, bool exact = false) =>
            (await c.GetJsonAsync($"/api/v1/equipment?serial={Uri.EscapeDataString(q)}{(exact ? "&exact=true" : "")}")).Items().Select(e => e.Id()).ToList();
        Assert.Equal([printer.Id()], await Serial(admin, "prn 7788x", exact: true));
        Assert.Equal([printer.Id(), spare.Id()], await Serial(admin, "PRN-77"));
        Assert.Equal([spare.Id()], await Serial(admin, "prn779"));
        Assert.Empty(await Serial(admin, "PRN-7788", exact: true));
        Assert.Equal([foreign.Id()], await Serial(admin, "srv"));
    }

    [Theory]
    [BothDatabases]
    public async Task Import_reports_refused_rows_and_an_export_imports_back_the_same(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (company, _) = await CompanyWithContactAsync(admin, "Ромашка", "boss@romashka.example");

        var objectsCsv = "company_id;name;kind;address;latitude;longitude;working_hours\n"
            + $"{company};Магазин №1;shop;Тверская, 7;55.75;37.61;9-21\n"
            + $"{company};=HYPERLINK(\"http://evil\");office;;;;\n"
            + $"{company};;shop;;;;\n"                    // row 4: no name
            + "999999;Чужой;shop;;;;\n"                      // row 5: no such company
            + $"{company};Далеко;site;;95;10;\n"           // row 6: latitude out of range
            + $"{company};Тип;castle;;;;\n";               // row 7: unknown kind
        var result = await (await admin.PostAsync("/api/v1/service-objects/import", new StringContent(objectsCsv, Encoding.UTF8, "text/csv")))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        var refused = result.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.Str("field"), r.Str("code"))).ToList();
        Assert.Equal([(4, "name", "field.required"), (5, "company_id", "service_object.import_company_unknown"), (6, "latitude", "field.out_of_range"),
            (7, "kind", "field.not_one_of")], refused);

        var equipmentCsv = "company,object,type,serial_number,warranty_end,parameters\n"
            + "Ромашка,Магазин №1,ККТ,SN-1,2027-05-01,ip=10.0.0.5; fw=1.2\n"
            + "Ромашка,Нет такого,ККТ,SN-2,,\n"          // row 3: unknown object
            + "Ромашка,,Сканер,-SN-3,31.12.2026,\n"
            + "Ромашка,,Сканер,SN-4,завтра,\n";          // row 5: bad date
        var equipment = await (await admin.PostAsync("/api/v1/equipment/import", new StringContent(equipmentCsv, Encoding.UTF8, "text/csv")))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, equipment.GetProperty("accepted").GetInt32());
        Assert.Equal([3, 5], equipment.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).ToList());
        var imported = (await admin.GetJsonAsync($"/api/v1/equipment?serial=SN-1&exact=true")).Items().Single();
        Assert.Equal("Магазин №1", imported.Str("serviceObjectName"));
        Assert.Equal("10.0.0.5", imported.GetProperty("parameters")[0].Str("value"));

        // Hostile files: binary junk and a missing column are one clear error each; nothing is written.
        var junk = await (await admin.PostAsync("/api/v1/equipment/import", new ByteArrayContent([0x50, 0x4B, 3, 4, 0xFF, 0, 1, 2])))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("service_object.import_unreadable", Code(junk, "file"));
        var noType = await (await admin.PostAsync("/api/v1/equipment/import", new StringContent("company,serial_number\nРомашка,X\n", Encoding.UTF8, "text/csv")))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("service_object.import_missing_column", Code(noType, "file"));

        // The export neutralises formulas and imports back as the same rows (CSV, then XLSX, each doubling the company's rows).
        foreach (var (format, rows) in new[] { ("csv", 2), ("xlsx", 4) })
        {
            var exported = await (await admin.GetAsync($"/api/v1/equipment/export?companyId={company}&format={format}")).Content.ReadAsByteArrayAsync();
            if (format == "csv") Assert.Contains("'-SN-3", Encoding.UTF8.GetString(exported));
            var again = await (await admin.PostAsync("/api/v1/equipment/import", new ByteArrayContent(exported))).JsonAsync(HttpStatusCode.OK);
            Assert.Empty(again.GetProperty("refused").EnumerateArray());
            Assert.Equal(rows, again.GetProperty("accepted").GetInt32());
            var objectsExport = await (await admin.GetAsync($"/api/v1/service-objects/export?companyId={company}&format={format}")).Content.ReadAsByteArrayAsync();
            if (format == "csv") Assert.Contains("'=HYPERLINK", Encoding.UTF8.GetString(objectsExport));
            var objectsAgain = await (await admin.PostAsync("/api/v1/service-objects/import", new ByteArrayContent(objectsExport))).JsonAsync(HttpStatusCode.OK);
            Assert.Empty(objectsAgain.GetProperty("refused").EnumerateArray());
            Assert.Equal(rows, objectsAgain.GetProperty("accepted").GetInt32());
        }
        var all = (await admin.GetJsonAsync($"/api/v1/equipment?companyId={company}&limit=100")).Items();
        Assert.Equal(8, all.Count);
        Assert.Equal(4, all.Count(e => e.Str("serialNumber") == "-SN-3" && e.Str("warrantyEnd") == "2026-12-31"));
        Assert.Equal(4, all.Count(e => e.Str("serialNumber") == "SN-1" && e.Str("warrantyEnd") == "2027-05-01"
            && e.GetProperty("parameters").GetArrayLength() == 2 && e.Str("serviceObjectName") == "Магазин №1"));
        var objects = (await admin.GetJsonAsync($"/api/v1/service-objects?companyId={company}&limit=100")).Items();
        Assert.Equal(8, objects.Count);
        Assert.Equal(4, objects.Count(o => o.Str("name") == "=HYPERLINK(\"http://evil\")" && o.Str("kind") == "office"));
        Assert.Equal(4, objects.Count(o => o.Str("name") == "Магазин №1" && o.GetProperty("latitude").GetDouble() == 55.75 && o.Str("workingHours") == "9-21"));
    }
}
