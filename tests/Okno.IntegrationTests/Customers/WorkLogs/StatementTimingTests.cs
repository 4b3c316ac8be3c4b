using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Okno.Customers.Contracts;
using Okno.Customers.WorkLogs;
using Okno.Testing;
using Xunit.Abstractions;

namespace Okno.IntegrationTests.Customers.WorkLogs;

/// <summary>A measurement, not a test: the statement of a company with 5,000 tickets in the month (2 lines each) among
/// other companies' lines, as JSON and as xlsx. Runs only with OKNO_MEASURE_STATEMENT=1 (it takes minutes to seed);
/// it prints the timings and asserts only the counts.</summary>
public sealed class StatementTimingTests(ITestOutputHelper output)
{
    [Theory]
    [BothDatabases]
    public async Task Statement_of_5000_tickets(string provider)
    {
        if (Environment.GetEnvironmentVariable("OKNO_MEASURE_STATEMENT") != "1") return;
        const int tickets = 5000;
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var acme = await admin.PostJsonAsync("/api/v1/companies", new { name = "Acme", domain = "acme.test" });
        var other = await admin.PostJsonAsync("/api/v1/companies", new { name = "Other", domain = "other.test" });
        var seed = Stopwatch.StartNew();
        var ids = new List<long>();
        for (var i = 0; i < tickets; i++) ids.Add((await admin.CreateTicketAsync($"Ticket {i}", $"c{i % 50}@acme.test")).Id());
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            var agent = await db.Set<Okno.Admin.Agent>().Select(a => a.Id).FirstAsync();
            // Acme's 10,000 lines in November, and 30,000 of another company across three months around it.
            for (var batch = 0; batch < 8; batch++)
            {
                var lines = new List<WorkLine>();
                for (var i = 0; i < tickets; i++)
                {
                    var company = batch < 2 ? acme.Id() : other.Id();
                    var at = batch < 2 ? start.AddMinutes(i * 8 + batch) : start.AddDays(-30 + batch * 8).AddMinutes(i);
                    lines.Add(new WorkLine
                    {
                        TicketId = ids[i], CompanyId = company, AgentId = agent, WorkedAt = at, ItemKind = PriceItemKind.Service, ItemName = "Engineer hour",
                        Unit = "hour", Minutes = 30, Quantity = 0.5m, UnitPrice = 2500m, Total = 1250m, BillableAmount = 1250m, Reason = "none",
                        CreatedAt = at, UpdatedAt = at,
                    });
                }
                db.AddRange(lines);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            return 0;
        });
        output.WriteLine($"{provider}: seeded {tickets} tickets and 40,000 lines in {seed.Elapsed.TotalSeconds:0} s");
        var json = new List<double>();
        var xlsx = new List<double>();
        for (var run = 0; run < 6; run++)
        {
            var watch = Stopwatch.StartNew();
            var statement = await admin.GetJsonAsync($"/api/v1/companies/{acme.Id()}/statements/2026-11");
            json.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(tickets, statement.GetProperty("tickets").GetArrayLength());
            Assert.Equal(tickets * 2 * 1250m, statement.GetProperty("total").GetDecimal());
            watch.Restart();
            var bytes = await (await admin.GetAsync($"/api/v1/companies/{acme.Id()}/statements/2026-11?format=xlsx")).Content.ReadAsByteArrayAsync();
            xlsx.Add(watch.Elapsed.TotalMilliseconds);
            Assert.True(bytes.Length > 100_000);
        }
        // The first run warms the app up; the rest are reported.
        output.WriteLine($"{provider}: statement JSON ms (runs 2-6): {string.Join(", ", json.Skip(1).Select(t => t.ToString("0")))}");
        output.WriteLine($"{provider}: statement xlsx ms (runs 2-6): {string.Join(", ", xlsx.Skip(1).Select(t => t.ToString("0")))}");
        Console.WriteLine(string.Join(Environment.NewLine, $"{provider} json {string.Join(",", json.Skip(1).Select(t => t.ToString("0")))}",
            $"{provider} xlsx {string.Join(",", xlsx.Skip(1).Select(t => t.ToString("0")))}"));
    }
}
