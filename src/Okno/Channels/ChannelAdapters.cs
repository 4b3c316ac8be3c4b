using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>A reply or a notification on its way out, as an adapter needs it; knows nothing of tickets beyond what goes
/// on the wire. A notification has no message (<see cref="MessageId"/> 0) and is <see cref="IsAutomatic"/>.</summary>
/// <param name="IdempotencyKey">The same for every attempt of one delivery: transports that can drop a repeated send
/// (an API with an idempotency key, a mail Message-ID) should pass it on, since a crash between a send and its record
/// makes the queue send again.</param>
/// <param name="RecipientId">The customer's id in this account's kind (a Telegram chat id, a chat visitor id).</param>
/// <param name="InReplyToExternalId">The channel's id of the customer message this reply answers, for threading.</param>
public sealed record OutboundMessage(
    long MessageId, long TicketNumber, string Subject, string BodyText, string BodyHtml, string? RecipientId, string? RecipientEmail,
    string? InReplyToExternalId, string IdempotencyKey)
{
    /// <summary>Who else takes part in the conversation (a ticket's participants, by email address): copied on the
    /// reply where the transport can (mail's Cc).</summary>
    public IReadOnlyList<string> CopyTo { get; init; } = [];
    /// <summary>The channel ids of the conversation's earlier messages, oldest first (mail's References header).</summary>
    public IReadOnlyList<string> ThreadExternalIds { get; init; } = [];
    /// <summary>Further main recipients besides <see cref="RecipientEmail"/> (a forward to several addresses).</summary>
    public IReadOnlyList<string> AlsoTo { get; init; } = [];
    /// <summary>Files to send along, read from the attachment store by their SHA-256 (a forward's files).</summary>
    public IReadOnlyList<OutboundAttachment> Attachments { get; init; } = [];
    /// <summary>Sent by the desk on its own (a notification), not written by a person: mail marks it
    /// <c>Auto-Submitted: auto-generated</c> so auto-responders do not answer it.</summary>
    public bool IsAutomatic { get; init; }
    /// <summary>Choices offered with the message (a bot's "Yes" / "No — a person, please"): a transport that has buttons
    /// shows them (Telegram's inline keyboard, VK's inline keyboard, the chat widget); one that has none sends
    /// <see cref="OutboundButtons.WithTextMenu"/> instead. The customer's choice comes back as
    /// <see cref="InboundMessage.ButtonPayload"/>.</summary>
    public IReadOnlyList<OutboundButton> Buttons { get; init; } = [];
}

/// <summary>A choice offered with an outgoing message: <see cref="Payload"/> comes back when it is chosen (at most
/// <see cref="MaxPayloadLength"/> ASCII characters: Telegram's callback data takes 64 bytes), <see cref="Label"/> is
/// what the customer sees.</summary>
public sealed record OutboundButton(string Payload, string Label)
{
    public const int MaxPayloadLength = 64;
    public const int MaxLabelLength = 64;
}

/// <summary>Buttons for transports that have none: a numbered menu under the text. A reply of just the number is read
/// back as the choice by whoever offered it (the bot), so the menu works in mail and in any connector.</summary>
public static class OutboundButtons
{
    public static string WithTextMenu(string text, IReadOnlyList<OutboundButton> buttons) =>
        buttons.Count == 0 ? text : text.TrimEnd() + "\n\n" + string.Join("\n", buttons.Select((b, i) => $"{i + 1}. {b.Label}"));
}

/// <summary>A file of an outgoing message, stored under its SHA-256 in the attachment store.</summary>
/// <param name="ContentId">Set for an image shown inside the message's HTML (<c>cid:</c>): sent in place, not as a download.</param>
public sealed record OutboundAttachment(string FileName, string ContentType, string Sha256, string? ContentId = null);

