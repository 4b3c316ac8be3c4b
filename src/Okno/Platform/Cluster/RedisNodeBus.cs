using StackExchange.Redis;

namespace Okno.Platform.Cluster;

/// <summary>The node bus over Redis pub/sub. The connection never stops a node: when Redis is unreachable at start
/// or later, the node goes on alone (its own screens still update), a warning is logged once per outage, and the
/// client reconnects and re-subscribes by itself.</summary>
public sealed class RedisNodeBus : INodeBus, IDisposable
{
    /// <summary>Put before every channel name, so Okno's channels never meet another application's on a shared Redis.
    /// Two desks on one Redis each set their own with channelPrefix=… in the connection string.</summary>
    public const string DefaultChannelPrefix = "okno:";

    private readonly ILogger<RedisNodeBus> _logger;
    private readonly ConnectionMultiplexer _redis;
    private readonly ISubscriber _subscriber;
    private int _publishFailureLogged;
    private int _lossLogged;

    public RedisNodeBus(string connectionString, ILogger<RedisNodeBus> logger)
    {
        _logger = logger;
        var options = ConfigureForOkno(ConfigurationOptions.Parse(connectionString));
        _redis = ConnectionMultiplexer.Connect(options);
        if (!_redis.IsConnected)
        {
            _lossLogged = 1;
            logger.LogWarning("Redis at {Endpoints} is not reachable: live updates from other nodes wait until it is; this node keeps working",
                string.Join(", ", options.EndPoints));
        }
        _redis.ConnectionFailed += (_, e) =>
        {
            // The client reports every failed retry as well; one warning per outage is enough.
            if (e.ConnectionType == ConnectionType.Subscription && Interlocked.Exchange(ref _lossLogged, 1) == 0)
                logger.LogWarning("Lost Redis at {Endpoint} ({Failure}: {Reason}): other nodes' live updates stop until it is back; this node keeps working",
                    e.EndPoint, e.FailureType, e.Exception?.Message);
        };
        _redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType != ConnectionType.Subscription) return;
            Interlocked.Exchange(ref _publishFailureLogged, 0);
            Interlocked.Exchange(ref _lossLogged, 0);
            logger.LogInformation("Reconnected to Redis at {Endpoint}", e.EndPoint);
        };
        _subscriber = _redis.GetSubscriber();
    }

    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>What every Redis connection of Okno needs (this bus and the SignalR backplane): Okno's channel prefix
    /// unless the connection string names one; start and keep trying when Redis is down; and fail a command at once
    /// instead of queueing it while disconnected (a late live update is worth nothing, and a queue would grow for as
    /// long as Redis is away).</summary>
    public static ConfigurationOptions ConfigureForOkno(ConfigurationOptions options)
    {
        if (options.ChannelPrefix.IsNullOrEmpty) options.ChannelPrefix = RedisChannel.Literal(DefaultChannelPrefix);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    public void Publish(string channel, string message)
    {
        Task<long> sending;
        try
        {
            sending = _subscriber.PublishAsync(RedisChannel.Literal(channel), message);
        }
        catch (Exception e)
        {
            PublishFailed(e, channel);
            return;
        }
        sending.ContinueWith(t => PublishFailed(t.Exception!.GetBaseException(), channel),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void PublishFailed(Exception e, string channel)
    {
        // One warning per outage: a busy desk would otherwise log every ticket change while Redis is away.
        if (Interlocked.Exchange(ref _publishFailureLogged, 1) == 0)
            _logger.LogWarning("Could not send a live update on {Channel} to Redis ({Reason}); other nodes miss it, this node's screens still get it",
                channel, e.Message);
    }

    public IDisposable Subscribe(string channel, Action<string> onMessage)
    {
        var redisChannel = RedisChannel.Literal(channel);
        Action<RedisChannel, RedisValue> handler = (_, value) =>
        {
            if (value.HasValue) onMessage(value.ToString());
        };
        // The client remembers the subscription before it asks the server, and makes it again after every reconnect;
        // so while Redis is down, subscribing neither waits nor fails. While it is up, wait for the server's answer:
        // a message sent right after this returns is then heard.
        if (_redis.IsConnected)
        {
            try { _subscriber.Subscribe(redisChannel, handler); }
            catch (RedisException e) { _logger.LogDebug(e, "Subscribing to {Channel} waits for Redis to come back", channel); }
        }
        else _subscriber.Subscribe(redisChannel, handler, CommandFlags.FireAndForget);
        return new Subscription(() => _subscriber.Unsubscribe(redisChannel, handler, CommandFlags.FireAndForget));
    }

    public void Dispose() => _redis.Dispose();

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
        }
    }
}
