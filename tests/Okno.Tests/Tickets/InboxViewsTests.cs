using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Data;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.Tests.Tickets;

/// <summary>One desk per class: the counters are desk-wide, so the scenario below owns every ticket in it.</summary>
public sealed class InboxViewsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private static readonly string[] Views = ["mine", "unassigned", "my_groups", "all_open", "waiting", "closed"];
    private static readonly string[] Sorts = ["created", "updated", "priority"];

    [Fact]
    public async Task Counters_match_the_lists_of_every_view_for_an_admin_and_an_agent_through_changes_and_compaction()
    {
        var admin = okno.Admin;
        var l1 = await admin.CreateGroupAsync("L1 " + Guid.NewGuid().ToString("N")[..6]);
        var l2 = await admin.CreateGroupAsync("L2 " + Guid.NewGuid().ToString("N")[..6]);
        var (agentId, agent) = await okno.App.CreateAgentAsync(admin, groupIds: [l1]);
        var adminId = (await admin.GetJsonAsync("/api/v1/me")).Id();

        var tickets = new List<long>();
        for (var i = 0; i < 14; i++)
        {
            var extra = (i % 4) switch
            {
                0 => (object)new { groupId = l1, priority = "urgent" },
                1 => new { groupId = l2, priority = "low" },
                2 => new { assigneeId = agentId, priority = "high" },
                _ => new { priority = "normal" },
            };
            tickets.Add((await admin.CreateTicketAsync($"Ticket {i}", $"c{i % 3}@example.com", extra)).Id());
        }
        await admin.PatchAsync($"/api/v1/tickets/{tickets[0]}", new { status = "pending" });
        await admin.PatchAsync($"/api/v1/tickets/{tickets[1]}", new { assigneeId = agentId, groupId = l1 });
        await admin.PatchAsync($"/api/v1/tickets/{tickets[3]}", new { status = "resolved" });
        await admin.PatchAsync($"/api/v1/tickets/{tickets[4]}", new { status = "closed" });
        await admin.PatchAsync($"/api/v1/tickets/{tickets[5]}", new { groupId = l1, assigneeId = adminId });
        await admin.PatchAsync($"/api/v1/tickets/{tickets[6]}", new { status = "pending", assigneeId = (long?)null });
        await admin.PostJsonAsync($"/api/v1/tickets/{tickets[7]}/merge", new { intoTicketId = tickets[8] }, HttpStatusCode.OK);

        await AssertCountsMatchListsAsync(admin);
        await AssertCountsMatchListsAsync(agent);

        var agentCounts = await agent.GetJsonAsync("/api/v1/tickets/counts");
        // Assigned to the agent and still open: tickets 1 (moved to them), 2 and 10 (created for them); 6 was unassigned.
        Assert.Equal(3, agentCounts.GetProperty("mine").GetInt64());

        await using (var scope = okno.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
            await TicketCounts.CompactAsync(db, CancellationToken.None);
            // One row per bucket, whether this call folded them or the background compaction (every 30 s) did first.
            Assert.Equal(await BucketCountAsync(db), await db.TicketCounts.CountAsync());
        }
        await AssertCountsMatchListsAsync(admin);
        await AssertCountsMatchListsAsync(agent);

        await using (var scope = okno.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
            var before = await TicketCounts.BucketsAsync(db, CancellationToken.None);
            await TicketCounts.RebuildAsync(db, CancellationToken.None);
            Assert.Equal(before.OrderBy(b => b.ToString()), (await TicketCounts.BucketsAsync(db, CancellationToken.None)).OrderBy(b => b.ToString()));
        }
    }

    private static Task<int> BucketCountAsync(OknoDb db) =>
        db.TicketCounts.Select(c => new { c.Status, c.GroupId, c.AssigneeId }).Distinct().CountAsync();

    private static async Task AssertCountsMatchListsAsync(HttpClient client)
    {
        var counts = await client.GetJsonAsync("/api/v1/tickets/counts");
        foreach (var view in Views)
        {
            var expected = counts.GetProperty(view).GetInt64();
            foreach (var sort in Sorts)
            {
                var ids = await AllPagesAsync(client, $"/api/v1/tickets?view={view}&sort={sort}&limit=2");
                Assert.True(expected == ids.Count, $"view {view}, sort {sort}: counter {expected}, list {ids.Count}");
                Assert.Equal(ids.Count, ids.Distinct().Count());
            }
        }
    }

    private static async Task<List<long>> AllPagesAsync(HttpClient client, string url)
    {
        var ids = new List<long>();
        string? cursor = null;
        for (var guard = 0; guard < 100; guard++)
        {
            var page = await client.GetJsonAsync(cursor is null ? url : $"{url}&cursor={Uri.EscapeDataString(cursor)}");
            ids.AddRange(page.Items().Select(t => t.Id()));
            if (page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null) return ids;
            cursor = page.GetProperty("nextCursor").GetString();
        }
        throw new InvalidOperationException("The list never ended.");
    }

    [Fact]
    public async Task Priority_sort_puts_urgent_first_and_filters_narrow_the_list()
    {
        var admin = okno.Admin;
        var email = $"sorter-{Guid.NewGuid():N}@example.com";
        var low = await admin.CreateTicketAsync("low", email, new { priority = "low", type = "bug", channel = "telegram" });
        var urgent = await admin.CreateTicketAsync("urgent", email, new { priority = "urgent", tags = new[] { "VIP" } });
        var high = await admin.CreateTicketAsync("high", email, new { priority = "high", tags = new[] { "vip", "printer" } });
        var customer = low.GetProperty("customer").Id();

        var byPriority = (await admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&sort=priority")).Items().Select(t => t.Id());
        Assert.Equal([urgent.Id(), high.Id(), low.Id()], byPriority);
        var byTag = (await admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&tag=VIP")).Items().Select(t => t.Id());
        Assert.Equal([high.Id(), urgent.Id()], byTag);
        Assert.Equal([low.Id()], (await admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&channel=telegram")).Items().Select(t => t.Id()));
        Assert.Equal([low.Id()], (await admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&type=bug")).Items().Select(t => t.Id()));
        Assert.Equal([high.Id()], (await admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&priority=high")).Items().Select(t => t.Id()));
        Assert.Contains(high.Id(), (await admin.GetJsonAsync("/api/v1/tickets?view=all_open&tag=printer&sort=priority")).Items().Select(t => t.Id()));
        Assert.Empty((await admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&view=closed")).Items());
        Assert.Empty((await admin.GetJsonAsync("/api/v1/tickets?view=waiting&status=new")).Items());
    }

    [Theory]
    [InlineData("view=everything", "view")]
    [InlineData("sort=random", "sort")]
    [InlineData("priority=extreme", "priority")]
    [InlineData("channel=carrier%20pigeon", "channel")]
    [InlineData("sort=priority&cursor=MTIz", "cursor")]
    public async Task Bad_list_parameters_name_the_field(string query, string field)
    {
        var problem = await okno.Admin.GetJsonAsync($"/api/v1/tickets?{query}", HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }
}

public sealed class TicketCountCacheTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task Counters_are_read_once_for_everyone_until_a_change_on_this_node_says_otherwise()
    {
        // The creation reaches the cache through the live-feed event handler, after the create has answered: wait for
        // it, or its late arrival would refresh the cache in the middle of the test.
        await okno.Admin.GetJsonAsync("/api/v1/tickets/counts");   // the cache exists (and subscribes) before the feed is watched
        var feed = okno.App.Services.GetRequiredService<Okno.Tickets.Live.TicketFeed>();
        var created = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (feed.Subscribe(change => { if (change.Kind == Okno.Tickets.Live.TicketChangeKind.Created) created.TrySetResult(change.TicketId); }))
        {
            var id = (await okno.Admin.CreateTicketAsync("Counted")).Id();
            Assert.Equal(id, await created.Task.WaitAsync(TimeSpan.FromSeconds(30)));   // this class's only ticket
        }
        var before = (await okno.Admin.GetJsonAsync("/api/v1/tickets/counts")).GetProperty("all_open").GetInt64();
        // A change the node was not told about (another node's, or a repair): the cached answer stands for now…
        await okno.App.WithDbAsync(async db =>
        {
            db.TicketCounts.Add(new TicketCount { Status = TicketStatus.New, Delta = 5 });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before, (await okno.Admin.GetJsonAsync("/api/v1/tickets/counts")).GetProperty("all_open").GetInt64());
        // …and the next change on this node brings it in.
        okno.App.Services.GetRequiredService<Okno.Tickets.Live.TicketFeed>()
            .Publish(new Okno.Tickets.Live.TicketChange(1, Okno.Tickets.Live.TicketChangeKind.Changed, null, null, null));
        Assert.Equal(before + 5, (await okno.Admin.GetJsonAsync("/api/v1/tickets/counts")).GetProperty("all_open").GetInt64());
    }
}
