using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Tickets.Live;

namespace Okno.Channels.Chat;

/// <summary>Which visitors hold a live stream on this node, told to the database so every node knows who is on the site
/// (<see cref="ChatVisitor.ConnectedUntil"/>): at once when a visitor connects or leaves, and for all of them in one
/// statement every <see cref="ChatOptions.StreamBeat"/> (5,000 connected visitors cost one UPDATE per beat, not 5,000).</summary>
public sealed class ChatConnections : IDisposable
{
    private readonly IDbContextFactory<OknoDb> _dbs;
    private readonly TimeProvider _clock;
    private readonly IOptions<ChatOptions> _options;
    private readonly ILogger<ChatConnections> _logger;
    private readonly ConcurrentDictionary<long, int> _held = new();
    private readonly ITimer _beat;

    public ChatConnections(IDbContextFactory<OknoDb> dbs, TimeProvider clock, IOptions<ChatOptions> options, ILogger<ChatConnections> logger)
    {
        _dbs = dbs;
        _clock = clock;
        _options = options;
        _logger = logger;
        _beat = clock.CreateTimer(_ => _ = BeatAsync(), null, options.Value.StreamBeat, options.Value.StreamBeat);
    }

    private DateTimeOffset Until => _clock.GetUtcNow() + 2 * _options.Value.StreamBeat;

    public int Held => _held.Count;

    public async Task ConnectedAsync(long visitorId, CancellationToken cancellationToken)
    {
        _held.AddOrUpdate(visitorId, 1, (_, n) => n + 1);
        await SetAsync([visitorId], Until, cancellationToken);
    }

    public async Task LeftAsync(long visitorId)
    {
        var left = _held.AddOrUpdate(visitorId, 0, (_, n) => n - 1);
        if (left > 0) return;
        _held.TryRemove(new KeyValuePair<long, int>(visitorId, left));
        await SetAsync([visitorId], _clock.GetUtcNow(), CancellationToken.None);
    }

    private async Task BeatAsync()
    {
        var ids = _held.Keys.ToList();
        foreach (var chunk in ids.Chunk(1000)) await SetAsync(chunk, Until, CancellationToken.None);
    }

    private async Task SetAsync(IReadOnlyCollection<long> ids, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        try
        {
            await using var db = await _dbs.CreateDbContextAsync(cancellationToken);
            var now = _clock.GetUtcNow();
            await db.Set<ChatVisitor>().Where(v => ids.Contains(v.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.ConnectedUntil, until).SetProperty(v => v.LastSeenAt, now), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Presence is a hint (agents' "on the site", the email fallback's wait); the next beat tries again.
            _logger.LogWarning(e, "Could not record {Count} chat visitors' presence", ids.Count);
        }
    }

    public void Dispose() => _beat.Dispose();
}

/// <summary>Writes Server-Sent Events: the visitor's stream (their conversation: messages resumed from the last id they
/// hold, then live ones; agents typing and reading; the ticket's state) and agent apps' stream. Each stream has a small
/// queue; one that falls too far behind is closed, and the client reconnects and resumes from its last id.</summary>
public sealed class ChatStreams(ChatFeed feed, ChatConnections connections, TicketPresence presence, IOptions<ChatOptions> options, ILogger<ChatStreams> logger)
{
    private const int QueueLength = 256;

