using System.Net;
using System.Net.Http.Headers;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>What strangers see of /health: the overall status only. Details (data path, disk, database size, jobs and
/// their errors) and /health/metrics are for admins, the monitoring token and listed networks.</summary>
public sealed class HealthAccessTests : IAsyncLifetime
{
    private const string Token = "monitoring-token-0123456789";
    private readonly OknoFactory _app = OknoFactory.Sqlite(new()
    {
        ["Okno:Health:Token"] = Token,
        ["Okno:Health:Networks:0"] = "10.20.0.0/16",
        ["Okno:Health:Networks:1"] = "2001:db8::/32",
    }, ClientAddress.Register);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Client(string? address = null, string? bearer = null)
    {
        var client = _app.CreateClient();
        if (address is not null) client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    private static async Task AssertStatusOnlyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("{\"status\":\"healthy\"}", text);
    }

    private static async Task AssertDetailsAsync(HttpClient client)
    {
        var health = await client.GetJsonAsync("/health");
        Assert.Equal("healthy", health.Str("status"));
        var checks = health.GetProperty("checks");
        Assert.False(string.IsNullOrEmpty(checks.GetProperty("disk").GetProperty("data").Str("path")));
        Assert.True(checks.GetProperty("jobs").GetProperty("data").TryGetProperty("ticket-count-compaction", out _));
        var metrics = await client.GetAsync("/health/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("okno_health_status{check=\"overall\"}", await metrics.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_callers_get_the_status_only_and_no_metrics()
    {
        foreach (var client in new[] { Client(), Client("127.0.0.1"), Client("::1"), Client("10.21.0.1"), Client("192.0.2.1", bearer: "wrong-token") })
        {
            await AssertStatusOnlyAsync(client);
            var metrics = await client.GetAsync("/health/metrics");
            Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
            var problem = await metrics.JsonAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("unauthorized", problem.Str("code"));
            Assert.DoesNotContain("okno_", problem.GetRawText());
        }
    }

    [Fact]
    public async Task A_signed_in_agent_who_is_not_an_admin_gets_the_status_only_and_metrics_are_forbidden()
    {
        var admin = await _app.AdminClientAsync();
        var (_, agent) = await _app.CreateAgentAsync(admin);
        await AssertStatusOnlyAsync(agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/health/metrics")).StatusCode);
    }

    [Fact]
    public async Task Admins_the_monitoring_token_and_listed_networks_see_details_and_metrics()
    {
        await AssertDetailsAsync(await _app.AdminClientAsync());
        await AssertDetailsAsync(Client(bearer: Token));
        await AssertDetailsAsync(Client("10.20.3.4"));
        await AssertDetailsAsync(Client("::ffff:10.20.3.4"));
        await AssertDetailsAsync(Client("2001:db8::1"));
    }

    [Fact]
    public void A_network_list_that_is_not_cidr_stops_the_start()
    {
        using var broken = OknoFactory.Sqlite(new() { ["Okno:Health:Networks:0"] = "10.0.0.0/99" });
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("Okno:Health:Networks", error.ToString());
    }
}
