using System.Net;
using Microsoft.EntityFrameworkCore;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Tickets;

/// <summary>Inbox counters, views, merge and links on SQLite and on a real PostgreSQL.</summary>
public sealed class WorkspaceStorageTests
{
    [Theory]
    [BothDatabases]
    public async Task Counters_stay_exact_under_concurrent_writers_and_a_compaction_running_between_them(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var group = await admin.CreateGroupAsync();
        var me = (await admin.GetJsonAsync("/api/v1/me")).Id();

        using var compacting = new CancellationTokenSource();
        var compactions = 0;
        var compactor = Task.Run(async () =>
        {
            while (!compacting.IsCancellationRequested)
            {
                await app.WithDbAsync(db => TicketCounts.CompactAsync(db, CancellationToken.None));
                compactions++;
                await Task.Delay(5);
            }
        });
        await Parallel.ForAsync(0, 24, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var ticket = await admin.CreateTicketAsync($"Concurrent {i}", $"c{i}@example.com", i % 2 == 0 ? new { groupId = group } : null);
            await admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", i % 3 == 0 ? new { status = "closed" } : new { assigneeId = me });
        });
        await compacting.CancelAsync();
        await compactor;
        Assert.True(compactions > 0);

        var counts = await admin.GetJsonAsync("/api/v1/tickets/counts");
        Assert.Equal(8, counts.GetProperty("closed").GetInt64());
        Assert.Equal(16, counts.GetProperty("all_open").GetInt64());
        Assert.Equal(16, counts.GetProperty("mine").GetInt64());
        Assert.Equal(0, counts.GetProperty("unassigned").GetInt64());
        var (tickets, bucketSum) = await app.WithDbAsync(async db =>
            (await db.Tickets.CountAsync(), await db.TicketCounts.SumAsync(c => c.Delta)));
        Assert.Equal(tickets, bucketSum);
    }

    [Theory]
    [BothDatabases]
    public async Task Views_sorts_merge_and_links_read_the_same_on_both_databases(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var low = await admin.CreateTicketAsync("Low", extra: new { priority = "low" });
        var urgent = await admin.CreateTicketAsync("Urgent", extra: new { priority = "urgent", tags = new[] { "vip" } });
        var normal = await admin.CreateTicketAsync("Normal");
        await admin.PatchAsync($"/api/v1/tickets/{low.Id()}", new { status = "pending" });

        Assert.Equal([urgent.Id(), normal.Id(), low.Id()],
            (await admin.GetJsonAsync("/api/v1/tickets?view=all_open&sort=priority")).Items().Select(t => t.Id()));
        Assert.Equal([low.Id()], (await admin.GetJsonAsync("/api/v1/tickets?view=waiting")).Items().Select(t => t.Id()));
        Assert.Equal([urgent.Id()], (await admin.GetJsonAsync("/api/v1/tickets?view=all_open&tag=VIP")).Items().Select(t => t.Id()));
        var firstPage = await admin.GetJsonAsync("/api/v1/tickets?view=all_open&sort=updated&limit=2");
        var second = await admin.GetJsonAsync($"/api/v1/tickets?view=all_open&sort=updated&limit=2&cursor={firstPage.Str("nextCursor")}");
        Assert.Equal([low.Id(), normal.Id(), urgent.Id()], firstPage.Items().Concat(second.Items()).Select(t => t.Id()));

        await admin.PostJsonAsync($"/api/v1/tickets/{normal.Id()}/merge", new { intoTicketId = urgent.Id() }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/tickets/{low.Id()}/links",
            System.Net.Http.Json.JsonContent.Create(new { ticketId = urgent.Id() }))).StatusCode);
        var related = await admin.GetJsonAsync($"/api/v1/tickets/{urgent.Id()}/related");
        Assert.Equal([normal.Id()], related.GetProperty("mergedFrom").EnumerateArray().Select(t => t.Id()));
        Assert.Equal([low.Id()], related.GetProperty("links").EnumerateArray().Select(t => t.Id()));
        var counts = await admin.GetJsonAsync("/api/v1/tickets/counts");
        Assert.Equal(1, counts.GetProperty("closed").GetInt64());
        Assert.Equal(2, counts.GetProperty("all_open").GetInt64());
    }
}