/// <summary>What a send came to: handed over (with the channel's id for the message, if it gives one), or failed,
/// saying why and whether trying again may help (a timeout may; a rejected recipient will not).</summary>
public sealed record DeliveryResult(bool IsSent, string? ExternalId, string? Reason, bool Retryable)
{
    public static DeliveryResult Sent(string? externalId) => new(true, externalId, null, false);
    public static DeliveryResult Failed(string reason, bool retryable) => new(false, null, reason, retryable);
}

/// <summary>A raw item as a transport gave it: its id there (the key that makes redelivery a no-op) and its payload,
/// stored as is before anything reads it.</summary>
public sealed record RawInboundItem(string ExternalId, string Payload)
{
    /// <summary>Who sent it, when the transport says so before the item is read (a chat visitor): items of one sender are
    /// then written in order of arrival even across nodes and crashes — a later one waits while an earlier one is held by
    /// a node (or a dead node's claim), instead of overtaking it.</summary>
    public string? Sender { get; init; }
}

/// <summary>What an adapter read from a stored raw item.</summary>
/// <param name="SenderId">The customer's id in the account's kind; identifies the contact.</param>
/// <param name="IsAutomatic">An auto-reply, a bounce, a bot: never opens or reopens a ticket (mail loops).</param>
/// <param name="IsOwnEcho">Something this desk sent, coming back (a sent copy, a bot seeing its own message).</param>
public sealed record InboundMessage(
    string SenderId, string? SenderName, string? SenderEmail, string? Subject, string Text, string? InReplyToExternalId = null,
    bool IsAutomatic = false, bool IsOwnEcho = false)
{
    /// <summary>The sender id is the address the transport delivered the item from (email): the customer is the
    /// contact who owns that address, or a new contact with it.</summary>
    public bool SenderIdIsEmail { get; init; }
    /// <summary>The ticket number the item names (a mail subject's <c>[#10023]</c> token): it continues that ticket when
    /// the sender is its customer.</summary>
    public long? TicketNumber { get; init; }
    /// <summary>The transport says which conversation an item continues (mail headers, a subject token): an item that
    /// names none opens a new ticket instead of continuing the customer's latest open one (as a chat would).</summary>
    public bool ThreadedByTransport { get; init; }
    /// <summary>Every earlier message the item says it continues, the one it answers first (mail: In-Reply-To, then
    /// References from the newest back); <see cref="InReplyToExternalId"/> is the first of them.</summary>
    public IReadOnlyList<string> ReferencedExternalIds { get; init; } = [];
    /// <summary>Others the item was addressed to besides the account itself (mail's To and Cc without the mailbox's
    /// own address): they become participants of the ticket.</summary>
    public IReadOnlyList<InboundAddress> OtherRecipients { get; init; } = [];
    /// <summary>A message to a closed ticket reopens it (the account's choice) instead of opening a linked follow-up.</summary>
    public bool ReopensClosed { get; init; }
    /// <summary>The item reports that a message this desk sent could not be delivered (a mail bounce): the channel id
    /// of that message, and why.</summary>
    public string? BouncedExternalId { get; init; }
    public string? BounceReason { get; init; }
    /// <summary>The item's HTML body as the transport gave it (unsanitized: the writer sanitizes it), or null.</summary>
    public string? Html { get; init; }
    /// <summary>Files the item carries, inline images among them; stored through the ticket's attachment intake.</summary>
    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];
    /// <summary>Whom the item was addressed to, and copied to (bare addresses, mail only), as its headers said.</summary>
    public IReadOnlyList<string> To { get; init; } = [];
    public IReadOnlyList<string> Cc { get; init; } = [];
    /// <summary>The SHA-256 of the raw item in the attachment store (a mail's .eml), when it is kept there.</summary>
    public string? RawSha256 { get; init; }
    /// <summary><see cref="SenderEmail"/> was vouched for by someone the desk trusts (a site signed it for its signed-in
    /// user): the customer is the contact who owns that address. Otherwise (typed into a chat's pre-chat form) it only
    /// goes on a new contact, and only when no other contact has it.</summary>
    public bool SenderEmailIsVerified { get; init; }
    /// <summary>The <see cref="OutboundButton.Payload"/> of the button the customer pressed (a Telegram callback query,
    /// a VK button, a widget button); <see cref="Text"/> is then the button's label.</summary>
    public string? ButtonPayload { get; init; }
}

