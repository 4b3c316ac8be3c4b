using System.Net;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Microsoft.Extensions.DependencyInjection;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.Tests.Platform;

public sealed class PlatformEndpointsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task Health_reports_database_and_disk_as_json()
    {
        var health = await okno.Admin.GetJsonAsync("/health");
        Assert.Equal("healthy", health.Str("status"));
        var checks = health.GetProperty("checks");
        Assert.Equal("sqlite", checks.GetProperty("database").GetProperty("data").Str("provider"));
        Assert.True(checks.GetProperty("disk").GetProperty("data").GetProperty("freeBytes").GetInt64() > 0);
        Assert.True(checks.GetProperty("database").GetProperty("data").GetProperty("sizeBytes").GetInt64() > 0);
        var jobs = checks.GetProperty("jobs").GetProperty("data");
        Assert.InRange(jobs.GetProperty("ticket-count-compaction").GetProperty("lagSeconds").GetDouble(), 0, 5);
        Assert.True(jobs.TryGetProperty("ticket-search-backfill", out _));
    }

    [Fact]
    public async Task A_job_late_by_more_than_five_minutes_turns_health_degraded()
    {
        // The real scheduler, read ten minutes from now: the compaction (due within 30 s) is then 9.5 minutes late.
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(10));
        var states = new Okno.Platform.Jobs.JobStates(okno.App.Services.GetRequiredService<Quartz.ISchedulerFactory>(),
            okno.App.Services.GetRequiredService<Quartz.Extensibility.IExecutionHistoryStore>(), later);
        var compaction = (await states.ReadAsync(CancellationToken.None)).Single(j => j.Name == "ticket-count-compaction");
        Assert.InRange(compaction.LagSeconds, 9 * 60, 10 * 60);

        var result = await new Okno.Platform.Health.JobsHealthCheck(states).CheckHealthAsync(new());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, result.Status);
        Assert.Contains("ticket-count-compaction is late", result.Description);
        var onTime = await new Okno.Platform.Health.JobsHealthCheck(okno.App.Services.GetRequiredService<Okno.Platform.Jobs.JobStates>())
            .CheckHealthAsync(new());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, onTime.Status);
    }

    [Fact]
    public async Task OpenApi_document_and_docs_page_describe_the_api()
    {
        var client = okno.App.CreateClient();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/tickets", paths);
        Assert.Contains("/api/v1/tickets/{id}/messages", paths);
        Assert.Contains("/api/v1/auth/token", paths);
        var components = document.GetProperty("components");
        Assert.True(components.GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        var schemas = components.GetProperty("schemas");
        Assert.Equal(["customer", "subject"],
            schemas.GetProperty("CreateTicketRequest").GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.False(schemas.GetProperty("ChangeTicketRequest").TryGetProperty("required", out var required) && required.GetArrayLength() > 0);
        Assert.Contains("on_hold", schemas.GetProperty("OptionalOfTicketStatus").GetProperty("enum").EnumerateArray().Select(e => e.ToString()));
        var docs = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Fact]
    public async Task Home_page_renders_in_russian_and_english()
    {
        var client = okno.App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU");
        Assert.Contains("Окно работает", await client.GetStringAsync("/"));
        Assert.Contains("Okno is running", await client.GetStringAsync("/?culture=en"));
    }

    [Fact]
    public async Task Pages_link_styles_and_scripts_that_are_served()
    {
        var client = okno.App.CreateClient();
        var html = await client.GetStringAsync("/signin");
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"([^\"]+\\.(?:css|js|svg))\"")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(assets, a => a.Contains("MudBlazor") && a.EndsWith(".css"));
        Assert.Contains(assets, a => a.StartsWith("app") && a.EndsWith(".css"));
        foreach (var asset in assets)
            Assert.True((await client.GetAsync("/" + asset.TrimStart('/'))).IsSuccessStatusCode, $"{asset} is not served");
    }

    [Fact]
    public async Task History_is_append_only()
    {
        var ticket = await okno.Admin.CreateTicketAsync("History stays");
        await using var scope = okno.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var first = await db.TicketEvents.FirstAsync(e => e.TicketId == ticket.Id());
        db.Entry(first).Property(e => e.NewValue).CurrentValue = "rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.TicketEvents.Remove(await db.TicketEvents.FirstAsync(e => e.TicketId == ticket.Id()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
