using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Routing.Distribution;
using Okno.Sla;
using Okno.Tickets;

namespace Okno.Channels.Chat;

/// <summary>An enabled chat channel as the widget endpoints need it.</summary>
public sealed record ChatChannel(long AccountId, string Name, long? GroupId, ChatSettings Settings);

/// <summary>Finds chat channels by their public key, and says whether one is "online" (inside its working hours, with an
/// agent of its group online). Both are read on every widget call, so both are kept for a few seconds: a changed channel
/// or presence shows within <see cref="KeepFor"/>.</summary>
public sealed class ChatChannels(IDbContextFactory<OknoDb> dbs, ChannelSettingsCodec codec, AgentPresences presences, TimeProvider clock,
    ILogger<ChatChannels> logger)
{
    public static ChannelKind Kind => ChannelKind.Chat;
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(5);

    private volatile Snapshot? _channels;
    private readonly Dictionary<long, (bool Online, DateTimeOffset At)> _online = [];
    private readonly Lock _gate = new();

    private sealed record Snapshot(Dictionary<string, ChatChannel> ByKey, Dictionary<long, ChatChannel> ById, DateTimeOffset At);

    public async Task<ChatChannel?> FindAsync(string key, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).ByKey.GetValueOrDefault(key);

    public async Task<ChatChannel?> FindAsync(long accountId, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).ById.GetValueOrDefault(accountId);

    /// <summary>Whether any chat channel is enabled.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken) => (await SnapshotAsync(cancellationToken)).ById.Count > 0;

    /// <summary>Forget what is kept (a channel was changed on this node).</summary>
    public void Forget() => _channels = null;

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_channels is { } kept && now - kept.At < KeepFor) return kept;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Set<ChannelAccount>().AsNoTracking().Where(a => a.Kind == Kind && a.IsEnabled)
            .Select(a => new { a.Id, a.Name, a.GroupId, a.Settings }).ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, ChatChannel>(StringComparer.Ordinal);
        var byId = new Dictionary<long, ChatChannel>();
        foreach (var account in accounts)
        {
            try
            {
                var settings = codec.Unprotect<ChatSettings>(account.Settings);
                if (settings.Key is not { Length: > 0 } key) continue;
                var channel = new ChatChannel(account.Id, account.Name, account.GroupId, settings);
                byKey[key] = channel;
                byId[account.Id] = channel;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or System.Security.Cryptography.CryptographicException)
            {
                logger.LogWarning(e, "The settings of chat channel {Account} cannot be read; its widget is off", account.Id);
            }
        }
        var snapshot = new Snapshot(byKey, byId, now);
        _channels = snapshot;
        return snapshot;
    }

    /// <summary>Inside working hours (when the channel names a calendar) and an agent who may take the chat is online
    /// (a member of its group, or anyone when it has none).</summary>
    public async Task<bool> IsOnlineAsync(ChatChannel channel, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
            if (_online.TryGetValue(channel.AccountId, out var kept) && now - kept.At < KeepFor) return kept.Online;
        var online = await ComputeOnlineAsync(channel, now, cancellationToken);
        lock (_gate) _online[channel.AccountId] = (online, now);
        return online;
    }

    private async Task<bool> ComputeOnlineAsync(ChatChannel channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (channel.Settings.CalendarId is { } calendarId)
        {
            var calendar = await db.Set<SlaCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == calendarId, cancellationToken);
            if (calendar is not null && !Distributor.IsWorking(calendar, now, logger)) return false;
        }
        var seenAfter = now - presences.OfflineAfter;
        var agents = db.Set<Agent>().Where(a => a.IsActive);
        if (channel.GroupId is { } groupId)
            agents = agents.Where(a => db.Set<AgentGroup>().Any(g => g.AgentId == a.Id && g.GroupId == groupId));
        var rows = await db.Set<AgentPresence>().AsNoTracking().Where(p => p.SeenAt > seenAfter && agents.Any(a => a.Id == p.AgentId))
            .OrderByDescending(p => p.SeenAt).Take(50).ToListAsync(cancellationToken);
        return rows.Any(r => presences.StatusOf(r, now) != Presence.Offline);
    }
}
