using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Files;
using Okno.Tickets;

namespace Okno.Channels.Chat;

/// <summary>A visitor's message as stored in the inbound store (written by <see cref="ChatWidget"/>): who (the sender id
/// the pipeline knows them by, and the browser), the widget's id of the message, its text, the pre-chat details, and
/// files already kept in the attachment store by their SHA-256.</summary>
public sealed record ChatItem(string Sender, long Visitor, string ClientId, string Text, string? Name = null, string? Email = null,
    bool EmailVerified = false, string? Phone = null, IReadOnlyList<ChatItemFile>? Files = null)
{
    /// <summary>The payload of the button the visitor pressed (checked by <see cref="ChatWidget.SendAsync"/>).</summary>
    public string? ButtonPayload { get; init; }
}

public sealed record ChatItemFile(string Sha256, string Name, string Type, long Size);

/// <summary>The chat transport. Visitors' messages come in through the widget endpoints (<see cref="ChatWidgetEndpoints"/>),
/// which store them as items of this kind; an agent's reply goes out here: to the visitor's open widget at once (the live
/// stream on whichever node holds it), and, if they never see it, by email later (<see cref="ChatMissedAnswers"/>), so a
/// visitor who is connected gets nothing twice.</summary>
public sealed class ChatAdapter(OknoDb db, ChatChannels channels, ChatMessages messages, ChatFeed feed, AttachmentStore files, TimeProvider clock,
    IOptions<ChatOptions> options) : IChannelAdapter<ChatSettings>
{
    public async Task<DeliveryResult> SendAsync(ChatSettings settings, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.MessageId == 0)
            return DeliveryResult.Failed("Only replies to a chat visitor go through the chat.", retryable: false);
        var channel = settings.Key is { } key ? await channels.FindAsync(key, cancellationToken) : null;
        if (channel is null) return DeliveryResult.Failed("The chat channel is disabled or has no key.", retryable: false);
        var ticketId = await db.Messages.Where(m => m.Id == message.MessageId).Select(m => m.TicketId).SingleAsync(cancellationToken);
        // The conversation names the visitor (whoever their contact is: a signed-in user may be a contact known by email).
        var sender = await db.Set<ChatConversation>().Where(c => c.TicketId == ticketId)
            .Join(db.Set<ChatVisitor>(), c => c.VisitorId, v => v.Id, (c, v) => v.SenderId).FirstOrDefaultAsync(cancellationToken)
            ?? await LatestVisitorAsync(channel, ticketId, cancellationToken);
        if (sender is null)
            return DeliveryResult.Failed("No chat visitor wrote in this ticket.", retryable: false);
        // Remembered first: if the visitor never sees it, it goes by email (the job checks whether they left an address).
        var now = clock.GetUtcNow();
        await db.Set<ChatConversation>().Where(c => c.TicketId == ticketId && c.LastAgentMessageId < message.MessageId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastAgentMessageId, message.MessageId)
                .SetProperty(c => c.MailDueAt, c => c.MailDueAt ?? now + options.Value.MailAfter).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (await messages.OneAsync(channel, message.MessageId, cancellationToken) is { } view)
        {
            // The buttons as delivered (a bot's choices), whatever the stored message row keeps of them.
            if (message.Buttons.Count > 0) view = view with { Buttons = message.Buttons.Select(b => new ChatButtonView(b.Payload, b.Label)).ToList() };
            feed.Publish(ChatFeed.VisitorKey(channel.AccountId, sender), "message", view.Id, view);
        }
        return DeliveryResult.Sent($"chat:{message.MessageId}");
    }

    /// <summary>The visitor of the ticket's newest chat message, read from its id ("browser:client id"): a reply may come
    /// before the ticket events have recorded the conversation.</summary>
    private async Task<string?> LatestVisitorAsync(ChatChannel channel, long ticketId, CancellationToken cancellationToken)
    {
        var external = await db.Messages.Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.In && m.ChannelAccountId == channel.AccountId)
            .OrderByDescending(m => m.Id).Select(m => m.ExternalId).FirstOrDefaultAsync(cancellationToken);
        if (external is null || external.IndexOf(':') is not (> 0 and var colon) || !long.TryParse(external.AsSpan(0, colon), out var visitorId)) return null;
        return await db.Set<ChatVisitor>().Where(v => v.Id == visitorId).Select(v => v.SenderId).FirstOrDefaultAsync(cancellationToken);
    }

    public InboundMessage Parse(ChatSettings settings, string payload)
    {
        var item = JsonSerializer.Deserialize<ChatItem>(payload, ChatJson.Options) ?? throw new FormatException("An empty chat item.");
        var attachments = (item.Files ?? []).Select(f =>
        {
            using var stream = files.Open(f.Sha256) ?? throw new UnreadableInboundItem($"The file {f.Name} is no longer in the attachment store.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new InboundAttachment(f.Name, f.Type, copy.ToArray(), null, false);
        }).ToList();
        return new InboundMessage(item.Sender, item.Name, item.Email, null, item.Text)
        {
            SenderEmailIsVerified = item.EmailVerified, Attachments = attachments, ButtonPayload = item.ButtonPayload,
        };
    }

    /// <summary>A visitor's messages keep their order; different visitors' go on at once.</summary>
    public IReadOnlyList<string> OrderKeys(ChatSettings settings, string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return [json.RootElement.GetProperty("sender").GetString() ?? ""];
    }
}
