using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Okno.Admin;
using Okno.Channels.Email;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Localization;
using Okno.Platform.Security;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>An agent forwards a ticket's conversation (or one public message of it) to outside addresses — a
/// contractor, another department — through a mailbox. Written like a reply: one transaction puts an internal record on
/// the ticket (the agent's note, the addresses, the files sent; its history entry names the recipients) and its row in
/// the one delivery queue (<see cref="DeliveryKind.Forward"/>), which carries the mail's subject and the forwarded text
/// as it was at this moment. The mail is forwarded inline, as Zammad and Zendesk do: the note, then for each message a
/// "Forwarded message" header block and its text (the HTML quoted), with the messages' files attached.
/// <para>A recipient's answer threads back by the forward's Message-ID (or the <c>[#n]</c> token): the inbound threading
/// counts the addressees of the ticket's forwards as in its conversation. They are deliberately <b>not</b> made
/// participants, since participants are copied on every reply to the customer.</para></summary>
public sealed class ForwardTicket(OknoDb db, MessageBodies bodies, TimeProvider clock, TicketQueries queries, ChannelSettingsCodec codec,
    NotificationMail mail, ChannelWakeUp wakeUp, IStringLocalizer<Ui.ChannelStrings> strings) : ITicketForwarding
{
    public const int MaxRecipients = 20;
    /// <summary>The newest public messages a forward of the whole conversation carries; older ones are named as left out.</summary>
    public const int MaxMessages = 100;
    /// <summary>The forwarded text's budget (text and HTML together); older messages beyond it are left out.</summary>
    public const int MaxForwardedChars = 2_000_000;
    public const int MaxAttachments = 50;
    /// <summary>What most mail servers take in one mail, before base64.</summary>
    public const long MaxAttachmentBytes = 20L * 1024 * 1024;

    private static readonly ChannelKind Email = ChannelKind.Of("email");

    public Task<MessageView> ForwardAsync(long ticketId, ForwardRequest request, CurrentAgent agent, CancellationToken cancellationToken) =>
        ExecuteAsync(ticketId, request, agent.AsActor(), agent.Access(), cancellationToken);

    public async Task<MessageView> ExecuteAsync(long ticketId, ForwardRequest request, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        var own = await mail.OwnAddressesAsync(cancellationToken);
        var errors = new FieldErrors();
        var to = Addresses("to", request.To, required: true, own, errors);
        var cc = Addresses("cc", request.Cc, required: false, own, errors).Where(a => !to.Contains(a)).ToList();
        if (to.Count + cc.Count > MaxRecipients)
            errors.Add("to", ChannelErrorCodes.ForwardTooManyRecipients, $"A forward goes to at most {MaxRecipients} addresses (To and Cc together).",
                ("max", MaxRecipients));
        else
        {
            if (string.Join(", ", to).Length > Message.AddressesMaxLength) errors.TooLong("to", Message.AddressesMaxLength);
            if (string.Join(", ", cc).Length > Message.AddressesMaxLength) errors.TooLong("cc", Message.AddressesMaxLength);
        }
        if (request.Note?.Length > Message.BodyMaxLength) errors.TooLong("note", Message.BodyMaxLength);
        errors.ThrowIfAny();

        var ticket = await db.Tickets.AllowedBy(access).Where(t => t.Id == ticketId).Select(t => new { t.Number, t.Subject })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
        var mailbox = await MailboxAsync(ticketId, request.AccountId, cancellationToken);
        var language = actor is { Kind: ActorKind.Agent, Id: { } agentId }
            ? await db.Agents.Where(a => a.Id == agentId).Select(a => a.Language).SingleOrDefaultAsync(cancellationToken)
            : null;
        var content = await ContentAsync(ticketId, ticket.Subject, request, CultureInfo.GetCultureInfo(language ?? "en"), cancellationToken);
        var note = bodies.FromText(request.Note ?? "");
        var subject = $"Fwd: {SingleLine.Of(ticket.Subject)} [#{ticket.Number.ToString(CultureInfo.InvariantCulture)}]";

        var written = await db.WriteAsync(async ct =>
        {
            await db.LockTicketAsync(ticketId, ct);
            var writable = await db.Tickets.AllowedBy(access).SingleOrDefaultAsync(t => t.Id == ticketId, ct)
                ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
            var now = clock.GetUtcNow();
            var record = new Message(MessageDirection.Out, true, actor, note.Text, note.Html, now);
            record.Addressed(mailbox.Address, to, cc);
            record.QueueForward(mailbox.Id);
            record.Attachments.AddRange(content.Files.Select(f => new Attachment(f.FileName, f.ContentType, f.Size, f.Sha256)));
            writable.AddMessage(record, now);
            db.Add(new ChannelDelivery
            {
                Kind = DeliveryKind.Forward, Message = record, Ticket = writable, AccountId = mailbox.Id, Recipient = ChannelDelivery.NormalRecipient(to[0]),
                Subject = subject, BodyText = Join(note.Text, content.Text, "\n\n"), BodyHtml = Join(note.Html, content.Html, "<br>"),
                Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            return record.Id;
        }, cancellationToken);
        wakeUp.Deliveries();
        return await queries.LoadMessageAsync(ticketId, written, cancellationToken);
    }

    public async Task<IReadOnlyList<ForwardMailbox>> MailboxesAsync(long ticketId, CurrentAgent agent, CancellationToken cancellationToken)
    {
        if (!await db.Tickets.VisibleTo(agent).AnyAsync(t => t.Id == ticketId, cancellationToken))
            throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
        var all = await EnabledMailboxesAsync(cancellationToken);
        var preferred = await DefaultMailboxAsync(ticketId, all, cancellationToken);
        return all.Select(m => new ForwardMailbox(m.Id, m.Name, m.Address, m.Id == preferred?.Id)).ToList();
    }

    private sealed record Mailbox(long Id, string Name, string Address);

    /// <summary>The chosen mailbox, else the ticket's (its latest incoming mail's), else the first: enabled, with a From address.</summary>
    private async Task<Mailbox> MailboxAsync(long ticketId, long? chosen, CancellationToken ct)
    {
        var all = await EnabledMailboxesAsync(ct);
        if (chosen is { } id)
            return all.FirstOrDefault(m => m.Id == id) ?? throw new OknoException(InvalidInput.Field("accountId", ChannelErrorCodes.ForwardMailboxNotUsable,
                $"Account {id} is not an enabled mailbox.", ("id", id)));
        return await DefaultMailboxAsync(ticketId, all, ct)
            ?? throw new OknoException(new StateConflict(ChannelErrorCodes.ForwardNoMailbox, "There is no enabled mailbox to send the forward from."));
    }

    /// <summary>The mailbox notifications about the ticket go out from (<see cref="NotificationMail.MailboxForAsync"/>),
    /// if it can send (has a From address), else the first that can.</summary>
    private async Task<Mailbox?> DefaultMailboxAsync(long ticketId, List<Mailbox> all, CancellationToken ct)
    {
        var id = await mail.MailboxForAsync(ticketId, ct);
        return all.FirstOrDefault(m => m.Id == id) ?? all.FirstOrDefault();
    }

    private async Task<List<Mailbox>> EnabledMailboxesAsync(CancellationToken ct)
    {
        var rows = await db.Set<ChannelAccount>().AsNoTracking().Where(a => a.Kind == Email && a.IsEnabled).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.Settings }).ToListAsync(ct);
        return rows.Select(r => new Mailbox(r.Id, r.Name, codec.Unprotect<EmailSettings>(r.Settings).FromAddress?.Trim() ?? ""))
            .Where(m => FieldErrors.IsEmail(m.Address)).ToList();
    }

    /// <summary>The list's addresses, checked one by one (errors name the item: <c>to[1]</c>), normalised, without repeats.</summary>
    private static List<string> Addresses(string field, List<string?>? given, bool required, HashSet<string> own, FieldErrors errors)
    {
        var found = new List<string>();
        if (given is null or { Count: 0 })
        {
            if (required) errors.Required(field);
            return found;
        }
        if (given.Count > MaxRecipients)
        {
            errors.Add(field, ChannelErrorCodes.ForwardTooManyRecipients, $"A forward goes to at most {MaxRecipients} addresses (To and Cc together).",
                ("max", MaxRecipients));
            return found;
        }
        for (var i = 0; i < given.Count; i++)
        {
            var item = $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var value = given[i];
            // Line breaks pass the general text check but never belong in an address (header injection).
            if (value is not null && value.Any(char.IsControl)) { errors.ControlCharacters(item); continue; }
            if (string.IsNullOrWhiteSpace(value) || value.Length > 254 || !FieldErrors.IsEmail(value))
            {
                errors.Email(item, value);
                continue;
            }
            var address = ContactEmail.Normalize(value);
            if (!IsPublicDomain(address[(address.LastIndexOf('@') + 1)..]))
                errors.Add(item, ChannelErrorCodes.ForwardAddressNotPublic, $"{address} is not an address at a public mail domain.", ("email", address));
            else if (own.Contains(address))
                errors.Add(item, ChannelErrorCodes.ForwardToOwnAddress, $"{address} is one of the desk's own mailboxes.", ("email", address));
            else if (!found.Contains(address)) found.Add(address);
        }
        return found;
    }

    private static readonly HashSet<string> LocalSuffixes = new(StringComparer.OrdinalIgnoreCase)
        { "localhost", "local", "localdomain", "internal", "intranet", "lan", "arpa" };

    /// <summary>A domain name on the public internet: not an IP literal, not a local name (a forward is meant to leave the
    /// house, and a relay must not be pointed at an internal host by it).</summary>
    private static bool IsPublicDomain(string domain)
    {
        if (domain.StartsWith('[') || IPAddress.TryParse(domain, out _)) return false;
        var last = domain[(domain.LastIndexOf('.') + 1)..];
        return last.Length > 0 && !last.All(char.IsAsciiDigit) && !LocalSuffixes.Contains(last);
    }

    private sealed record ForwardedFile(string FileName, string ContentType, long Size, string Sha256);

    private sealed record Content(string Text, string Html, List<ForwardedFile> Files);

    /// <summary>The forwarded part of the mail, as it is now: the message asked for, or the conversation's public messages
    /// (never an internal note), oldest first, each under its header block.</summary>
    private async Task<Content> ContentAsync(long ticketId, string subject, ForwardRequest request, CultureInfo culture, CancellationToken ct)
    {
        var query = db.Messages.Where(m => m.TicketId == ticketId && !m.IsInternal);
        if (request.MessageId is { } messageId) query = query.Where(m => m.Id == messageId);
        var rows = await query.OrderByDescending(m => m.Id).Take(MaxMessages + 1).Select(m => new
        {
            m.Id, m.Direction, m.AuthorKind, m.AuthorId, m.BodyText, m.BodyHtml, m.CreatedAt, m.FromAddress, m.ToAddresses, m.CcAddresses,
            Files = m.Attachments.OrderBy(a => a.Id).Select(a => new ForwardedFile(a.FileName, a.ContentType, a.Size, a.Sha256)).ToList(),
        }).ToListAsync(ct);
        if (request.MessageId is { } wanted && rows.Count == 0)
            throw new OknoException(InvalidInput.Field("messageId", ChannelErrorCodes.ForwardMessageNotForwardable,
                $"Message {wanted} is not a public message of this ticket; internal notes are never forwarded.", ("id", wanted)));

        // Newest first within the budgets, then shown oldest first.
        var kept = rows.Take(MaxMessages).ToList();
        var budget = MaxForwardedChars;
        var fitting = kept.TakeWhile(r => (budget -= r.BodyText.Length + r.BodyHtml.Length) >= 0).ToList();
        if (fitting.Count == 0 && kept.Count > 0) fitting.Add(kept[0]);
        var leftOut = rows.Count - fitting.Count;
        fitting.Reverse();

        var contactIds = fitting.Where(r => r.AuthorKind == ActorKind.Contact && r.AuthorId != null).Select(r => r.AuthorId!.Value).Distinct().ToList();
        var agentIds = fitting.Where(r => r.AuthorKind == ActorKind.Agent && r.AuthorId != null).Select(r => r.AuthorId!.Value).Distinct().ToList();
        var contacts = await db.Contacts.Where(c => contactIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, Email = c.Emails.OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefault() })
            .ToDictionaryAsync(c => c.Id, ct);
        var agents = await db.Agents.Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        string L(string name) => InCulture.Read(culture, () => strings[name].Value);

        var text = new StringBuilder();
        var html = new StringBuilder();
        if (leftOut > 0 && request.MessageId is null)
        {
            var line = string.Format(culture, L("ForwardEarlierLeftOut"), leftOut);
            text.Append(line).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }
        foreach (var m in fitting)
        {
            string? from = m.FromAddress;
            if (m.AuthorKind == ActorKind.Contact && m.AuthorId is { } contactId && contacts.TryGetValue(contactId, out var contact))
                from = $"{contact.Name} <{m.FromAddress ?? contact.Email}>".Replace(" <>", "", StringComparison.Ordinal);
            else if (m.AuthorKind == ActorKind.Agent && m.AuthorId is { } agentId && agents.TryGetValue(agentId, out var agentName))
                from = m.FromAddress is null ? agentName : $"{agentName} <{m.FromAddress}>";
            var headers = new List<(string Label, string Value)> { (L("ForwardFrom"), from ?? "—"), (L("ForwardDate"), m.CreatedAt.UtcDateTime.ToString("f", culture) + " UTC"),
                (L("ForwardSubject"), SingleLine.Of(subject)) };
            if (m.ToAddresses is { } toLine) headers.Add((L("ForwardTo"), toLine));
            if (m.CcAddresses is { } ccLine) headers.Add((L("ForwardCc"), ccLine));

            if (text.Length > 0) text.Append("\n\n");
            text.Append(L("ForwardedMessage")).Append('\n');
            foreach (var (label, value) in headers) text.Append(label).Append(": ").Append(value).Append('\n');
            text.Append('\n').Append(m.BodyText.TrimEnd());

            html.Append("<div class=\"okno-forwarded\">").Append(WebUtility.HtmlEncode(L("ForwardedMessage"))).Append("<br>");
            foreach (var (label, value) in headers)
                html.Append(WebUtility.HtmlEncode(label)).Append(": ").Append(WebUtility.HtmlEncode(value)).Append("<br>");
            // The stored HTML was sanitized when it was written; a message with none shows its text.
            var quoted = string.IsNullOrWhiteSpace(m.BodyHtml) ? bodies.FromText(m.BodyText).Html : m.BodyHtml;
            html.Append("<br><blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">").Append(quoted).Append("</blockquote></div>");
        }

        var files = request.IncludeAttachments ?? true ? fitting.SelectMany(m => m.Files).ToList() : [];
        var bytes = files.Sum(f => f.Size);
        if (files.Count > MaxAttachments || bytes > MaxAttachmentBytes)
            throw new OknoException(InvalidInput.Field("includeAttachments", ChannelErrorCodes.ForwardAttachmentsTooLarge,
                $"The files ({files.Count}, {bytes} bytes) are more than a forward carries (at most {MaxAttachments} files, {MaxAttachmentBytes} bytes).",
                ("max", MaxAttachments), ("limit", MaxAttachmentBytes)));
        return new Content(text.ToString(), html.ToString(), files);
    }

    private static string Join(string note, string forwarded, string separator) =>
        string.IsNullOrWhiteSpace(note) ? forwarded : note + separator + forwarded;
}
