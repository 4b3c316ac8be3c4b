using Microsoft.Playwright;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Customers;

/// <summary>Issue 20, part "objectsui": the equipment page reached from a serial search, and a move made there; the object
/// and equipment pickers on a ticket.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ServiceObjectPagesTests(OknoInChromium okno)
{
    /// <summary>Types into a MudAutocomplete and clicks the suggestion that contains <paramref name="text"/>; typed again
    /// when no suggestion shows (text typed while the circuit redraws the field can be lost).</summary>
    private static async Task PickAsync(IPage page, string inputId, string typed, string text)
    {
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First;
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator($"#{inputId}").FillAsync(typed);
            try
            {
                await item.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await page.Locator($"#{inputId}").FillAsync("");
            }
        }
        await item.ClickAsync();
    }

    [Fact]
    public Task A_serial_search_opens_the_equipment_page_where_it_is_moved() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Ромашка " + suffix, domain = $"romashka-{suffix}.test" });
        var shop = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = company.Id(), name = "Магазин " + suffix, kind = "shop" });
        var office = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = company.Id(), name = "Офис " + suffix, kind = "office" });
        var serial = $"BRW{suffix}-77".ToUpperInvariant();
        var printer = await admin.PostJsonAsync("/api/v1/equipment", new
        {
            companyId = company.Id(), type = "Принтер", manufacturer = "Kyocera", model = "M2040dn", serialNumber = serial, serviceObjectId = shop.Id(),
            warrantyEnd = "2099-12-31",
        });
        var ticket = await admin.CreateTicketAsync("Замятие бумаги " + suffix, $"ivan@romashka-{suffix}.test", new { equipmentId = printer.Id() });

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/search?q={Uri.EscapeDataString(serial)}");
        var hit = page.Locator($"#search-equipment .search-equipment-row[data-equipment-id='{printer.Id()}'] a");
        await Expect(hit).ToContainTextAsync("Kyocera M2040dn");
        await hit.ClickAsync();

        await Expect(page.Locator("#equipment-page-title")).ToContainTextAsync("Kyocera M2040dn");
        await Expect(page.Locator("#equipment-stands-at")).ToHaveTextAsync("Магазин " + suffix);
        await Expect(page.Locator("#equipment-warranty")).ToContainTextAsync("На гарантии");
        await Expect(page.Locator($"#equipment-ticket-list .object-ticket[data-ticket-id='{ticket.Id()}']")).ToContainTextAsync("Замятие бумаги");

        // The comment first: the pick redraws the panel.
        await page.Locator("#equipment-move-comment").FillAsync("На ремонт");
        await Expect(page.Locator("#equipment-move-comment")).ToHaveValueAsync("На ремонт");
        // Typed short: the whole name in the box is then the picker's own text for the chosen object, so the choice has
        // reached the server before "Move" is clicked (typed in full, a CI run moved the printer to stock).
        await PickAsync(page, "equipment-move-to", "Офис", "Офис " + suffix);
        await Expect(page.Locator("#equipment-move-to")).ToHaveValueAsync("Офис " + suffix);
        await page.Locator("#equipment-move").ClickAsync();
        await Expect(page.Locator("#equipment-stands-at")).ToHaveTextAsync("Офис " + suffix);
        await Expect(page.Locator("#equipment-moves .equipment-move-row")).ToHaveCountAsync(1);
        await Expect(page.Locator("#equipment-moves")).ToContainTextAsync("На ремонт");
        await tab.ScreenshotAsync("equipment-moved");
        Assert.Equal(office.Id(), (await admin.GetJsonAsync($"/api/v1/equipment/{printer.Id()}")).GetProperty("serviceObjectId").GetInt64());
    });

    [Fact]
    public Task Object_and_equipment_are_picked_on_a_ticket_among_its_companys() => okno.InPageAsync("en-US", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme " + suffix, domain = $"acme-{suffix}.test" });
        var other = await admin.PostJsonAsync("/api/v1/companies", new { name = "Other " + suffix });
        var plant = await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = company.Id(), name = "Plant " + suffix, kind = "site" });
        await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = other.Id(), name = "Plant of other " + suffix });
        var press = await admin.PostJsonAsync("/api/v1/equipment", new
        {
            companyId = company.Id(), type = "Press", serialNumber = $"PR-{suffix}", serviceObjectId = plant.Id(),
        });
        var ticket = await admin.CreateTicketAsync("Line stopped " + suffix, $"olga@acme-{suffix}.test");

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/tickets/{ticket.Id()}");
        await Expect(page.Locator("#ticket-object-panel")).ToBeVisibleAsync();
        // Only the ticket company's objects are offered.
        await page.Locator("#ticket-object-picker").FillAsync("Plant");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Plant " + suffix }).First).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Plant of other" })).ToHaveCountAsync(0);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Plant " + suffix }).First.ClickAsync();
        // The link shows once the change is saved (the panel reads the changed ticket).
        await Expect(page.Locator("#ticket-object-link")).ToBeVisibleAsync();
        Assert.Equal(plant.Id(), (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).GetProperty("serviceObjectId").GetInt64());

        await PickAsync(page, "ticket-equipment-picker", $"PR-{suffix}", $"PR-{suffix}");
        await Expect(page.Locator("#ticket-equipment-link")).ToBeVisibleAsync();
        var changed = await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal(press.Id(), changed.GetProperty("equipmentId").GetInt64());
        Assert.Equal(plant.Id(), changed.GetProperty("serviceObjectId").GetInt64());
        await tab.ScreenshotAsync("ticket-object-picked");
    });

    [Fact]
    public Task An_uploaded_file_is_imported_with_the_report_of_refused_rows() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var admin = await okno.App.AdminClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var company = await admin.PostJsonAsync("/api/v1/companies", new { name = "Сбер " + suffix, requisites = new { inn = "7707083893" } });
        var csv = "company_id;company_inn;name;address\n"
            + $"{company.Id()};;Отделение {suffix};Москва, Вавилова, 19\n"
            + $";0000000000;Чужое {suffix};\n";     // row 3: no company has this INN

        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, $"/service-objects?companyId={company.Id()}");
        await Expect(page.Locator("#objects-empty")).ToBeVisibleAsync();
        // InputFile listens only once its script has started (after the first interactive render, late on a busy
        // machine): a file set before is lost, so it is set again when no answer comes.
        var answer = page.Locator("#import-result, #import-error");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.WaitForFunctionAsync("() => document.querySelector('#import-file')?._blazorInputFileNextFileId !== undefined",
                    null, new() { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
            }
            await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
            {
                Name = "objects.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
            });
            try
            {
                await answer.First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        Assert.False(await page.Locator("#import-error").IsVisibleAsync(), await page.Locator("#objects-import").InnerTextAsync());
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Загружено: 1; отклонено строк: 1.");
        var refused = page.Locator("#import-refused .import-refused-row");
        await Expect(refused).ToHaveCountAsync(1);
        await Expect(refused.First).ToHaveAttributeAsync("data-row", "3");
        await Expect(refused.First).ToContainTextAsync("Нет компании с таким ИНН");
        await Expect(page.Locator("#objects-table .object-row").First).ToContainTextAsync("Отделение " + suffix);
        await tab.ScreenshotAsync("objects-imported");
    });
}
