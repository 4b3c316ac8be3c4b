using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Okno.Admin;
using Okno.Testing;

namespace Okno.IntegrationTests.Admin;

/// <summary>Sign-in counters and server-side sessions on both databases: a concurrent burst is counted exactly, and
/// sign-out, a password change and a deactivation end sessions (and tokens) at once.</summary>
public sealed class SignInStorageTests
{
    private const string AgentPassword = "agent-password-1";

    [Theory]
    [BothDatabases]
    public async Task A_burst_of_30_concurrent_wrong_guesses_for_one_account_and_address_counts_exactly_30(string provider)
    {
        // Waits and the password-check limit out of the way, so that every one of the 30 is checked and counted.
        await using var app = OknoFactory.For(provider, new()
        {
            ["Okno:SignIn:PairFreeFailures"] = "1000", ["Okno:SignIn:AccountFreeFailures"] = "1000",
            ["Okno:SignIn:AddressFreeFailures"] = "1000", ["Okno:SignIn:PasswordChecks"] = "-1",
        }, TestAddresses.Register);
        var (id, _) = await app.CreateAgentAsync(await app.AdminClientAsync());
        var email = (await (await app.AdminClientAsync()).GetJsonAsync($"/api/v1/agents/{id}")).Str("email");

        using var start = new ManualResetEventSlim();
        var guesses = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            var client = app.Browser("10.7.0.1");
            start.Wait();
            return await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = $"wrong-{i}" });
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(guesses);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        await using var scope = app.Services.CreateAsyncScope();
        var throttling = scope.ServiceProvider.GetRequiredService<SignInThrottling>();
        Assert.Equal(30, await throttling.FailuresAsync(SignInThrottling.Key("pair", email, "10.7.0.1"), default));
        Assert.Equal(30, await throttling.FailuresAsync(SignInThrottling.Key("account", email), default));
        Assert.Equal(30, await throttling.FailuresAsync(SignInThrottling.Key("address", "10.7.0.1"), default));
    }

    [Theory]
    [BothDatabases]
    public async Task A_copied_cookie_stops_working_after_sign_out(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var browser = app.Browser();
        var signedIn = await browser.PageSignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword);
        var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", SignInHelpers.CookiesOf(signedIn));
        Assert.True(await copy.IsSignedInAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PageSignOutAsync()).StatusCode);
        var afterwards = await copy.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/signin", afterwards.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [BothDatabases]
    public async Task A_new_password_ends_every_session_and_token_of_the_agent_at_once(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (id, token) = await app.CreateAgentAsync(admin);
        var email = (await admin.GetJsonAsync($"/api/v1/agents/{id}")).Str("email");
        var office = app.Browser();
        var home = app.Browser();
        await office.PageSignInAsync(email, AgentPassword);
        await home.PageSignInAsync(email, AgentPassword);
        var adminBrowser = app.Browser();
        await adminBrowser.PageSignInAsync(OknoFactory.AdminEmail, OknoFactory.AdminPassword);
        Assert.True(await office.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me")).StatusCode);

        await admin.PatchAsync($"/api/v1/agents/{id}", new { password = "a-new-password-2" });

        Assert.False(await office.IsSignedInAsync());
        Assert.False(await home.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
        // Only that agent's: the admin who changed it is still in, and the new password works.
        Assert.True(await adminBrowser.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await app.Browser().PageSignInAsync(email, "a-new-password-2")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task Deactivation_ends_the_agents_cookie_and_tokens_at_once(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (id, token) = await app.CreateAgentAsync(admin);
        var email = (await admin.GetJsonAsync($"/api/v1/agents/{id}")).Str("email");
        var browser = app.Browser();
        await browser.PageSignInAsync(email, AgentPassword);
        Assert.True(await browser.IsSignedInAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/agents/{id}")).StatusCode);

        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
    }
}
