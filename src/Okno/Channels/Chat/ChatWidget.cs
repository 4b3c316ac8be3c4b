using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Files;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Channels.Chat;

public sealed record ChatPage(string? Url, string? Title);
public sealed record ChatIdentity(string? UserId, string? Email, string? Name, string? Hash);
public sealed record ChatSessionRequest(string? Token, string? Lang, ChatPage? Page, ChatIdentity? Identity);
/// <param name="ButtonPayload">The payload of the button the visitor pressed (a bot's offered choice); <see cref="Text"/> is
/// then its label.</param>
public sealed record ChatSendRequest(string? ClientId, string? Text, ChatPage? Page, string? Name, string? Email, string? Phone,
    string? ButtonPayload = null);
public sealed record ChatProfileRequest(string? Name, string? Email, string? Phone);

public sealed record ChatConfigView(string Title, string? Greeting, string Accent, string AccentText, ChatPrechatView Prechat, bool Online,
    string? OfflineText, IReadOnlyList<ChatInvitation> Invitations, long MaxFileBytes, IReadOnlyList<string> FileTypes, int MaxMessageLength);
public sealed record ChatPrechatView(string Name, string Email, string Phone);
public sealed record ChatVisitorView(string? Name, string? Email, string? Phone);
public sealed record ChatConversationView(string Status, bool Rated);
public sealed record ChatSessionView(string Token, string VisitorId, ChatConfigView Config, ChatVisitorView Visitor, ChatConversationView Conversation,
    IReadOnlyList<ChatMessageView> Messages, bool HasMore, long ReadUpTo);
public sealed record ChatHistoryView(IReadOnlyList<ChatMessageView> Messages, bool HasMore);

/// <summary>What a sent message came to: written (the stored message), or stored safely and written later (the stream
/// brings it).</summary>
public sealed record ChatSendResult(ChatMessageView? Message, string ClientId);

/// <summary>A file a visitor sends with a message, already read and checked against the limits.</summary>
public sealed record ChatUpload(string FileName, string ContentType, byte[] Content);

