using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Okno.Testing;
using Xunit.Abstractions;

namespace Okno.IntegrationTests.Channels.Chat;

/// <summary>With several Okno nodes a visitor on node A and an agent on node B talk in real time (issue 17): two nodes
/// on one PostgreSQL database, live events carried by a real Redis (scripts/test-deps). The visitor's session and
/// stream are on node A, the agent works through node B.</summary>
public sealed class ChatTwoNodeTests(ITestOutputHelper output)
{
    /// <summary>"Real time": well under what a person waiting on a chat would notice as slow.</summary>
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(5);
    /// <summary>The very first message also pays for both nodes' first use of the chat (queries compiled, handlers
    /// started); on a busy shared test machine that alone was seen to take 5 s.</summary>
    private static readonly TimeSpan FirstLive = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_visitor_on_node_A_and_an_agent_on_node_B_see_each_others_messages_live()
    {
        await using var a = OknoFactory.Postgres(new() { ["Okno:Redis"] = TestRedis.NewDeskConnectionString() });
        await using var b = a.SecondNode();
        var adminOnA = await a.AdminClientAsync();
        var adminOnB = await b.AdminClientAsync();
        var (key, _) = await ChatWidgetApiTests.CreateChannelAsync(adminOnA);

        // The agent app listens on node B before the visitor writes.
        using var agentStream = await SseReader.OpenAsync(adminOnB, "/api/v1/chat/events");
        var (visitor, _) = await ChatWidgetApiTests.StartAsync(a, key);
        var clock = Stopwatch.StartNew();
        var first = await (await visitor.PostAsJsonAsync("messages", new { clientId = "node-a-0001", text = "Здравствуйте, я на узле A" })).JsonAsync(HttpStatusCode.OK);
        var seenOnB = await agentStream.NextAsync("message", seconds: 20);
        output.WriteLine($"visitor's message on node A's API → node B's agent stream: {clock.ElapsedMilliseconds} ms");
        Assert.Equal((first.Id(), "node-a-0001", "visitor"), (seenOnB.GetProperty("messageId").GetInt64(), seenOnB.Str("clientId"), seenOnB.Str("author")));
        Assert.True(clock.Elapsed < FirstLive, $"took {clock.Elapsed}");
        var ticketId = seenOnB.GetProperty("ticketId").GetInt64();

        // The visitor's stream on node A; the agent answers through node B's API.
        using var visitorStream = await SseReader.OpenAsync(visitor, "events", lastEventId: first.Id());
        clock.Restart();
        var reply = await adminOnB.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "Отвечаю с узла B" });
        var shown = await visitorStream.NextAsync("message", seconds: 20);
        output.WriteLine($"agent's reply on node B's API → the visitor's stream on node A: {clock.ElapsedMilliseconds} ms");
        Assert.Equal((reply.Id(), "agent"), (shown.Id(), shown.Str("author")));
        Assert.Contains("Отвечаю с узла B", shown.Str("text"), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < Live, $"took {clock.Elapsed}");

        // And on: the visitor's next message on node A reaches node B live again (and the first one did not come twice).
        clock.Restart();
        var second = await (await visitor.PostAsJsonAsync("messages", new { clientId = "node-a-0002", text = "Спасибо!" })).JsonAsync(HttpStatusCode.OK);
        var again = await agentStream.NextAsync("message", seconds: 20);
        output.WriteLine($"the visitor's second message → node B: {clock.ElapsedMilliseconds} ms");
        Assert.Equal((second.Id(), ticketId), (again.GetProperty("messageId").GetInt64(), again.GetProperty("ticketId").GetInt64()));
        Assert.True(clock.Elapsed < Live, $"took {clock.Elapsed}");
    }
}
