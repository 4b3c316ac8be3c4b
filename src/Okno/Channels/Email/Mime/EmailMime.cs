// Minimal stand-in; the lead replaces this file with branch issue13-parse's Mime folder at merge.
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MimeKit;

namespace Okno.Channels.Email.Mime;

public sealed record EmailAddress(string Address, string? Name);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content, string? ContentId, bool IsInline)
{
    public long Size => Content.LongLength;
}

public enum EmailAutomation { None, AutoReply, Bulk, MailingList, DeliveryStatus }

public sealed record ParsedEmail(string? MessageId, IReadOnlyList<string> InReplyTo, IReadOnlyList<string> References,
    EmailAddress? From, EmailAddress? ReplyTo, IReadOnlyList<EmailAddress> To, IReadOnlyList<EmailAddress> Cc,
    string Subject, DateTimeOffset? Date, string Text, string? Html, string NewText,
    IReadOnlyList<EmailAttachment> Attachments, EmailAutomation Automation, string? AutomationReason,
    string? BouncedMessageId, string ContentHash);

public sealed record EmailParseLimits(long MaxMessageBytes = 25 * 1024 * 1024);

public sealed class EmailTooLargeException : Exception;

public static class EmailParser
{
    public static ParsedEmail Parse(Stream raw, EmailParseLimits limits)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = raw.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > limits.MaxMessageBytes) throw new EmailTooLargeException();
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(copy.GetBuffer().AsSpan(0, (int)copy.Length)));
        copy.Position = 0;
        var message = MimeMessage.Load(copy);
        static EmailAddress? One(InternetAddressList list) => list.Mailboxes.Select(Address).FirstOrDefault();
        static EmailAddress Address(MailboxAddress m) => new(m.Address, string.IsNullOrWhiteSpace(m.Name) ? null : m.Name);
        var (automation, reason) = Automation(message);
        var attachments = message.Attachments.OfType<MimePart>().Select(p =>
        {
            using var content = new MemoryStream();
            p.Content?.DecodeTo(content);
            return new EmailAttachment(p.FileName ?? "attachment", p.ContentType.MimeType, content.ToArray(), p.ContentId, false);
        }).ToList();
        var text = message.TextBody ?? "";
        return new ParsedEmail(message.MessageId, message.InReplyTo is { Length: > 0 } r ? [r] : [], message.References.ToList(),
            One(message.From), One(message.ReplyTo), message.To.Mailboxes.Select(Address).ToList(), message.Cc.Mailboxes.Select(Address).ToList(),
            message.Subject ?? "", message.Date == DateTimeOffset.MinValue ? null : message.Date, text, message.HtmlBody, text,
            attachments, automation, reason, null, hash);
    }

    private static (EmailAutomation, string?) Automation(MimeMessage message)
    {
        var headers = message.Headers;
        if (message.Body is MultipartReport { ReportType: var type } && string.Equals(type, "delivery-status", StringComparison.OrdinalIgnoreCase))
            return (EmailAutomation.DeliveryStatus, "multipart/report; delivery-status");
        if (headers["Auto-Submitted"] is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase))
            return (EmailAutomation.AutoReply, "Auto-Submitted: " + auto.Trim());
        if (headers["X-Autoreply"] is not null || headers["X-Autorespond"] is not null) return (EmailAutomation.AutoReply, "X-Autoreply");
        if (headers["List-Id"] is { } list) return (EmailAutomation.MailingList, "List-Id: " + list.Trim());
        if (headers["Precedence"] is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "junk" or "list")
            return (EmailAutomation.Bulk, "Precedence: " + precedence.Trim());
        return (EmailAutomation.None, null);
    }
}

public sealed record OutgoingAttachment(string FileName, string ContentType, byte[] Content);

public sealed record OutgoingEmail(EmailAddress From, IReadOnlyList<EmailAddress> To, IReadOnlyList<EmailAddress> Cc,
    string Subject, long? TicketNumber, string Text, string? Html, string MessageId, string? InReplyTo,
    IReadOnlyList<string> References, IReadOnlyList<OutgoingAttachment> Attachments, bool AutoSubmitted);

public static partial class EmailComposer
{
    public static MimeMessage Compose(OutgoingEmail email)
    {
        static MailboxAddress Mailbox(EmailAddress a) => new(a.Name ?? "", a.Address);
        var message = new MimeMessage { Subject = email.TicketNumber is { } n ? SubjectWithToken(email.Subject, n) : email.Subject, MessageId = email.MessageId };
        message.From.Add(Mailbox(email.From));
        message.To.AddRange(email.To.Select(Mailbox));
        message.Cc.AddRange(email.Cc.Select(Mailbox));
        if (email.InReplyTo is { Length: > 0 } inReplyTo) message.InReplyTo = inReplyTo;
        foreach (var reference in email.References) message.References.Add(reference);
        if (email.AutoSubmitted) message.Headers.Add("Auto-Submitted", "auto-replied");
        var body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html };
        foreach (var attachment in email.Attachments) body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        message.Body = body.ToMessageBody();
        message.Date = DateTimeOffset.UtcNow;
        return message;
    }

    public static string NewMessageId(string domain) => $"{Guid.NewGuid():N}@{domain}";

    public static string SubjectWithToken(string subject, long ticketNumber) =>
        TicketNumberFromSubject(subject) == ticketNumber ? subject : $"[#{ticketNumber}] {subject}";

    public static long? TicketNumberFromSubject(string subject) =>
        Token().Match(subject) is { Success: true } m && long.TryParse(m.Groups[1].Value, out var n) ? n : null;

    [GeneratedRegex(@"\[#(\d{1,18})\]")]
    private static partial Regex Token();
}
