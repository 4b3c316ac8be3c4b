using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>A channel account as the API shows it: secret settings only say whether they are set.</summary>
public sealed record ChannelAccountView(
    long Id, string Kind, string Name, JsonObject Settings, long? GroupId, bool Enabled, ChannelHealth Health, string? LastError,
    DateTimeOffset? LastErrorAt, DateTimeOffset? LastSuccessAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? InboundUrl);

/// <summary>Create or change an account. <c>kind</c> is fixed once created; in <c>settings</c>, a secret left out (or
/// null, or sent back as the <c>{"set": true}</c> the API shows) keeps its stored value.</summary>
public sealed record ChannelAccountRequest(string? Kind, string? Name, JsonObject? Settings, long? GroupId, bool? Enabled);

/// <summary>What an admin can pick when adding an account: the installed adapters.</summary>
public sealed record ChannelKindView(string Kind, bool Polls, bool Pushes, bool TestsConnection, IReadOnlyList<string> SecretFields);

/// <summary>A connection test that passed.</summary>
public sealed record ConnectionTestView(bool Ok, DateTimeOffset TestedAt);

/// <summary>Reads and admin changes of channel accounts.</summary>
public sealed class ChannelAccounts(
    OknoDb db, ChannelAdapters adapters, ChannelSettingsCodec codec, Audit audit, TimeProvider clock, ChannelPolling polling, IServiceProvider services)
{
    public IReadOnlyList<ChannelKindView> Kinds() => adapters.All.OrderBy(a => a.Kind.Value, StringComparer.Ordinal)
        .Select(a => new ChannelKindView(a.Kind.Value, a.Polls, a.Pushes, a.TestsConnection, ChannelSettingsCodec.SecretFields(a.SettingsType))).ToList();

    /// <summary>Accounts by id, keyset-paged.</summary>
    public async Task<Page<ChannelAccountView>> ListAsync(int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Set<ChannelAccount>().AsNoTracking();
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(a => a.Id > lastId);
        var rows = await query.OrderBy(a => a.Id).Take(take + 1).ToListAsync(ct);
        return Paging.ToPage(rows.Select(View).ToList(), take, a => Paging.Encode(a.Id));
    }

    public async Task<ChannelAccountView> GetAsync(long id, CancellationToken ct) => View(await FindAsync(id, ct));

    public async Task<ChannelAccountView> CreateAsync(ChannelAccountRequest request, CurrentAgent actor, string? ipAddress, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, actor, ct);
        var errors = new FieldErrors();
        ChannelAdapterBinding? adapter = null;
        if (string.IsNullOrWhiteSpace(request.Kind)) errors.Required("kind");
        else if (ChannelKind.Read(request.Kind, "kind", errors) is { } kind)
        {
            adapter = adapters.Find(kind);
            if (adapter is null) errors.Add("kind", ChannelErrorCodes.NoAdapter, $"No adapter is installed for '{kind}'. Installed: {string.Join(", ", Kinds().Select(k => k.Kind))}.", ("kind", kind), ("installed", string.Join(", ", Kinds().Select(k => k.Kind))));
        }
        var name = await CheckNameAsync(request.Name, null, errors, ct);
        await CheckGroupAsync(request.GroupId, errors, ct);
        var settings = adapter is null ? null : adapter.ReadSettings(request.Settings ?? [], errors, codec);
        errors.ThrowIfAny();
        var now = clock.GetUtcNow();
        var account = new ChannelAccount
        {
            Kind = adapter!.Kind, Name = name!, Settings = settings!, GroupId = request.GroupId, IsEnabled = request.Enabled ?? true,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(account);
        audit.Add(actor.Id, "channel.created", $"channel:{name}", account.Kind.Value, ipAddress);
        await SaveAsync(name!, ct);
        return View(account);
    }

    public async Task<ChannelAccountView> UpdateAsync(long id, ChannelAccountRequest request, CurrentAgent actor, string? ipAddress, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, actor, ct);
        var account = await FindAsync(id, ct);
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(request.Kind) && (!ChannelKind.TryParse(request.Kind, out var kind) || kind != account.Kind))
            errors.Add("kind", ChannelErrorCodes.KindCannotChange, "The kind of an account cannot change; add a new account instead.");
        var name = await CheckNameAsync(request.Name, id, errors, ct);
        await CheckGroupAsync(request.GroupId, errors, ct);
        string? settings = null;
        if (request.Settings is { } given)
        {
            if (adapters.Find(account.Kind) is { } adapter)
                settings = adapter.ReadSettings(codec.MergeSecrets(adapter.SettingsType, given, account.Settings), errors, codec);
            else errors.Add("settings", ChannelErrorCodes.NoAdapter, $"No adapter is installed for '{account.Kind}'; its settings cannot be checked.", ("kind", account.Kind), ("installed", string.Join(", ", Kinds().Select(k => k.Kind))));
        }
        errors.ThrowIfAny();
        account.Name = name!;
        account.GroupId = request.GroupId;
        if (request.Enabled is { } enabled) account.IsEnabled = enabled;
        if (settings is not null) account.Settings = settings;
        account.UpdatedAt = clock.GetUtcNow();
        audit.Add(actor.Id, "channel.changed", $"channel:{name}", account.IsEnabled ? "enabled" : "disabled", ipAddress);
        await SaveAsync(name!, ct);
        return View(account);
    }

    /// <summary>Tries the account's settings against its servers (with the kind's adapter); throws a
    /// <see cref="ChannelConnectionFailed"/> whose code says what is wrong. The account's health is not changed.</summary>
    public async Task<ConnectionTestView> TestConnectionAsync(long id, CancellationToken ct)
    {
        var account = await FindAsync(id, ct);
        var adapter = adapters.Find(account.Kind)
            ?? throw new OknoException(new StateConflict(ChannelErrorCodes.NoConnectionTest, $"A '{account.Kind}' account has no connection to test.", ("kind", account.Kind.Value)));
        await adapter.TestConnectionAsync(services, account, ct);
        return new ConnectionTestView(true, clock.GetUtcNow());
    }

    /// <summary>Fetches a polling account now; its items are stored, then processed by the inbound job as any other.</summary>
    public async Task<FetchReport> FetchNowAsync(long id, CancellationToken ct)
    {
        var account = await FindAsync(id, ct);
        if (!account.IsEnabled || adapters.Find(account.Kind) is not { Polls: true })
            throw new OknoException(new StateConflict(ChannelErrorCodes.NotPolling, $"Account {id} is disabled or its kind fetches nothing.", ("kind", account.Kind.Value)));
        return await polling.FetchNowAsync(id, ct);
    }

    /// <summary>Deletes an account nothing refers to yet; one that has carried messages can only be disabled, so its
    /// history keeps pointing somewhere.</summary>
    public async Task DeleteAsync(long id, CurrentAgent actor, string? ipAddress, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, actor, ct);
        var account = await FindAsync(id, ct);
        if (await db.Messages.AnyAsync(m => m.ChannelAccountId == id, ct) || await db.Set<InboundItem>().AnyAsync(i => i.AccountId == id, ct)
            || await db.Set<ChannelDelivery>().AnyAsync(d => d.AccountId == id, ct))
            throw new OknoException(new StateConflict(ChannelErrorCodes.AccountCarriedMessages, $"Channel account '{account.Name}' has carried messages; disable it instead.", ("name", account.Name)));
        db.Remove(account);
        audit.Add(actor.Id, "channel.deleted", $"channel:{account.Name}", null, ipAddress);
        await db.SaveChangesAsync(ct);
    }

    private async Task<ChannelAccount> FindAsync(long id, CancellationToken ct) =>
        await db.Set<ChannelAccount>().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new OknoException(new NotFound(ChannelErrorCodes.AccountNotFound, "Channel account", id));

    private async Task<string?> CheckNameAsync(string? name, long? id, FieldErrors errors, CancellationToken ct)
    {
        errors.Text("name", name, ChannelAccount.NameMaxLength);
        if (string.IsNullOrWhiteSpace(name)) return null;
        var trimmed = name.Trim();
        if (await db.Set<ChannelAccount>().AnyAsync(a => a.Name == trimmed && a.Id != id, ct)) errors.Add("name", ChannelErrorCodes.NameTaken, $"There is already an account named '{trimmed}'.", ("name", trimmed));
        return trimmed;
    }

    private async Task CheckGroupAsync(long? groupId, FieldErrors errors, CancellationToken ct)
    {
        if (groupId is { } id && !await db.Groups.AnyAsync(g => g.Id == id, ct)) errors.Add("groupId", Admin.AdminErrorCodes.GroupNotFound, $"There is no group {id}.", ("id", id));
    }

    /// <summary>Saves; a concurrent save of the same name loses on the unique key with a clear answer.</summary>
    private async Task SaveAsync(string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw new OknoException(new Duplicate(ChannelErrorCodes.NameTaken, "name", $"There is already an account named '{name}'.", ("name", name)));
        }
    }

    private ChannelAccountView View(ChannelAccount a)
    {
        var adapter = adapters.Find(a.Kind);
        var settings = adapter is null ? new JsonObject() : ChannelSettingsCodec.View(adapter.SettingsType, a.Settings);
        return new ChannelAccountView(a.Id, a.Kind.Value, a.Name, settings, a.GroupId, a.IsEnabled, a.Health, a.LastError, a.LastErrorAt, a.LastSuccessAt,
            a.CreatedAt, a.UpdatedAt, adapter?.Pushes == true ? ChannelsEndpoints.InboundUrl(a.Id) : null);
    }
}