/// <summary>An address an item was sent to, with its display name if it had one.</summary>
public sealed record InboundAddress(string Address, string? Name);

/// <summary>A file an inbound item carries: an inline one (<see cref="IsInline"/>) is shown in place where the HTML names
/// its <see cref="ContentId"/> (<c>cid:</c>).</summary>
public sealed record InboundAttachment(string? FileName, string? ContentType, byte[] Content, string? ContentId, bool IsInline);

/// <summary>An item that can never be read (a mail over the size limit): quarantined at once with this reason, not
/// tried again.</summary>
public sealed class UnreadableInboundItem(string reason) : Exception(reason);

/// <summary>A polling transport's answer: new items since the cursor, and where to continue.</summary>
/// <param name="Acknowledgement">What the adapter needs to tell the transport, once the items are stored, that it may
/// forget them (IMAP: the UIDs to flag \Seen); see <see cref="IPollingChannelAdapter{TSettings}.AcknowledgeAsync"/>.</param>
public sealed record FetchedBatch(IReadOnlyList<RawInboundItem> Items, string? NextCursor, string? Acknowledgement = null);

/// <summary>A push transport's verdict on one request: accepted with its items (stored before the sender hears
/// "ok"), or refused with the HTTP status to answer (401 on a bad signature, 400 on a malformed body).</summary>
public sealed record PushReceipt(IReadOnlyList<RawInboundItem> Items, int? RefusedStatus = null, string? RefusedReason = null)
{
    /// <summary>What the transport expects back as <c>text/plain</c> instead of the JSON receipt (VK's "ok" for an event,
    /// its confirmation code for the handshake); null: the JSON receipt.</summary>
    public string? PlainTextAnswer { get; init; }
    /// <summary>The error code of a refusal (ProblemDetails <c>code</c>); null: the code of its status.</summary>
    public string? RefusedCode { get; init; }

    public static PushReceipt Accept(params RawInboundItem[] items) => new(items);
    public static PushReceipt Refuse(int status, string reason, string? code = null) => new([], status, reason) { RefusedCode = code };
}

/// <summary>An adapter speaks one transport. It sends replies and reads stored raw items; it knows nothing of tickets.</summary>
public interface IChannelAdapter<in TSettings> where TSettings : class, IChannelSettings
{
    Task<DeliveryResult> SendAsync(TSettings settings, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Reads a raw item stored earlier. Throws when it cannot (the item is then retried, then quarantined).</summary>
    InboundMessage Parse(TSettings settings, string payload);

    /// <summary>Reads a stored item when that needs the network (a Telegram file fetched through getFile, a connector's
    /// attachment by URL). Runs outside any transaction, before the filters; a throw retries the item, then quarantines
    /// it, like <see cref="Parse"/>. The default reads it with <see cref="Parse"/>.</summary>
    Task<InboundMessage> ParseAsync(TSettings settings, string payload, CancellationToken cancellationToken) =>
        Task.FromResult(Parse(settings, payload));

    /// <summary>What ties a stored item to others (its sender, the conversation it starts or continues): items of one
    /// batch that share a key, directly or through others, are processed one after another in order of arrival (a mail
    /// and the reply to it, two mails from one customer); the others at once. Read cheaply, without
    /// <see cref="Parse"/>. The default, one key for every item, processes the account's items one at a time.</summary>
    IReadOnlyList<string> OrderKeys(TSettings settings, string payload) => [""];
}

/// <summary>A transport Okno asks for news (IMAP, a Telegram bot without a webhook).</summary>
public interface IPollingChannelAdapter<in TSettings> : IChannelAdapter<TSettings> where TSettings : class, IChannelSettings
{
    Task<FetchedBatch> FetchAsync(TSettings settings, string? cursor, CancellationToken cancellationToken);

