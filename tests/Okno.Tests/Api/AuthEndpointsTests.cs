using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Testing;

namespace Okno.Tests.Api;

public sealed class AuthEndpointsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task Token_for_right_password_opens_the_api()
    {
        var client = okno.App.CreateClient();
        var body = await (await client.PostAsJsonAsync("/api/v1/auth/token",
            new { email = OknoFactory.AdminEmail.ToUpperInvariant(), password = OknoFactory.AdminPassword })).JsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.Str("token"));
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal(OknoFactory.AdminEmail, me.Str("email"));
        Assert.Equal("admin", me.Str("role"));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_answer()
    {
        var client = okno.App.CreateClient();
        var wrong = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = OknoFactory.AdminEmail, password = "nope-nope-nope" }))
            .JsonAsync(HttpStatusCode.Unauthorized);
        var unknown = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "ghost@test.okno", password = "nope-nope-nope" }))
            .JsonAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(wrong.Str("detail"), unknown.Str("detail"));
        Assert.Equal(wrong.Str("title"), unknown.Str("title"));
    }

    [Fact]
    public async Task Missing_or_bad_token_is_401_problem()
    {
        var client = okno.App.CreateClient();
        var none = await client.GetAsync("/api/v1/tickets");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString());

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "okno_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/tickets")).StatusCode);
    }

    [Fact]
    public async Task Personal_token_works_is_stored_hashed_and_can_be_revoked()
    {
        var created = await okno.Admin.PostJsonAsync("/api/v1/me/tokens", new { name = "CI integration" });
        var token = created.Str("token");
        Assert.StartsWith("okno_", token);

        var client = okno.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var list = await okno.Admin.GetJsonAsync("/api/v1/me/tokens");
        var listed = Assert.Single(list.Items(), t => t.Id() == created.Id());
        Assert.False(listed.TryGetProperty("token", out _));
        var stored = await okno.App.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == created.Id()).Select(t => t.Hash).SingleAsync());
        Assert.NotEqual(token, stored);
        Assert.DoesNotContain(token, stored);

        Assert.Equal(HttpStatusCode.NoContent, (await okno.Admin.DeleteAsync($"/api/v1/me/tokens/{created.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_token()
    {
        var client = await okno.App.AdminClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Token_request_without_fields_names_them()
    {
        var problem = await (await okno.App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["email", "password"], problem.ErrorFields().Order());
    }
}

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_retry_after()
    {
        await using var app = OknoFactory.Sqlite(new() { ["Okno:Limits:SignInPermitLimit"] = "3", ["Okno:Limits:SignInWindowSeconds"] = "60" });
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "x@test.okno", password = "wrong-password" })).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = OknoFactory.AdminEmail, password = OknoFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must be set");
    }
}
