using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.IntegrationTests.Admin;

/// <summary>The agent's own profile through /api/v1/me: password change, picture checks, signatures in replies.</summary>
public sealed class MyProfileTests
{
    private const string Password = "agent-password-1";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static async Task<(long Id, string Email, HttpClient Client)> AgentAsync(OknoFactory app, HttpClient admin)
    {
        var email = $"agent-{Guid.NewGuid():N}@test.okno";
        var agent = await admin.PostJsonAsync("/api/v1/agents", new { email, name = "Мария", role = "agent", password = Password });
        return (agent.Id(), email, await app.ClientAsync(email, Password));
    }

    private static async Task<HttpStatusCode> TokenStatusAsync(OknoFactory app, string email, string password) =>
        (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password })).StatusCode;

    [Theory]
    [BothDatabases]
    public async Task A_wrong_current_password_is_refused_with_a_code_and_a_right_one_changes_it_and_ends_the_other_sessions(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (_, email, agent) = await AgentAsync(app, admin);
        var otherDevice = await app.ClientAsync(email, Password);

        var wrong = await (await agent.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "not-my-password", newPassword = "new-password-22" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("profile.wrong_password", wrong.GetProperty("errorCodes").GetProperty("currentPassword")[0].Str("code"));
        var weak = await (await agent.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Password, newPassword = "short" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.too_short", weak.GetProperty("errorCodes").GetProperty("newPassword")[0].Str("code"));
        // Refusals change nothing: the old password still works, the other device is still signed in.
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(app, email, Password));

        await (await agent.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Password, newPassword = "new-password-22" }))
            .JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherDevice.GetAsync("/api/v1/me")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, await TokenStatusAsync(app, email, Password));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync(app, email, "new-password-22"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_picture_is_checked_by_its_content_and_served_as_an_image_that_is_not_sniffed(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (id, _, agent) = await AgentAsync(app, admin);

        // A text file renamed .png and claimed to be a PNG.
        var text = new ByteArrayContent("<script>alert(1)</script> just text"u8.ToArray());
        text.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        text.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "me.png" };
        var refused = await (await agent.PutAsync("/api/v1/me/avatar", text)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("profile.avatar_not_an_image", refused.GetProperty("errorCodes").GetProperty("avatar")[0].Str("code"));
        // A real PNG header followed by more than 1 MB.
        var huge = new byte[1024 * 1024 + 10];
        Png.CopyTo(huge, 0);
        var tooLarge = await (await agent.PutAsync("/api/v1/me/avatar", new ByteArrayContent(huge))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("profile.avatar_too_large", tooLarge.GetProperty("errorCodes").GetProperty("avatar")[0].Str("code"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await agent.GetJsonAsync("/api/v1/me")).GetProperty("avatarUrl").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/agents/{id}/avatar")).StatusCode);

        var set = await (await agent.PutAsync("/api/v1/me/avatar", new ByteArrayContent(Png))).JsonAsync(HttpStatusCode.OK);
        Assert.StartsWith($"/api/v1/agents/{id}/avatar?v=", set.Str("avatarUrl"));
        var served = await admin.GetAsync($"/api/v1/agents/{id}/avatar");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(served.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [BothDatabases]
    public async Task A_reply_carries_the_signature_in_the_customers_language_and_a_note_does_not(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (_, _, agent) = await AgentAsync(app, admin);
        var profile = await agent.PatchAsync("/api/v1/me", new { signatureRu = "С уважением,\nМария, служба поддержки", signatureEn = "Best regards,\nMaria, support" });
        Assert.Equal("Best regards,\nMaria, support", profile.Str("signatureEn"));
        var invalid = await (await agent.PatchAsJsonAsync("/api/v1/me", new { language = "de" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("language", invalid.ErrorFields());

        var russian = await admin.CreateTicketAsync("Не работает принтер в бухгалтерии");
        var english = await admin.CreateTicketAsync("The printer is broken", extra: new { body = "Hello, our printer does not print at all." });
        var toRussian = await agent.PostJsonAsync($"/api/v1/tickets/{russian.Id()}/messages", new { body = "Проверим сегодня." });
        var toEnglish = await agent.PostJsonAsync($"/api/v1/tickets/{english.Id()}/messages", new { body = "We will check today." });
        var note = await agent.PostJsonAsync($"/api/v1/tickets/{russian.Id()}/messages", new { body = "Заметка для коллег", @internal = true });

        Assert.Equal("Проверим сегодня.\n\n-- \nС уважением,\nМария, служба поддержки", toRussian.Str("bodyText"));
        Assert.Contains("<p>-- <br>С уважением,<br>Мария, служба поддержки</p>", toRussian.Str("bodyHtml"));
        Assert.Equal("We will check today.\n\n-- \nBest regards,\nMaria, support", toEnglish.Str("bodyText"));
        Assert.Equal("Заметка для коллег", note.Str("bodyText"));

        // A signature is text, never markup.
        await agent.PatchAsync("/api/v1/me", new { signatureRu = "<img src=x onerror=alert(1)>" });
        var escaped = await agent.PostJsonAsync($"/api/v1/tickets/{russian.Id()}/messages", new { body = "Ещё ответ" });
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", escaped.Str("bodyHtml"));
    }
}