/// <summary>The visitor's side of the chat: sessions, messages and files (stored in the inbound store first, then written
/// through the one pipeline at once), typing, pages, read marks, transcripts and ratings. The endpoints check the origin,
/// the token and the rate limits before anything here runs.</summary>
public sealed partial class ChatWidget(
    OknoDb db, ChatChannels channels, ChatMessages messages, ChatFeed feed, InboundStore store, InboundProcessor processor, AttachmentStore files,
    TimeProvider clock, IOptions<ChatOptions> options)
{
    /// <summary>The visitor of a token on this channel, or null.</summary>
    public async Task<ChatVisitor?> VisitorAsync(ChatChannel channel, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = TokenCodec.Hash(token);
        return await db.Set<ChatVisitor>().FirstOrDefaultAsync(v => v.TokenHash == hash && v.AccountId == channel.AccountId, cancellationToken);
    }

    /// <summary>Opens or resumes a visitor's session. An unknown token starts a new visitor (the caller checked the
    /// new-visitor rate limit); a valid signed identity ties the browser to the site's user.</summary>
    public async Task<ChatSessionView> StartAsync(ChatChannel channel, ChatSessionRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var visitor = await VisitorAsync(channel, request.Token, cancellationToken);
        var token = request.Token;
        if (visitor is null)
        {
            token = "ocv_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            visitor = new ChatVisitor
            {
                AccountId = channel.AccountId, TokenHash = TokenCodec.Hash(token), SenderId = "v_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                CreatedAt = now, LastSeenAt = now,
            };
            db.Add(visitor);
        }
        if (request.Identity is { } identity && VerifiedUser(channel.Settings, identity) is { } user)
        {
            visitor.UserId = user.UserId;
            visitor.SenderId = "u:" + user.UserId;
            if (user.Email is { } email) visitor.Email = email;
            if (Clean(identity.Name, ChatVisitor.NameMaxLength) is { } name) visitor.Name = name;
        }
        visitor.Language = request.Lang is "ru" or "en" ? request.Lang : visitor.Language;
        visitor.LastSeenAt = now;
        RecordPage(visitor, request.Page, now);
        await db.SaveChangesAsync(cancellationToken);

        var ticketId = await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, cancellationToken);
        List<ChatMessageView> history = [];
        var hasMore = false;
        var status = "none";
        ChatConversation? conversation = null;
        if (ticketId is { } id)
        {
            (history, hasMore) = await messages.PageAsync(channel, id, null, null, ChatMessages.PageSize, cancellationToken);
            status = StatusName(await db.Tickets.Where(t => t.Id == id).Select(t => t.Status).SingleAsync(cancellationToken));
            conversation = await db.Set<ChatConversation>().AsNoTracking().FirstOrDefaultAsync(c => c.TicketId == id, cancellationToken);
        }
        var settings = channel.Settings;
        var o = options.Value;
        var config = new ChatConfigView(settings.Title ?? channel.Name, settings.Greeting, settings.Accent, settings.AccentText,
            new ChatPrechatView(settings.PrechatName, settings.PrechatEmail, settings.PrechatPhone), await channels.IsOnlineAsync(channel, cancellationToken),
            settings.OfflineText, settings.Invitations ?? [], o.MaxFileBytes, o.FileTypes, o.MaxMessageLength);
        return new ChatSessionView(token!, visitor.SenderId, config, new ChatVisitorView(visitor.Name, visitor.Email, visitor.Phone),
            new ChatConversationView(status, conversation?.RatedAt is not null), history, hasMore, conversation?.AgentReadUpTo ?? 0);
    }

    public static string StatusName(TicketStatus status) => status switch
    {
        TicketStatus.Resolved => "resolved",
        TicketStatus.Closed => "closed",
        _ => "open",
    };

    /// <summary>The site's user when the identity's hash is the channel secret's HMAC-SHA256 of "userId\nemail" (hex);
    /// null otherwise (the visitor then goes on anonymously: a wrong hash must not break the site's page).</summary>
    public static (string UserId, string? Email)? VerifiedUser(ChatSettings settings, ChatIdentity identity)
    {
        if (settings.Secret is not { Length: > 0 } secret || Clean(identity.UserId, ChatVisitor.UserIdMaxLength) is not { } userId
            || string.IsNullOrWhiteSpace(identity.Hash)) return null;
        var email = string.IsNullOrWhiteSpace(identity.Email) ? null : identity.Email.Trim();
        if (email is not null && (email.Length > ChatVisitor.EmailMaxLength || !FieldErrors.IsEmail(email))) return null;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId + "\n" + (email ?? "")));
        byte[] given;
        try { given = Convert.FromHexString(identity.Hash.Trim()); }
        catch (FormatException) { return null; }
        return CryptographicOperations.FixedTimeEquals(expected, given) ? (userId, email?.ToLowerInvariant()) : null;
    }

    public async Task<ChatHistoryView> HistoryAsync(ChatChannel channel, ChatVisitor visitor, long? before, int? limit, CancellationToken cancellationToken)
    {
        if (await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, cancellationToken) is not { } ticketId) return new([], false);
        var (page, more) = await messages.PageAsync(channel, ticketId, before, null, limit ?? ChatMessages.PageSize, cancellationToken);
        return new(page, more);
    }

    /// <summary>Stores the message in the inbound store under the browser's own id for it (so a retry is the same item),
    /// then writes it through the pipeline at once. A message sent again after it was written answers with the stored
    /// one; one that could not be written now stays stored, and the inbound job writes it.</summary>
    public async Task<ChatSendResult> SendAsync(ChatChannel channel, ChatVisitor visitor, ChatSendRequest request, ChatUpload? upload,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var clientId = request.ClientId?.Trim();
        if (clientId is null || !ClientIdShape().IsMatch(clientId))
            errors.Add("clientId", ChatErrorCodes.InvalidClientId, "8 to 64 letters, digits, '-' or '_'.");
        var text = (request.Text ?? "").Replace("\r\n", "\n").Trim();
        var max = options.Value.MaxMessageLength;
        if (text.Length == 0 && upload is null) errors.Add("text", ChatErrorCodes.MessageEmpty, "Write a message.");
        else if (text.Length > max) errors.Add("text", ChatErrorCodes.MessageTooLong, $"At most {max} characters.", ("max", max));
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\t'))) errors.ControlCharacters("text");
        var payload = request.ButtonPayload;
        // What a transport carries back (Telegram's callback data): short printable ASCII, never shown to anyone.
        if (payload is not null && (payload.Length is 0 or > OutboundButton.MaxPayloadLength || payload.Any(c => c is < ' ' or > '~')))
            errors.Add("buttonPayload", ChatErrorCodes.InvalidButtonPayload, $"1 to {OutboundButton.MaxPayloadLength} printable ASCII characters.",
                ("max", OutboundButton.MaxPayloadLength));
        errors.ThrowIfAny();

        var externalId = $"{visitor.Id}:{clientId}";
        var known = await db.Set<InboundItem>().AsNoTracking().Where(i => i.AccountId == channel.AccountId && i.ExternalId == externalId)
            .Select(i => new { i.Id, i.MessageId }).FirstOrDefaultAsync(cancellationToken);
        if (known is null)
        {
            ApplyProfile(channel.Settings, visitor, new ChatProfileRequest(request.Name, request.Email, request.Phone), requirePrechat: true);
            RecordPage(visitor, request.Page, clock.GetUtcNow());
            visitor.LastSeenAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            List<ChatItemFile>? stored = null;
            if (upload is not null)
            {
                var (sha, size) = await files.SaveAsync(upload.Content, cancellationToken);
                stored = [new ChatItemFile(sha, upload.FileName, upload.ContentType, size)];
            }
            var item = new ChatItem(visitor.SenderId, visitor.Id, clientId!, text, visitor.Name ?? AnonymousName(visitor), visitor.Email,
                visitor.UserId is not null && visitor.Email is not null,
                visitor.Phone, stored) { ButtonPayload = payload };
            await store.StoreAsync(channel.AccountId, [new RawInboundItem(externalId, JsonSerializer.Serialize(item, ChatJson.Options)) { Sender = visitor.SenderId }],
                cancellationToken, wake: false);
            known = await db.Set<InboundItem>().AsNoTracking().Where(i => i.AccountId == channel.AccountId && i.ExternalId == externalId)
                .Select(i => new { i.Id, i.MessageId }).SingleAsync(cancellationToken);
        }
        if (known.MessageId is null)
        {
            await processor.ProcessNowAsync(known.Id, cancellationToken);
            known = await db.Set<InboundItem>().AsNoTracking().Where(i => i.Id == known.Id).Select(i => new { i.Id, i.MessageId }).SingleAsync(cancellationToken);
        }
        var message = known.MessageId is { } messageId ? await messages.OneAsync(channel, messageId, cancellationToken) : null;
        return new ChatSendResult(message, clientId!);
    }

    /// <summary>The pre-chat form: name, email and phone, each checked; the ones the channel requires must be there.</summary>
    public async Task<ChatVisitorView> UpdateProfileAsync(ChatChannel channel, ChatVisitor visitor, ChatProfileRequest request, CancellationToken cancellationToken)
    {
        ApplyProfile(channel.Settings, visitor, request, requirePrechat: false);
        await db.SaveChangesAsync(cancellationToken);
        return new ChatVisitorView(visitor.Name, visitor.Email, visitor.Phone);
    }

    private static void ApplyProfile(ChatSettings settings, ChatVisitor visitor, ChatProfileRequest request, bool requirePrechat)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name, ChatVisitor.NameMaxLength, required: false);
        errors.Email("email", request.Email, required: false);
        if (!string.IsNullOrWhiteSpace(request.Phone) && !Customers.ContactPhone.IsValid(request.Phone.Trim())) errors.Add("phone", ErrorCodes.InvalidPhone, "Not a phone number.");
        errors.ThrowIfAny();
        // A signed-in user's address came signed by the site: the form does not replace it.
        if (Clean(request.Name, ChatVisitor.NameMaxLength) is { } name) visitor.Name = name;
        if (visitor.UserId is null || visitor.Email is null)
            if (Clean(request.Email, ChatVisitor.EmailMaxLength) is { } email) visitor.Email = email.ToLowerInvariant();
        if (Clean(request.Phone, ChatVisitor.PhoneMaxLength) is { } phone) visitor.Phone = phone;
        if (!requirePrechat) return;
        var missing = new List<string>();
        if (settings.PrechatName == ChatSettings.Required && visitor.Name is null) missing.Add("name");
        if (settings.PrechatEmail == ChatSettings.Required && visitor.Email is null) missing.Add("email");
        if (settings.PrechatPhone == ChatSettings.Required && visitor.Phone is null) missing.Add("phone");
        if (missing.Count == 0) return;
        foreach (var field in missing)
            errors.Add(field, ChatErrorCodes.PrechatRequired, "Fill this in before the first message.");
        errors.ThrowIfAny();
    }

    /// <summary>The visitor moved to another page (kept for agents: where they are, where they were).</summary>
    public async Task PageAsync(ChatChannel channel, ChatVisitor visitor, ChatPage page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        visitor.LastSeenAt = now;
        if (!RecordPage(visitor, page, now)) return;
        await db.SaveChangesAsync(cancellationToken);
        if (await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, cancellationToken) is { } ticketId)
            feed.Publish(ChatFeed.TicketKey(ticketId), "visitor", null, new { page = visitor.PageUrl });
    }

    private static bool RecordPage(ChatVisitor visitor, ChatPage? page, DateTimeOffset now)
    {
        var url = page?.Url?.Trim();
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        if (url.Length > ChatVisitor.UrlMaxLength) url = url[..ChatVisitor.UrlMaxLength];
        if (url == visitor.PageUrl) return false;
        var title = Clean(page?.Title, ChatVisitor.TitleMaxLength);
        visitor.PageUrl = url;
        visitor.PageTitle = title;
        var pages = JsonSerializer.Deserialize<List<ChatVisitedPage>>(visitor.Pages, ChatJson.Options) ?? [];
        pages.Add(new ChatVisitedPage(url, title, now));
        visitor.Pages = JsonSerializer.Serialize(pages.TakeLast(ChatVisitor.PagesKept), ChatJson.Options);
        return true;
    }

    /// <summary>Typing (or stopped): to the agents who have the ticket open, and to agent apps' streams.</summary>
    public async Task TypingAsync(ChatChannel channel, ChatVisitor visitor, bool typing, CancellationToken cancellationToken)
    {
        if (await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, cancellationToken) is not { } ticketId) return;
        feed.Publish(ChatFeed.TicketKey(ticketId), "visitor_typing", null, new { typing });
        feed.Publish(ChatFeed.AgentsKey, "typing", null, new ChatAgentTyping(ticketId, typing));
    }

    /// <summary>The visitor saw the agents' messages up to this one in an open widget: those need no email.</summary>
    public async Task SeenAsync(ChatChannel channel, ChatVisitor visitor, long upTo, CancellationToken cancellationToken)
    {
        if (await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, cancellationToken) is not { } ticketId) return;
        var now = clock.GetUtcNow();
        await db.Set<ChatConversation>().Where(c => c.TicketId == ticketId && c.VisitorSeenUpTo < upTo)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.VisitorSeenUpTo, upTo)
                .SetProperty(c => c.MailDueAt, c => upTo >= c.LastAgentMessageId ? null : c.MailDueAt).SetProperty(c => c.UpdatedAt, now), cancellationToken);
    }

    /// <summary>One rating (1–5, a comment) of the visitor's conversation; shown to agents on the ticket.</summary>
    public async Task RateAsync(ChatChannel channel, ChatVisitor visitor, int score, string? comment, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (score is < 1 or > 5) errors.Add("score", ErrorCodes.OutOfRange, "Between 1 and 5.", ("min", 1), ("max", 5));
        errors.Text("comment", comment, ChatConversation.CommentMaxLength, required: false);
        errors.ThrowIfAny();
        var ticketId = await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, cancellationToken);
        var conversation = ticketId is { } id ? await db.Set<ChatConversation>().FirstOrDefaultAsync(c => c.TicketId == id, cancellationToken) : null;
        if (conversation is null) throw new OknoException(new StateConflict(ChatErrorCodes.NothingToRate, "There is no conversation to rate yet."));
        if (conversation.RatedAt is not null) throw new OknoException(new StateConflict(ChatErrorCodes.AlreadyRated, "This conversation is rated already."));
        conversation.Rating = score;
        conversation.RatingComment = Clean(comment, ChatConversation.CommentMaxLength);
        conversation.RatedAt = conversation.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(ChatFeed.TicketKey(conversation.TicketId), "visitor", null, new { rating = score });
    }

    /// <summary>The visitor ended the chat: agents see it at once.</summary>
    public async Task CloseAsync(ChatChannel channel, ChatVisitor visitor, CancellationToken cancellationToken)
    {
        if (await messages.TicketOfAsync(channel.AccountId, visitor.SenderId, cancellationToken) is { } ticketId)
            feed.Publish(ChatFeed.TicketKey(ticketId), "visitor", null, new { ended = true });
    }

    /// <summary>What a visitor who gave no name is called on their new contact: "Посетитель 3f2a1c" (their language),
    /// not the 34-character id agents cannot tell apart.</summary>
    private static string AnonymousName(ChatVisitor visitor)
    {
        var id = visitor.SenderId.TrimStart('v', '_', 'u', ':');
        return (visitor.Language == "en" ? "Visitor " : "Посетитель ") + id[..Math.Min(6, id.Length)];
    }

    private static string? Clean(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var one = Platform.Text.SingleLine.Of(value);
        return one.Length <= max ? one : one[..max];
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex ClientIdShape();
}

public sealed record ChatVisitedPage(string Url, string? Title, DateTimeOffset At);
public sealed record ChatAgentTyping(long TicketId, bool Typing);