    public async Task VisitorAsync(HttpContext http, ChatChannel channel, ChatVisitor visitor, long? lastEventId, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<ChatLiveEvent>(new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        var overflow = new CancellationTokenSource();
        void Take(ChatLiveEvent e)
        {
            if (!queue.Writer.TryWrite(e)) overflow.Cancel();
        }
        var scope = http.RequestServices;
        var messages = scope.GetRequiredService<ChatMessages>();
        long? ticketId = null;
        IDisposable? ticketListening = null;
        IDisposable? typingListening = null;
        void FollowTicket(long id)
        {
            if (ticketId == id) return;
            ticketId = id;
            ticketListening?.Dispose();
            typingListening?.Dispose();
            ticketListening = feed.Listen(ChatFeed.TicketKey(id), Take);
            var wasTyping = false;
            // Agents typing a reply, from the ticket page's presence (which every node shares).
            typingListening = presence.Subscribe(changed =>
            {
                if (changed != id) return;
                var typing = presence.ViewersOf(id).Where(v => v.Typing).Select(v => v.Name).ToList();
                if (typing.Count > 0 == wasTyping) return;
                wasTyping = typing.Count > 0;
                Take(new ChatLiveEvent("typing", null, System.Text.Json.JsonSerializer.Serialize(new { typing = wasTyping, name = typing.FirstOrDefault() }, ChatJson.Options)));
            });
        }
        using var visitorListening = feed.Listen(ChatFeed.VisitorKey(channel.AccountId, visitor.SenderId), e =>
        {
            Take(e);
            if (e.Event == "message" && e.Id is not null) Take(new ChatLiveEvent("_follow", e.Id, ""));
        });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overflow.Token);
        await connections.ConnectedAsync(visitor.Id, cancellationToken);
        try
        {
            Start(http);
            var last = lastEventId ?? 0;
            var sent = new HashSet<long>();
            if (await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, cancellationToken) is { } current)
            {
                FollowTicket(current);
                // Everything after what the browser holds, then live: a reconnect neither loses nor repeats a message.
                if (lastEventId is { } after)
                    while (true)
                    {
                        var (page, more) = await messages.PageAsync(channel, current, null, last, 100, cancellationToken);
                        foreach (var m in page.Where(m => sent.Add(m.Id))) await WriteAsync(http, "message", m.Id, System.Text.Json.JsonSerializer.Serialize(m, ChatJson.Options), cancellationToken);
                        if (page.Count > 0) last = page[^1].Id;
                        if (!more) break;
                    }
            }
            await http.Response.WriteAsync(": ready\n\n", cancellationToken);
            await http.Response.Body.FlushAsync(cancellationToken);
            var ping = options.Value.StreamPing;
            while (!linked.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
                wait.CancelAfter(ping);
                ChatLiveEvent next;
                try
                {
                    next = await queue.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!linked.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": ping\n\n", linked.Token);
                    await http.Response.Body.FlushAsync(linked.Token);
                    continue;
                }
                if (next.Event == "_follow")
                {
                    // A message of a new ticket (the first after the last one closed): follow that ticket from now on.
                    if (await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, linked.Token) is { } now) FollowTicket(now);
                    continue;
                }
                // Sent once each, whichever way it came (resumed from the database, the adapter, the event handler).
                if (next.Event == "message" && next.Id is { } id && !sent.Add(id)) continue;
                await WriteAsync(http, next.Event, next.Id, next.Data, linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The visitor left, or fell behind (they reconnect and resume).
        }
        catch (IOException e)
        {
            logger.LogDebug(e, "A chat stream of visitor {Visitor} broke", visitor.Id);
        }
        finally
        {
            ticketListening?.Dispose();
            typingListening?.Dispose();
            await connections.LeftAsync(visitor.Id);
        }
    }

    /// <summary>An agent app's stream: visitors' messages and typing on the chat tickets the agent may see.</summary>
    public async Task AgentAsync(HttpContext http, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<ChatLiveEvent>(new BoundedChannelOptions(QueueLength * 4) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var groups = agent.GroupIds.ToHashSet();
        using var listening = feed.Listen(ChatFeed.AgentsKey, e => queue.Writer.TryWrite(e));
        Start(http);
        await http.Response.WriteAsync(": ready\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(options.Value.StreamPing);
                ChatLiveEvent next;
                try
                {
                    next = await queue.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": ping\n\n", cancellationToken);
                    await http.Response.Body.FlushAsync(cancellationToken);
                    continue;
                }
                if (next.Event == "message" && !agent.SeesAllTickets)
                {
                    var m = System.Text.Json.JsonSerializer.Deserialize<ChatAgentMessage>(next.Data, ChatJson.Options)!;
                    if (!(m.GroupId is null || groups.Contains(m.GroupId.Value) || m.AssigneeId == agent.Id)) continue;
                }
                await WriteAsync(http, next.Event, next.Id, next.Data, cancellationToken);
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
    }

    private static void Start(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    private static async Task WriteAsync(HttpContext http, string name, long? id, string data, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.Append("event: ").Append(name).Append('\n');
        if (id is { } i) text.Append("id: ").Append(i).Append('\n');
        // JSON has no raw line breaks, so one data line carries it.
        text.Append("data: ").Append(data).Append("\n\n");
        await http.Response.WriteAsync(text.ToString(), cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