    /// <summary>Called once the batch's items are stored (committed), never before: the transport may now mark them
    /// read. A crash before this fetches them again, and the unique key makes that a no-op.</summary>
    Task AcknowledgeAsync(TSettings settings, FetchedBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>How often to ask; null: at every run of the inbound job.</summary>
    TimeSpan? PollInterval(TSettings settings) => null;

    /// <summary>Waits until the transport says something new arrived after <paramref name="cursor"/> (IMAP IDLE), at
    /// most <paramref name="longest"/>: true on news (fetch now), false when the time passed, null when the transport
    /// cannot say (then polling alone fetches).</summary>
    Task<bool?> WaitForNewsAsync(TSettings settings, string? cursor, TimeSpan longest, CancellationToken cancellationToken) =>
        Task.FromResult<bool?>(null);
}

/// <summary>A transport whose account settings can be tried out ("test connection"): throws an
/// <see cref="Platform.Web.OknoException"/> of a <see cref="ChannelConnectionFailed"/> saying what is wrong.</summary>
public interface IConnectionTestingChannelAdapter<in TSettings> where TSettings : class, IChannelSettings
{
    Task TestConnectionAsync(TSettings settings, CancellationToken cancellationToken);
}

/// <summary>An account's server could not be reached or refused it; the code says why (wrong password, certificate,
/// host not found, folder missing…), the parameters name the server.</summary>
public sealed record ChannelConnectionFailed : StateConflict
{
    public ChannelConnectionFailed(string code, string detail, params (string Name, object? Value)[] parameters)
        : base(code, "Connection failed", detail, parameters) { }
}

/// <summary>The bytes of a stored item as the transport delivered them, for an admin to download.</summary>
public sealed record RawItemContent(Stream Content, string ContentType, string FileName);

/// <summary>An adapter whose items' payload is not the item as received but a reference to it (email keeps the raw
/// mail in the attachment store): it opens the original. Without it, the stored payload is the raw item.</summary>
public interface IRawInboundItemAdapter
{
    /// <summary>The original of a stored item, or null when the store no longer has it; throws an
    /// <see cref="Platform.Web.OknoException"/> when the item never had one (a mail left on the server).</summary>
    RawItemContent? OpenRaw(long itemId, string payload);
}

/// <summary>A transport that calls Okno (a webhook, the web form). The adapter only checks the request and cuts it into
/// raw items; <c>POST /api/v1/channels/{id}/inbound</c> stores them and answers.</summary>
public interface IPushChannelAdapter<in TSettings> : IChannelAdapter<TSettings> where TSettings : class, IChannelSettings
{
    Task<PushReceipt> ReceiveAsync(TSettings settings, HttpRequest request, CancellationToken cancellationToken);
}

/// <summary>One registered adapter: its kind and settings type, and the typed calls into it, so nothing outside
/// needs to know either type (no string-to-type reflection, no switch on a kind).</summary>
public abstract class ChannelAdapterBinding(ChannelKind kind, Type settingsType)
{
    public ChannelKind Kind { get; } = kind;
    public Type SettingsType { get; } = settingsType;
    public abstract bool Polls { get; }
    public abstract bool Pushes { get; }
    public abstract bool TestsConnection { get; }

    /// <summary>Checks settings sent by an admin and gives the JSON to store (secrets protected), or null with errors.</summary>
    internal abstract string? ReadSettings(JsonObject json, FieldErrors errors, ChannelSettingsCodec codec);
    internal abstract Task<DeliveryResult> SendAsync(IServiceProvider services, ChannelAccount account, OutboundMessage message, CancellationToken ct);
    internal abstract Task<InboundMessage> ParseAsync(IServiceProvider services, ChannelAccount account, string payload, CancellationToken ct);
    internal abstract IReadOnlyList<string> OrderKeys(IServiceProvider services, ChannelAccount account, string payload);
    internal abstract Task<PushReceipt> ReceiveAsync(IServiceProvider services, ChannelAccount account, HttpRequest request, CancellationToken ct);
    internal abstract Task<FetchedBatch> FetchAsync(IServiceProvider services, ChannelAccount account, string? cursor, CancellationToken ct);
    internal abstract Task AcknowledgeAsync(IServiceProvider services, ChannelAccount account, FetchedBatch batch, CancellationToken ct);
    internal abstract TimeSpan? PollInterval(IServiceProvider services, ChannelAccount account);
    internal abstract Task<bool?> WaitForNewsAsync(IServiceProvider services, ChannelAccount account, TimeSpan longest, CancellationToken ct);
    internal abstract Task TestConnectionAsync(IServiceProvider services, ChannelAccount account, CancellationToken ct);

