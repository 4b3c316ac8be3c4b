using System.Net;
using Microsoft.AspNetCore.TestHost;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>The agent UI's real-time connection (Blazor's /_blazor hub) refuses a page of another site: the negotiate
/// request and the WebSocket handshake with a foreign Origin get 403; this site's own origin, a configured one, or no
/// Origin at all (not a browser page) pass.</summary>
public sealed class HubOriginTests : IAsyncLifetime
{
    private readonly OknoFactory _app = OknoFactory.Sqlite(new() { ["Okno:AllowedOrigins:0"] = "https://desk.example.com" });

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpStatusCode> NegotiateAsync(string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null) request.Headers.Add("Origin", origin);
        return (await _app.CreateClient().SendAsync(request)).StatusCode;
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost:8080")]
    [InlineData("null")]
    [InlineData("file://")]
    public async Task Negotiate_from_a_foreign_origin_is_refused(string origin) =>
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(origin));

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("https://desk.example.com")]
    [InlineData(null)]
    public async Task Negotiate_from_this_site_a_configured_origin_or_no_origin_is_accepted(string? origin) =>
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(origin));

    [Fact]
    public async Task A_websocket_handshake_from_a_foreign_origin_is_refused_and_from_this_site_accepted()
    {
        var foreign = _app.Server.CreateWebSocketClient();
        foreign.ConfigureRequest = r => r.Headers.Origin = "https://evil.example";
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => foreign.ConnectAsync(new Uri(_app.Server.BaseAddress, "_blazor?id=x"), default));
        Assert.Contains("403", refused.Message);

        var own = _app.Server.CreateWebSocketClient();
        own.ConfigureRequest = r => r.Headers.Origin = "http://localhost";
        // Past the origin check, the hub itself answers (an unknown connection id is its own refusal, not a 403).
        var answer = await Record.ExceptionAsync(() => own.ConnectAsync(new Uri(_app.Server.BaseAddress, "_blazor?id=x"), default));
        Assert.DoesNotContain("403", answer?.Message ?? "");
    }
}
