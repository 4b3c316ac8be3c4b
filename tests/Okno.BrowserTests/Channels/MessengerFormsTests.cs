using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Channels;
using Okno.Testing;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests.Channels;

/// <summary>The channel dialog's VK and connector forms: a VK community added field by field (a missing secret key shown
/// at its field), and a connector whose secret, shown by the form before saving, is the one that signs.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class MessengerFormsTests(OknoInChromium okno)
{
    [Fact]
    public Task An_admin_adds_a_vk_community_and_a_connector_whose_shown_secret_signs_its_messages() => okno.InPageAsync("ru-RU", async tab =>
    {
        var page = tab.Page;
        var vkName = "ВК " + Guid.NewGuid().ToString("N")[..6];
        await tab.SignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword, "/admin/channels");

        await OpenDialogAsync(page);
        await page.ChooseAsync("#channel-kind", "vk");
        await Expect(page.Locator("#vk-settings")).ToBeVisibleAsync();
        await page.Locator("#channel-name").FillAsync(vkName);
        await page.Locator("#vk-groupId").FillAsync("229000111");
        await page.Locator("#vk-confirmationCode").FillAsync("a1b2c3d4");
        await page.Locator("#vk-accessToken").FillAsync("vk1.a.token");
        await page.Locator("#channel-save").ClickAsync();
        // The secret key is required: said at its field, nothing stored.
        await Expect(page.FieldError("vk-secretKey")).ToBeVisibleAsync();
        Assert.False(await okno.App.WithDbAsync(db => db.Set<ChannelAccount>().AnyAsync(a => a.Name == vkName)));
        await page.Locator("#vk-secretKey").FillAsync("community-secret");
        await tab.ScreenshotAsync("vk");
        await page.Locator("#channel-save").ClickAsync();
        await Expect(page.Locator("#channel-dialog")).ToHaveCountAsync(0);
        var admin = await okno.App.AdminClientAsync();
        var vkId = await okno.App.WithDbAsync(db => db.Set<ChannelAccount>().Where(a => a.Name == vkName).Select(a => a.Id).SingleAsync());
        var vk = (await admin.GetJsonAsync($"/api/v1/channels/{vkId}")).GetProperty("settings");
        Assert.Equal(229000111, vk.GetProperty("groupId").GetInt64());
        Assert.True(vk.GetProperty("secretKey").GetProperty("set").GetBoolean());
        Assert.True(vk.GetProperty("accessToken").GetProperty("set").GetBoolean());

        var name = "Мост " + Guid.NewGuid().ToString("N")[..6];
        await OpenDialogAsync(page);
        await page.ChooseAsync("#channel-kind", "connector");
        await Expect(page.Locator("#connector-settings")).ToBeVisibleAsync();
        await page.Locator("#channel-name").FillAsync(name);
        await page.Locator("#connector-messenger").FillAsync("Viber");
        await page.Locator("#connector-callbackUrl").FillAsync("https://bridge.example/okno");
        var secret = await page.Locator("#connector-secret").InputValueAsync();
        Assert.Equal(43, secret.Length);
        await tab.ScreenshotAsync("connector");
        await page.Locator("#channel-save").ClickAsync();
        await Expect(page.Locator("#channel-dialog")).ToHaveCountAsync(0);
        var id = await okno.App.WithDbAsync(db => db.Set<ChannelAccount>().Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

        // The bridge signs with what the form showed: accepted.
        var body = "{\"conversationId\":\"c1\",\"userId\":\"viber:1\",\"messageId\":\"m1\",\"text\":\"Здравствуйте\"}";
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{id}/inbound") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Okno-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Okno-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{ts}.{body}"))));
        var answer = await okno.App.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    });

    /// <summary>Opens the add dialog; a click that lands before the page is interactive (a loaded machine, the first test
    /// of a run) opens nothing and is made again.</summary>
    private static async Task OpenDialogAsync(Microsoft.Playwright.IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("#channel-create").ClickAsync();
            try
            {
                await Expect(page.Locator("#channel-kind")).ToBeVisibleAsync(new() { Timeout = 10_000 });
                return;
            }
            catch (Microsoft.Playwright.PlaywrightException) when (attempt < 3)
            {
            }
        }
    }
}