    /// <summary>The item as received: what <see cref="IRawInboundItemAdapter"/> opens, else the stored payload as JSON.</summary>
    internal RawItemContent? OpenRaw(IServiceProvider services, long itemId, string payload) =>
        services.GetRequiredService(AdapterType) is IRawInboundItemAdapter raw
            ? raw.OpenRaw(itemId, payload)
            : new RawItemContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(payload), writable: false), "application/json", $"{itemId}.json");

    protected abstract Type AdapterType { get; }
}

internal sealed class ChannelAdapterBinding<TAdapter, TSettings>(ChannelKind kind) : ChannelAdapterBinding(kind, typeof(TSettings))
    where TAdapter : class, IChannelAdapter<TSettings>
    where TSettings : class, IChannelSettings
{
    public override bool Polls => typeof(IPollingChannelAdapter<TSettings>).IsAssignableFrom(typeof(TAdapter));
    public override bool Pushes => typeof(IPushChannelAdapter<TSettings>).IsAssignableFrom(typeof(TAdapter));
    public override bool TestsConnection => typeof(IConnectionTestingChannelAdapter<TSettings>).IsAssignableFrom(typeof(TAdapter));
    protected override Type AdapterType => typeof(TAdapter);

    internal override string? ReadSettings(JsonObject json, FieldErrors errors, ChannelSettingsCodec codec)
    {
        TSettings? settings;
        try
        {
            settings = json.Deserialize<TSettings>(ChannelSettingsCodec.Json);
        }
        catch (JsonException e)
        {
            errors.Add(e.Path is { Length: > 2 } path ? "settings." + path[2..] : "settings", ChannelErrorCodes.InvalidSettings, $"Not valid settings for a '{Kind}' account: {e.Message}", ("kind", Kind));
            return null;
        }
        if (settings is null)
        {
            errors.Required("settings");
            return null;
        }
        if (settings is IDefaultedChannelSettings defaulted) settings = (TSettings)defaulted.WithDefaults();
        settings.Validate(errors);
        // Protected even when another field is wrong: the caller refuses the whole request then, and stores nothing.
        return codec.Protect(settings);
    }

    private static TSettings Settings(IServiceProvider services, ChannelAccount account) =>
        services.GetRequiredService<ChannelSettingsCodec>().Unprotect<TSettings>(account.Settings);

    internal override Task<DeliveryResult> SendAsync(IServiceProvider services, ChannelAccount account, OutboundMessage message, CancellationToken ct) =>
        services.GetRequiredService<TAdapter>().SendAsync(Settings(services, account), message, ct);

    internal override Task<InboundMessage> ParseAsync(IServiceProvider services, ChannelAccount account, string payload, CancellationToken ct) =>
        services.GetRequiredService<TAdapter>().ParseAsync(Settings(services, account), payload, ct);

    internal override IReadOnlyList<string> OrderKeys(IServiceProvider services, ChannelAccount account, string payload) =>
        services.GetRequiredService<TAdapter>().OrderKeys(Settings(services, account), payload);

    internal override Task<PushReceipt> ReceiveAsync(IServiceProvider services, ChannelAccount account, HttpRequest request, CancellationToken ct) =>
        services.GetRequiredService<TAdapter>() is IPushChannelAdapter<TSettings> push
            ? push.ReceiveAsync(Settings(services, account), request, ct)
            : Task.FromResult(PushReceipt.Refuse(StatusCodes.Status404NotFound, $"A '{Kind}' account takes no pushed items."));

    internal override Task<FetchedBatch> FetchAsync(IServiceProvider services, ChannelAccount account, string? cursor, CancellationToken ct) =>
        services.GetRequiredService<TAdapter>() is IPollingChannelAdapter<TSettings> poll
            ? poll.FetchAsync(Settings(services, account), cursor, ct)
            : Task.FromResult(new FetchedBatch([], cursor));

    internal override Task AcknowledgeAsync(IServiceProvider services, ChannelAccount account, FetchedBatch batch, CancellationToken ct) =>
        services.GetRequiredService<TAdapter>() is IPollingChannelAdapter<TSettings> poll
            ? poll.AcknowledgeAsync(Settings(services, account), batch, ct)
            : Task.CompletedTask;

    internal override TimeSpan? PollInterval(IServiceProvider services, ChannelAccount account) =>
        services.GetRequiredService<TAdapter>() is IPollingChannelAdapter<TSettings> poll ? poll.PollInterval(Settings(services, account)) : null;

    internal override Task<bool?> WaitForNewsAsync(IServiceProvider services, ChannelAccount account, TimeSpan longest, CancellationToken ct) =>
        services.GetRequiredService<TAdapter>() is IPollingChannelAdapter<TSettings> poll
            ? poll.WaitForNewsAsync(Settings(services, account), account.Cursor, longest, ct)
            : Task.FromResult<bool?>(null);

    internal override Task TestConnectionAsync(IServiceProvider services, ChannelAccount account, CancellationToken ct) =>
        services.GetRequiredService<TAdapter>() is IConnectionTestingChannelAdapter<TSettings> test
            ? test.TestConnectionAsync(Settings(services, account), ct)
            : throw new OknoException(new StateConflict(ChannelErrorCodes.NoConnectionTest, $"A '{Kind}' account has no connection to test.", ("kind", Kind.Value)));
}

