using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using Okno.Channels.Email.Mime;
using Okno.Platform.Files;
using Okno.Platform.Web;

namespace Okno.Channels.Email;

/// <summary>A mailbox over IMAP (polled) and SMTP (replies), and the MTA intake (a local mail server hands raw mail to
/// <c>POST /api/v1/channels/{id}/inbound</c>).
/// <para>The raw mail is kept in the attachment store (content-addressed by SHA-256, flushed before the item's row
/// commits) and the item's payload is a small JSON reference to it (<see cref="EmailPayload"/>), not the mail itself:
/// a 25 MB mail as base64 in a database row would be read whole by every query of the inbound table, and the raw
/// bytes stay where a later ".eml download" can serve them. The item's id is <c>msgid:&lt;Message-ID&gt;</c>, or
/// <c>sha256:&lt;content hash&gt;</c> for mail without one, so a mail fetched twice, or both fetched and handed over by
/// the MTA, is one item.</para></summary>
public sealed partial class EmailAdapter(AttachmentStore files, SmtpConnections smtpConnections)
    : IPollingChannelAdapter<EmailSettings>, IPushChannelAdapter<EmailSettings>, IConnectionTestingChannelAdapter<EmailSettings>,
      IRawInboundItemAdapter
{
    public const string IntakeSecretHeader = "X-Okno-Intake-Secret";
    /// <summary>Mails read per fetch; the rest come at the next one (the cursor moves past what was read). Each batch
    /// costs two IMAP log-ins (fetch, then \Seen once stored): at 50 a batch Dovecot's log-in processes took ~5 % of the
    /// 2 cores during a 5,000-mail import (perf, bench/email.sh). Mails are stored one by one as they stream in, so a
    /// bigger batch holds no more mail in memory.</summary>
    public const int FetchBatch = 200;
    private const int TimeoutMs = 30_000;

    // ---- IMAP ----

    public async Task<FetchedBatch> FetchAsync(EmailSettings settings, string? cursor, CancellationToken cancellationToken)
    {
        if (!settings.Polls) return new FetchedBatch([], cursor);
        using var client = await ImapAsync(settings, cancellationToken);
        var folder = await OpenFolderAsync(client, settings, FolderAccess.ReadOnly, cancellationToken);
        var validity = folder.UidValidity;
        // A new UIDVALIDITY means the server renumbered the folder: read it again from the start (the ids drop repeats).
        var last = Cursor.Read(cursor) is { } c && c.Validity == validity ? c.LastUid : 0u;
        if (folder.Count == 0) return new FetchedBatch([], new Cursor(validity, last).ToString());
        var found = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(validity, last + 1), UniqueId.MaxValue)), cancellationToken);
        // "n:*" always matches the last message, even one below n.
        var uids = found.Where(u => u.Id > last).OrderBy(u => u.Id).Take(FetchBatch).ToList();
        if (uids.Count == 0) return new FetchedBatch([], new Cursor(validity, last).ToString());
        var summaries = await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, cancellationToken);
        var items = new SortedList<uint, RawInboundItem>();
        var wanted = new List<UniqueId>();
        foreach (var summary in summaries)
        {
            var imapId = $"{validity}:{summary.UniqueId.Id}";
            if (summary.Size is { } size && size > settings.MaxMessageBytes)
            {
                // Never downloaded: what the envelope says is enough for an admin to find it on the server.
                var messageId = summary.Envelope?.MessageId;
                var id = messageId is { Length: > 0 } ? MessageIdKey(messageId) : $"imap:{imapId}";
                items[summary.UniqueId.Id] = new RawInboundItem(id, JsonSerializer.Serialize(new EmailPayload(null, size, imapId, settings.MaxMessageBytes,
                    summary.Envelope?.From.Mailboxes.FirstOrDefault()?.Address, summary.Envelope?.Subject), JsonSerializerOptions.Web));
                continue;
            }
            wanted.Add(summary.UniqueId);
        }
        // All of the batch's mails in one FETCH (one round trip, not one per mail), each stored as it streams in.
        if (wanted.Count > 0)
            await ((ImapFolder)folder).GetStreamsAsync(wanted, async (_, _, uid, stream, ct) =>
            {
                using var raw = new MemoryStream();
                await stream.CopyToAsync(raw, ct);
                items[uid.Id] = await StoreRawAsync(raw.ToArray(), $"{validity}:{uid.Id}", ct);
            }, cancellationToken);
        var stored = items.Values.ToList();
        var next = new Cursor(validity, uids[^1].Id).ToString();
        return new FetchedBatch(stored, next, $"{validity}:{string.Join(',', uids.Select(u => u.Id))}");
    }

    /// <summary>Flags the stored mails \Seen, now that they are committed.</summary>
    public async Task AcknowledgeAsync(EmailSettings settings, FetchedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Acknowledgement is not { } ack || ack.Split(':') is not [var v, var list] || !uint.TryParse(v, out var validity)) return;
        var uids = list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new UniqueId(validity, uint.Parse(u))).ToList();
        if (uids.Count == 0) return;
        using var client = await ImapAsync(settings, cancellationToken);
        var folder = await OpenFolderAsync(client, settings, FolderAccess.ReadWrite, cancellationToken);
        if (folder.UidValidity != validity) return;
        await folder.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    public TimeSpan? PollInterval(EmailSettings settings) => TimeSpan.FromSeconds(settings.PollSeconds);

    /// <summary>IMAP IDLE: the server tells us when mail arrives, so it is fetched within a second instead of at the next
    /// poll. Null when the server has no IDLE (polling alone then).</summary>
    public async Task<bool?> WaitForNewsAsync(EmailSettings settings, string? cursor, TimeSpan longest, CancellationToken cancellationToken)
    {
        if (!settings.Polls) return null;
        using var client = await ImapAsync(settings, cancellationToken);
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await client.DisconnectAsync(true, cancellationToken);
            return null;
        }
        var folder = await OpenFolderAsync(client, settings, FolderAccess.ReadOnly, cancellationToken);
        // Mail that came between the last fetch and now raises no event during IDLE: the folder's next UID says so.
        if (Cursor.Read(cursor) is not { } read || read.Validity != folder.UidValidity || folder.UidNext is { } next && next.Id > read.LastUid + 1)
        {
            await client.DisconnectAsync(true, cancellationToken);
            return true;
        }
        var before = folder.Count;
        var news = false;
        using var done = new CancellationTokenSource(longest);
        folder.CountChanged += (_, _) =>
        {
            if (folder.Count <= before) return;
            news = true;
            done.Cancel();
        };
        try
        {
            await client.IdleAsync(done.Token, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // IDLE ended by the news or the time limit.
        }
        return news;
    }

    private static async Task<ImapClient> ImapAsync(EmailSettings settings, CancellationToken ct)
    {
        var client = new ImapClient { Timeout = TimeoutMs };
        try
        {
            await Classified("IMAP", settings.ImapHost!, settings.ImapPort, async () =>
            {
                await client.ConnectAsync(settings.ImapHost!.Trim(), settings.ImapPort, Security(settings.ImapSecurity), ct);
                await client.AuthenticateAsync(settings.ImapUser ?? "", settings.ImapPassword ?? "", ct);
            });
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<IMailFolder> OpenFolderAsync(ImapClient client, EmailSettings settings, FolderAccess access, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(settings.ImapFolder) ? "INBOX" : settings.ImapFolder.Trim();
        IMailFolder folder;
        try
        {
            folder = name.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(name, ct);
            await folder.OpenAsync(access, ct);
        }
        catch (Exception e) when (e is FolderNotFoundException or ImapCommandException)
        {
            throw new OknoException(new ChannelConnectionFailed(ChannelErrorCodes.FolderNotFound, $"IMAP: there is no folder '{name}' in this mailbox.", ("folder", name)));
        }
        return folder;
    }

    // ---- MTA intake ----

    public async Task<PushReceipt> ReceiveAsync(EmailSettings settings, HttpRequest request, CancellationToken cancellationToken)
    {
        var given = request.Headers[IntakeSecretHeader].ToString();
        if (settings.IntakeSecret is not { Length: > 0 } secret
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret)))
            return PushReceipt.Refuse(StatusCodes.Status401Unauthorized, $"The {IntakeSecretHeader} header is missing or wrong.");
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "message/rfc822", StringComparison.OrdinalIgnoreCase))
            return PushReceipt.Refuse(StatusCodes.Status415UnsupportedMediaType, "Send the raw mail with Content-Type: message/rfc822.");
        var limit = settings.MaxMessageBytes;
        if (request.ContentLength > limit) return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, $"The mail is larger than {settings.MaxMessageMegabytes} MB.");
        // Read up to the limit and no further, whatever Content-Length said (or if it said nothing).
        using var raw = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (raw.Length + read > limit) return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, $"The mail is larger than {settings.MaxMessageMegabytes} MB.");
            raw.Write(buffer, 0, read);
        }
        if (raw.Length == 0) return PushReceipt.Refuse(StatusCodes.Status400BadRequest, "The body is empty.");
        // Bytes that are no mail at all are still kept: processing quarantines them (no sender), where an admin sees them.
        return PushReceipt.Accept(await StoreRawAsync(raw.ToArray(), null, cancellationToken));
    }

    // ---- reading a stored item ----

    public InboundMessage Parse(EmailSettings settings, string payload)
    {
        var reference = JsonSerializer.Deserialize<EmailPayload>(payload, JsonSerializerOptions.Web) ?? throw new FormatException("The item is empty.");
        if (reference.Raw is null)
            throw new UnreadableInboundItem(
                $"The mail ({reference.Size} bytes, from {reference.From ?? "?"}, subject \"{reference.Subject}\", IMAP {reference.Imap}) is over the " +
                $"limit of {reference.Limit} bytes; it was left on the server unread.");
        using var stream = files.Open(reference.Raw) ?? throw new FileNotFoundException($"The raw mail {reference.Raw} is missing from the store.");
        var mail = EmailParser.Parse(stream, new EmailParseLimits(Math.Max(settings.MaxMessageBytes, reference.Size)));
        var from = mail.From ?? throw new FormatException("The mail has no sender (From).");
        var address = from.Address.Trim().ToLowerInvariant();
        if (!FieldErrors.IsEmail(address)) throw new FormatException("The sender's address is not valid.");
        var text = !string.IsNullOrWhiteSpace(mail.NewText) ? mail.NewText : mail.Text;
        if (string.IsNullOrWhiteSpace(text)) text = string.IsNullOrWhiteSpace(mail.Subject) ? "—" : mail.Subject;
        var referenced = Referenced(mail);
        var own = OwnAddresses(settings);
        return new InboundMessage(address, Clean(from.Name), address, Clean(mail.Subject), text, referenced.FirstOrDefault(),
            IsAutomatic: mail.Automation != EmailAutomation.None, IsOwnEcho: own.Contains(address))
        {
            SenderIdIsEmail = true,
            TicketNumber = EmailComposer.TicketNumberFromSubject(mail.Subject),
            ThreadedByTransport = true,
            ReferencedExternalIds = referenced,
            OtherRecipients = OtherRecipients(mail, own, address),
            ReopensClosed = settings.ReplyToClosed == EmailSettings.Reopen,
            BouncedExternalId = mail.BouncedMessageId is { Length: > 0 } bounced ? MessageIdKey(bounced) : null,
            BounceReason = mail.Automation == EmailAutomation.DeliveryStatus ? BounceReason(mail) : null,
            Html = mail.Html,
            Attachments = mail.Attachments.Select(a => new InboundAttachment(a.FileName, a.ContentType, a.Content, a.ContentId, a.IsInline)).ToList(),
            To = Addresses(mail.To),
            Cc = Addresses(mail.Cc),
            RawSha256 = reference.Raw,
        };
    }

    /// <summary>The sender, the mail's own Message-ID and those it answers, and the ticket token of its subject: a mail
    /// and its replies, and one customer's mails, are processed in order (<see cref="IChannelAdapter{TSettings}.OrderKeys"/>).
    /// Reads the header block alone. A mail left on the server (over the size limit) ties nothing.</summary>
    public IReadOnlyList<string> OrderKeys(EmailSettings settings, string payload)
    {
        var reference = JsonSerializer.Deserialize<EmailPayload>(payload, JsonSerializerOptions.Web);
        if (reference?.Raw is null) return [];
        using var stream = files.Open(reference.Raw);
        if (stream is null) return [];
        var headers = EmailParser.ParseHeaders(stream);
        var keys = new List<string>();
        if (headers.From is { } from) keys.Add("from:" + from.Trim().ToLowerInvariant());
        foreach (var id in headers.InReplyTo.Concat(headers.References).Prepend(headers.MessageId).OfType<string>()) keys.Add(MessageIdKey(id));
        if (EmailComposer.TicketNumberFromSubject(headers.Subject) is { } number) keys.Add($"ticket:{number}");
        return keys;
    }

    /// <summary>What the mail server said in its bounce: its Diagnostic-Code or Status line if the report has one, else the
    /// report's first line.</summary>
    private static string BounceReason(ParsedEmail mail)
    {
        var lines = mail.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var line = lines.FirstOrDefault(l => l.StartsWith("Diagnostic-Code:", StringComparison.OrdinalIgnoreCase))
            ?? lines.FirstOrDefault(l => SmtpReply().IsMatch(l))
            ?? lines.FirstOrDefault(l => l.StartsWith("Status:", StringComparison.OrdinalIgnoreCase))
            ?? lines.FirstOrDefault() ?? mail.Subject;
        line = Clean(line) ?? "";
        return "The mail bounced: " + (line.Length <= 300 ? line : line[..300]);
    }

    /// <summary>A line with an SMTP reply code or an enhanced status code (550, 5.1.1): what the remote server said.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b")]
    private static partial System.Text.RegularExpressions.Regex SmtpReply();

    /// <summary>How many earlier mails a reply's headers may name that threading looks up (a long References chain is
    /// cut at its newest end, which is where the answered mail is).</summary>
    private const int MaxReferenced = 20;

    /// <summary>In-Reply-To first, then References from the newest back, without repeats.</summary>
    private static IReadOnlyList<string> Referenced(ParsedEmail mail)
    {
        var keys = new List<string>();
        foreach (var id in mail.InReplyTo.Concat(mail.References.Reverse()))
        {
            if (string.IsNullOrWhiteSpace(id)) continue;
            var key = MessageIdKey(id);
            if (!keys.Contains(key)) keys.Add(key);
            if (keys.Count == MaxReferenced) break;
        }
        return keys;
    }

    /// <summary>The addresses that are the mailbox itself: mail to or from them is not a customer's or a participant's.</summary>
    private static HashSet<string> OwnAddresses(EmailSettings settings)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in new[] { settings.FromAddress, settings.ImapUser })
            if (candidate?.Trim().ToLowerInvariant() is { Length: > 0 } a && FieldErrors.IsEmail(a)) own.Add(a);
        return own;
    }

    /// <summary>To and Cc besides the mailbox and the sender: they join the conversation as participants (at most 20,
    /// so a mail to a whole department does not copy every reply to it).</summary>
    private static IReadOnlyList<InboundAddress> OtherRecipients(ParsedEmail mail, HashSet<string> own, string sender) =>
        mail.To.Concat(mail.Cc)
            .Select(a => new InboundAddress(a.Address.Trim().ToLowerInvariant(), Clean(a.Name)))
            .Where(a => a.Address.Length <= 254 && FieldErrors.IsEmail(a.Address) && !own.Contains(a.Address) && a.Address != sender)
            .DistinctBy(a => a.Address).Take(20).ToList();

    /// <summary>Valid addresses, lower case, each once.</summary>
    private static List<string> Addresses(IEnumerable<EmailAddress> addresses) =>
        addresses.Select(a => a.Address.Trim().ToLowerInvariant()).Where(FieldErrors.IsEmail).Distinct().ToList();

    /// <summary>The raw mail as received (an .eml), streamed from the attachment store; a mail over the size limit was
    /// never downloaded, and says so.</summary>
    public RawItemContent? OpenRaw(long itemId, string payload)
    {
        var reference = JsonSerializer.Deserialize<EmailPayload>(payload, JsonSerializerOptions.Web);
        if (reference?.Raw is not { } sha)
            throw new OknoException(new NotFound(ChannelErrorCodes.RawMailLeftOnServer, "The raw mail of inbound item", itemId));
        return files.Open(sha) is { } stream ? new RawItemContent(stream, "message/rfc822", $"{itemId}.eml") : null;
    }

    /// <summary>No CR/LF or other control characters survive into a stored name or subject.</summary>
    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var clean = Platform.Text.SingleLine.Of(value);
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>Keeps the raw mail in the attachment store and names the item by its Message-ID, or by the SHA-256 of its
    /// bytes when it has none (a byte-identical copy is then the same item). Only the header block is read here; the
    /// whole mail is parsed once, when it is processed.</summary>
    private async Task<RawInboundItem> StoreRawAsync(byte[] raw, string? imapId, CancellationToken ct)
    {
        var headers = EmailParser.ParseHeaders(new MemoryStream(raw, writable: false));
        var (sha, size) = await files.SaveAsync(raw, ct);
        var id = headers.MessageId is { Length: > 0 } messageId ? MessageIdKey(messageId) : $"sha256:{sha}";
        return new RawInboundItem(id, JsonSerializer.Serialize(new EmailPayload(sha, size, imapId, null, null, null), JsonSerializerOptions.Web));
    }

    /// <summary>The id under which a Message-ID is known: on inbound items, received messages and sent replies alike, so
    /// a reply's In-Reply-To finds the message it answers.</summary>
    public static string MessageIdKey(string messageId)
    {
        var id = messageId.Trim().Trim('<', '>');
        var key = "msgid:" + id;
        return key.Length <= InboundItem.ExternalIdMaxLength ? key : "msgid-sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }

    // ---- SMTP ----

    public async Task<DeliveryResult> SendAsync(EmailSettings settings, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.RecipientEmail))
            return DeliveryResult.Failed(message.IsAutomatic ? "The notification has no recipient address." : "The customer has no email address to send the reply to.", retryable: false);
        if (string.IsNullOrWhiteSpace(settings.FromAddress)) return DeliveryResult.Failed("The mailbox has no From address.", retryable: false);
        var domain = settings.FromAddress[(settings.FromAddress.LastIndexOf('@') + 1)..].Trim();
        // The same for every attempt of one delivery: a resend after a crash carries the same Message-ID.
        var messageId = $"{message.IdempotencyKey}.{message.MessageId}@{domain}";
        var inReplyTo = message.InReplyToExternalId is { } answered && answered.StartsWith("msgid:", StringComparison.Ordinal) ? answered["msgid:".Length..] : null;
        // References: the ticket's thread (oldest first) ending with the mail answered, so any client threads the reply.
        var references = message.ThreadExternalIds.Append(message.InReplyToExternalId)
            .Where(id => id is not null && id.StartsWith("msgid:", StringComparison.Ordinal)).Select(id => id!["msgid:".Length..])
            .Distinct().TakeLast(MaxReferenced).ToList();
        if (inReplyTo is not null) { references.Remove(inReplyTo); references.Add(inReplyTo); }
        var recipient = message.RecipientEmail.Trim();
        var to = message.AlsoTo.Where(FieldErrors.IsEmail).Prepend(recipient).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var copies = message.CopyTo.Where(a => FieldErrors.IsEmail(a) && !to.Contains(a, StringComparer.OrdinalIgnoreCase))
            .Select(a => new EmailAddress(a, null)).ToList();
        var attachments = new List<OutgoingAttachment>();
        foreach (var file in message.Attachments)
        {
            await using var content = files.Open(file.Sha256);
            if (content is null) return DeliveryResult.Failed($"The file \"{file.FileName}\" is missing from the attachment store.", retryable: false);
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            attachments.Add(new OutgoingAttachment(file.FileName, file.ContentType, buffer.ToArray()) { ContentId = file.ContentId });
        }
        // Mail has no buttons: a numbered menu, answered by replying with the number.
        var (text, html) = message.Buttons.Count == 0 ? (message.BodyText, message.BodyHtml)
            : (OutboundButtons.WithTextMenu(message.BodyText, message.Buttons),
                string.IsNullOrWhiteSpace(message.BodyHtml) ? message.BodyHtml
                    : message.BodyHtml + "<ol>" + string.Concat(message.Buttons.Select(b => "<li>" + System.Net.WebUtility.HtmlEncode(b.Label) + "</li>")) + "</ol>");
        var mime = EmailComposer.Compose(new OutgoingEmail(
            new EmailAddress(settings.FromAddress.Trim(), Clean(settings.FromName)), to.Select(a => new EmailAddress(a, null)).ToList(), copies,
            // A mail about no ticket (a survey, a scheduled report) has number 0: no "[#0]" token in its subject.
            Clean(message.Subject) ?? "", message.TicketNumber == 0 ? null : message.TicketNumber, text, string.IsNullOrWhiteSpace(html) ? null : html,
            messageId, inReplyTo, references, attachments, AutoSubmitted: message.IsAutomatic));
        try
        {
            var server = SmtpConnections.ServerKey(settings.SmtpHost!, settings.SmtpPort, settings.SmtpSecurity, settings.SmtpUser, settings.SmtpPassword);
            await smtpConnections.SendAsync(server, ct => SmtpAsync(settings, ct), mime, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            // 5xx and a refused recipient will not pass by waiting; 4xx (greylisting, a full queue) may.
            var permanent = (int)e.StatusCode >= 500 || e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted;
            return DeliveryResult.Failed($"SMTP {(int)e.StatusCode}: {e.Message}", retryable: !permanent);
        }
        catch (OknoException e)
        {
            // A wrong password or an unreachable server: retried, since an admin may fix it meanwhile.
            return DeliveryResult.Failed(e.Message, retryable: true);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or TimeoutException or ServiceNotConnectedException)
        {
            return DeliveryResult.Failed($"SMTP: {e.Message}", retryable: true);
        }
        return DeliveryResult.Sent(MessageIdKey(messageId));
    }

    private static async Task<SmtpClient> SmtpAsync(EmailSettings settings, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = TimeoutMs };
        try
        {
            await Classified("SMTP", settings.SmtpHost!, settings.SmtpPort, async () =>
            {
                await client.ConnectAsync(settings.SmtpHost!.Trim(), settings.SmtpPort, Security(settings.SmtpSecurity), ct);
                if (!string.IsNullOrWhiteSpace(settings.SmtpUser)) await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", ct);
            });
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    // ---- test connection ----

    public async Task TestConnectionAsync(EmailSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Polls)
        {
            using var imap = await ImapAsync(settings, cancellationToken);
            await OpenFolderAsync(imap, settings, FolderAccess.ReadOnly, cancellationToken);
            await imap.DisconnectAsync(true, cancellationToken);
        }
        using var smtp = await SmtpAsync(settings, cancellationToken);
        await smtp.DisconnectAsync(true, cancellationToken);
    }

    private static SecureSocketOptions Security(string security) => security switch
    {
        EmailSettings.None => SecureSocketOptions.None,
        EmailSettings.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };

    /// <summary>Runs a connect-and-sign-in, turning what went wrong into a coded error an admin can act on.</summary>
    private static async Task Classified(string server, string host, int port, Func<Task> connect)
    {
        (string Code, string Detail)? failure;
        try
        {
            await connect();
            return;
        }
        catch (AuthenticationException)
        {
            failure = (ChannelErrorCodes.AuthenticationFailed, $"{server}: {host} refused the user name or password.");
        }
        catch (SslHandshakeException)
        {
            failure = (ChannelErrorCodes.CertificateRejected, $"{server}: the TLS certificate of {host} is not trusted, or TLS could not be agreed.");
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
        {
            failure = (ChannelErrorCodes.HostNotFound, $"{server}: the host {host} was not found.");
        }
        catch (Exception e) when (e is SocketException or TimeoutException or OperationCanceledException { InnerException: TimeoutException })
        {
            failure = (ChannelErrorCodes.ConnectionRefused, $"{server}: {host}:{port} refused the connection or did not answer.");
        }
        catch (Exception e) when (e is ImapProtocolException or SmtpProtocolException or ImapCommandException or SmtpCommandException or IOException
            or NotSupportedException)
        {
            failure = (ChannelErrorCodes.ProtocolError, $"{server}: {host}:{port} did not answer as expected ({e.Message}); check the port and the security.");
        }
        throw new OknoException(new ChannelConnectionFailed(failure.Value.Code, failure.Value.Detail, ("server", server), ("host", host), ("port", port)));
    }
}

/// <summary>What an email item's payload holds: a reference to the raw mail in the attachment store (<see cref="Raw"/>,
/// its SHA-256), or, for a mail over the size limit that was never downloaded, what the server said of it.</summary>
public sealed record EmailPayload(string? Raw, long Size, string? Imap, long? Limit, string? From, string? Subject);

/// <summary>Where an IMAP fetch stopped: the folder's UIDVALIDITY and the last UID read.</summary>
internal sealed record Cursor(uint Validity, uint LastUid)
{
    public override string ToString() => $"{Validity}:{LastUid}";

    public static Cursor? Read(string? cursor) =>
        cursor?.Split(':') is [var v, var u] && uint.TryParse(v, out var validity) && uint.TryParse(u, out var uid) ? new Cursor(validity, uid) : null;
}
