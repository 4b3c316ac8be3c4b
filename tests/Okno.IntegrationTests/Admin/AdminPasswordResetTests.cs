using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Okno.Admin;
using Okno.Testing;

namespace Okno.IntegrationTests.Admin;

/// <summary><c>reset-admin-password</c> on both databases: the admin signs in with the new password (generated and
/// printed, or read from standard input), no longer with the old one, and their existing tokens end; a wrong email or a
/// too short password changes nothing.</summary>
public sealed partial class AdminPasswordResetTests
{
    [Theory]
    [BothDatabases]
    public async Task Generated_password_is_printed_once_and_signs_the_admin_in_and_the_old_one_and_old_tokens_stop(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var before = await app.AdminClientAsync();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await AdminPasswordReset.RunAsync(app.Services, "  " + OknoFactory.AdminEmail.ToUpperInvariant(), null, output, errors);

        Assert.True(exit == AdminPasswordReset.Done, errors.ToString());
        var password = PrintedPassword().Match(output.ToString()).Groups[1].Value;
        Assert.True(password.Length >= AgentRules.MinPasswordLength, output.ToString());
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app, password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app, OknoFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/tickets")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task Password_from_standard_input_is_set(string provider)
    {
        await using var app = OknoFactory.For(provider);
        const string chosen = "chosen from stdin 42";

        var exit = await AdminPasswordReset.RunAsync(app.Services, OknoFactory.AdminEmail, new StringReader(chosen + "\n"), new StringWriter(), new StringWriter());

        Assert.Equal(AdminPasswordReset.Done, exit);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app, chosen)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(app, OknoFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task Unknown_email_non_admin_and_short_password_change_nothing()
    {
        await using var app = OknoFactory.Sqlite();
        var admin = await app.AdminClientAsync();
        var (id, agentClient) = await app.CreateAgentAsync(admin);
        var agentEmail = (await admin.GetJsonAsync($"/api/v1/agents/{id}")).Str("email");

        var errors = new StringWriter();
        Assert.Equal(AdminPasswordReset.Refused, await AdminPasswordReset.RunAsync(app.Services, "nobody@test.okno", null, new StringWriter(), errors));
        Assert.Contains("nobody@test.okno", errors.ToString());
        Assert.Equal(AdminPasswordReset.Refused, await AdminPasswordReset.RunAsync(app.Services, agentEmail, null, new StringWriter(), new StringWriter()));
        Assert.Equal(AdminPasswordReset.Refused,
            await AdminPasswordReset.RunAsync(app.Services, OknoFactory.AdminEmail, new StringReader("short\n"), new StringWriter(), new StringWriter()));
        Assert.Equal(AdminPasswordReset.Refused,
            await AdminPasswordReset.RunAsync(app.Services, OknoFactory.AdminEmail, new StringReader(""), new StringWriter(), new StringWriter()));

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app, OknoFactory.AdminPassword)).StatusCode);
        // The agent's own token outlived the refusal: nothing was revoked.
        Assert.Equal(HttpStatusCode.OK, (await agentClient.GetAsync("/api/v1/tickets")).StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(OknoFactory app, string password) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = OknoFactory.AdminEmail, password });

    [GeneratedRegex(@"New password for \S+: (\S+)")]
    private static partial Regex PrintedPassword();
}
