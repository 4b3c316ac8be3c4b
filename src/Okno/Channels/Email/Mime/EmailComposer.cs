using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;
using Okno.Platform.Files;

namespace Okno.Channels.Email.Mime;

/// <summary>Builds the mails Okno sends: threading headers the customer's client understands, the ticket token in the
/// subject, UTF-8 throughout, and no way for a value to inject a header (every header value and display name is one
/// line: CR, LF and control characters become spaces before MimeKit encodes it).</summary>
public static partial class EmailComposer
{
    /// <summary>The mail, ready for SMTP. Throws <see cref="ArgumentException"/> for an address that is not one, or a
    /// missing Message-ID.</summary>
    public static MimeMessage Compose(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        Charsets.Register();
        var message = new MimeMessage();
        message.From.Add(Mailbox(email.From));
        message.To.AddRange(email.To.Select(Mailbox));
        message.Cc.AddRange(email.Cc.Select(Mailbox));
        var subject = HeaderText.OneLine(email.Subject, 900);
        if (email.TicketNumber is { } number) subject = SubjectWithToken(subject, number);
        message.Headers.Replace(HeaderId.Subject, Encoding.UTF8, subject);
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = HeaderText.MessageId(email.MessageId) ?? throw new ArgumentException("A Message-ID is required.", nameof(email));
        var references = email.References.Select(HeaderText.MessageId).OfType<string>().ToList();
        if (HeaderText.MessageId(email.InReplyTo) is { } parent)
        {
            message.InReplyTo = parent;
            // References ends with the parent (RFC 5322 §3.6.4), which is what clients thread by when In-Reply-To is lost.
            if (!references.Contains(parent)) references.Add(parent);
        }
        message.References.AddRange(references.Distinct());
        if (email.AutoSubmitted)
        {
            // RFC 3834: no auto-responder answers this; Exchange reads the second header for the same purpose.
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }
        message.Body = Body(email);
        return message;
    }

    private static MimeEntity Body(OutgoingEmail email)
    {
        var text = Text("plain", email.Text);
        // Images the HTML names by cid: travel with it in multipart/related (RFC 2387); a plain-text mail has no place
        // for them, so they are sent as files then.
        var inline = email.Html is null ? [] : email.Attachments.Where(a => a.ContentId is { Length: > 0 }).ToList();
        MimeEntity html = email.Html is null ? text : Text("html", email.Html);
        if (inline.Count > 0)
        {
            var related = new MultipartRelated { Root = html };
            foreach (var image in inline) related.Add(Part(image, inline: true));
            html = related;
        }
        MimeEntity body = email.Html is null ? text : new MultipartAlternative { text, html };
        var files = email.Attachments.Except(inline).ToList();
        if (files.Count == 0) return body;
        var mixed = new Multipart("mixed") { body };
        foreach (var file in files) mixed.Add(Part(file, inline: false));
        return mixed;
    }

    private static MimePart Part(OutgoingAttachment file, bool inline)
    {
        var type = ContentType.TryParse(file.ContentType, out var parsed) ? parsed : new ContentType("application", "octet-stream");
        var part = new MimePart(type.MediaType, type.MediaSubtype)
        {
            Content = new MimeContent(new MemoryStream(file.Content, writable: false)),
            ContentDisposition = new ContentDisposition(inline ? ContentDisposition.Inline : ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = FileNames.Clean(file.FileName),
        };
        if (inline) part.ContentId = HeaderText.OneLine(file.ContentId, 250);
        return part;
    }

    private static TextPart Text(string subtype, string content)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, content.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        return part;
    }

    private static MailboxAddress Mailbox(EmailAddress address)
    {
        var name = HeaderText.OneLine(address.Name, 200);
        var addr = HeaderText.OneLine(address.Address, 320);
        try { return new MailboxAddress(Encoding.UTF8, name, addr); }
        // A permanent failure for the sender to record, not a MIME parser error from deep inside MimeKit.
        catch (ParseException e) { throw new ArgumentException($"'{addr}' is not a valid email address.", nameof(address), e); }
    }

    /// <summary>A new id for a mail sent from <paramref name="domain"/>: "random@domain", without angle brackets.</summary>
    public static string NewMessageId(string domain)
    {
        var clean = HeaderText.OneLine(domain).Trim('.', ' ', '<', '>', '@');
        if (clean.Length == 0) throw new ArgumentException("A domain is required.", nameof(domain));
        return HeaderText.MessageId(MimeUtils.GenerateMessageId(clean))!;
    }

    /// <summary>The subject with "[#number] " in front, unless the token for this ticket is already in it.</summary>
    public static string SubjectWithToken(string subject, long ticketNumber)
    {
        subject = HeaderText.OneLine(subject);
        var token = "[#" + ticketNumber.ToString(CultureInfo.InvariantCulture) + "]";
        if (subject.Contains(token, StringComparison.Ordinal)) return subject;
        return subject.Length == 0 ? token : token + " " + subject;
    }

    /// <summary>The ticket number of the first "[#digits]" token anywhere in the subject ("Re: Fwd: … [#10023]"), or null.</summary>
    public static long? TicketNumberFromSubject(string subject)
    {
        if (string.IsNullOrEmpty(subject)) return null;
        foreach (Match match in Token().Matches(subject))
            if (long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
                return number;
        return null;
    }

    [GeneratedRegex(@"\[#([0-9]{1,18})\]")]
    private static partial Regex Token();
}
