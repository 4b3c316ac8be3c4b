using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Tickets;

namespace Okno.Channels.Chat;

/// <summary>A message as the widget shows it. Visitor text is text only; <see cref="Html"/> (agents' messages) was
/// sanitized when it was written.</summary>
public sealed record ChatMessageView(long Id, string? ClientId, string Author, string? Name, DateTimeOffset At, string Text, string? Html,
    IReadOnlyList<ChatFileView> Files)
{
    /// <summary>Choices offered with the message (a bot's buttons): the widget shows them under it, and pressing one sends
    /// its label with its payload.</summary>
    public IReadOnlyList<ChatButtonView> Buttons { get; init; } = [];
}

public sealed record ChatButtonView(string Payload, string Label);

/// <summary>A file of a message; <see cref="Url"/> is signed (it works in an <c>img</c> without the visitor's token) and
/// expires after a day (a reload signs it again).</summary>
public sealed record ChatFileView(long Id, string Name, string Type, long Size, string Url);

/// <summary>Reads a conversation's public messages as the widget shows them, and signs their files' addresses.</summary>
public sealed class ChatMessages(OknoDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const int PageSize = 50;
    private static readonly TimeSpan FileLinkLifetime = TimeSpan.FromDays(1);

    private ITimeLimitedDataProtector Files => protection.CreateProtector("Okno.Chat.Files.v1").ToTimeLimitedDataProtector();

    /// <summary>The ticket a visitor's conversation is on: that of their newest message that became one (its inbound item
    /// names it), whether it came on this browser or another of the same signed-in user.</summary>
    public async Task<long?> TicketOfAsync(long accountId, string senderId, CancellationToken cancellationToken)
    {
        var sender = InboundItemText.Sender(senderId);
        return await db.Set<InboundItem>().Where(i => i.AccountId == accountId && i.Sender == sender && i.TicketId != null)
            .OrderByDescending(i => i.ReceivedAt).Select(i => i.TicketId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Public messages of the ticket, oldest first: the newest page, or those before <paramref name="before"/>,
    /// or (resuming a stream) all after <paramref name="after"/>.</summary>
    public async Task<(List<ChatMessageView> Messages, bool HasMore)> PageAsync(ChatChannel channel, long ticketId, long? before, long? after, int limit,
        CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, 200);
        var query = db.Messages.AsNoTracking().Where(m => m.TicketId == ticketId && !m.IsInternal);
        if (before is { } b) query = query.Where(m => m.Id < b);
        if (after is { } a) query = query.Where(m => m.Id > a);
        var rows = after is null
            ? await query.OrderByDescending(m => m.Id).Take(limit + 1).Include(m => m.Attachments).ToListAsync(cancellationToken)
            : await query.OrderBy(m => m.Id).Take(limit + 1).Include(m => m.Attachments).ToListAsync(cancellationToken);
        var hasMore = rows.Count > limit;
        rows = rows.Take(limit).OrderBy(m => m.Id).ToList();
        return (await ViewsAsync(channel, rows, cancellationToken), hasMore);
    }

    public async Task<ChatMessageView?> OneAsync(ChatChannel channel, long messageId, CancellationToken cancellationToken)
    {
        var row = await db.Messages.AsNoTracking().Include(m => m.Attachments).FirstOrDefaultAsync(m => m.Id == messageId && !m.IsInternal, cancellationToken);
        return row is null ? null : (await ViewsAsync(channel, [row], cancellationToken))[0];
    }

    private async Task<List<ChatMessageView>> ViewsAsync(ChatChannel channel, List<Message> rows, CancellationToken cancellationToken)
    {
        var agentIds = rows.Where(m => m.AuthorKind == ActorKind.Agent && m.AuthorId is not null).Select(m => m.AuthorId!.Value).Distinct().ToList();
        var names = agentIds.Count == 0 ? [] : await db.Set<Agent>().Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        return rows.Select(m => View(channel, m, names)).ToList();
    }

    private ChatMessageView View(ChatChannel channel, Message m, Dictionary<long, string> agentNames)
    {
        var fromVisitor = m.Direction == MessageDirection.In;
        // A bot talks like a person of the desk (on the agents' side of the window); rules' automatic messages are the system's.
        var author = fromVisitor ? "visitor" : m.AuthorKind is ActorKind.Agent or ActorKind.Bot ? "agent" : "system";
        var name = m.AuthorKind == ActorKind.Agent && m.AuthorId is { } id ? agentNames.GetValueOrDefault(id) : null;
        // The widget's own id of a message it sent ("<browser>:<client id>"), so it can match its pending copy.
        var clientId = fromVisitor && m.ChannelAccountId == channel.AccountId && m.ExternalId is { } external && external.IndexOf(':') is > 0 and var colon
            ? external[(colon + 1)..] : null;
        var files = m.Attachments.Where(a => !a.IsInline).Select(a => new ChatFileView(a.Id, a.FileName, a.ContentType, a.Size, FileUrl(channel, a.Id))).ToList();
        return new ChatMessageView(m.Id, clientId, author, name, m.CreatedAt, m.BodyText, fromVisitor ? null : m.BodyHtml, files)
        {
            Buttons = m.OfferedButtons.Select(b => new ChatButtonView(b.Payload, b.Label)).ToList(),
        };
    }

    /// <summary>The relative address of a file; the widget puts its base in front.</summary>
    public string FileUrl(ChatChannel channel, long attachmentId) =>
        $"widget/v1/{channel.Settings.Key}/files/{attachmentId}?sig={Files.Protect($"{channel.AccountId}:{attachmentId}", clock.GetUtcNow() + FileLinkLifetime)}";

    /// <summary>Whether a signature was made by <see cref="FileUrl"/> for this file of this channel and has not expired.</summary>
    public bool IsValidFileSignature(ChatChannel channel, long attachmentId, string? signature)
    {
        if (string.IsNullOrEmpty(signature)) return false;
        try
        {
            return Files.Unprotect(signature, out var expires) == $"{channel.AccountId}:{attachmentId}" && expires > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