/// <summary>The registered adapters by kind.</summary>
public sealed class ChannelAdapters
{
    private readonly Dictionary<ChannelKind, ChannelAdapterBinding> _byKind = [];

    public ChannelAdapters(IEnumerable<ChannelAdapterBinding> bindings)
    {
        foreach (var binding in bindings)
            if (!_byKind.TryAdd(binding.Kind, binding))
                throw new InvalidOperationException($"Two channel adapters are registered for the kind '{binding.Kind}'.");
    }

    public IReadOnlyCollection<ChannelAdapterBinding> All => _byKind.Values;

    public ChannelAdapterBinding? Find(ChannelKind kind) => _byKind.GetValueOrDefault(kind);

    public ChannelAdapterBinding Of(ChannelKind kind) =>
        Find(kind) ?? throw new InvalidOperationException($"No channel adapter is registered for the kind '{kind}'.");
}

/// <summary>Where adapters and inbound filters are registered, one line each. A kind registered twice fails at once,
/// at start-up.</summary>
public sealed class ChannelsBuilder(IServiceCollection services)
{
    private readonly HashSet<ChannelKind> _kinds = [];

    public ChannelsBuilder AddAdapter<TAdapter, TSettings>(string kind)
        where TAdapter : class, IChannelAdapter<TSettings>
        where TSettings : class, IChannelSettings
    {
        var channelKind = ChannelKind.Of(kind);
        if (!_kinds.Add(channelKind))
            throw new InvalidOperationException($"Two channel adapters are registered for the kind '{kind}'.");
        services.AddScoped<TAdapter>();
        services.AddSingleton<ChannelAdapterBinding>(new ChannelAdapterBinding<TAdapter, TSettings>(channelKind));
        return this;
    }

    /// <summary>Adds a step to the inbound pipeline; steps run in the order they are added.</summary>
    public ChannelsBuilder AddFilter<TFilter>() where TFilter : class, IInboundFilter
    {
        services.AddScoped<IInboundFilter, TFilter>();
        return this;
    }
}
