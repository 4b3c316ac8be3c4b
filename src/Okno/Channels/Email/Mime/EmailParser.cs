using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.IO;
using MimeKit.Text;
using MimeKit.Utils;
using Okno.Platform.Files;

namespace Okno.Channels.Email.Mime;

/// <summary>Reads a received mail (raw RFC 5322 bytes) into a <see cref="ParsedEmail"/>. Built on MimeKit's tolerant
/// parser; what is Okno's own is the choice of body parts, charset guessing for mislabelled Russian mail, quote folding
/// (<see cref="QuoteFolding"/>) and automation detection (<see cref="EmailAutomationDetector"/>).</summary>
public static partial class EmailParser
{
    // Deeper MIME nesting than this is kept as one opaque part: no real mail nests so deep, and the walk below recurses.
    private const int MaxDepth = 32;
    private const int MaxReferences = 100;

    private static readonly ParserOptions Options = CreateOptions();

    private static ParserOptions CreateOptions()
    {
        Charsets.Register();
        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = MaxDepth;
        // Raw 8-bit headers that are not UTF-8 are, in the mail Okno receives, most often windows-1251.
        options.CharsetEncoding = Charsets.Windows1251;
        return options;
    }

    /// <summary>Parses raw RFC 5322 bytes. Never throws for bad MIME (broken boundaries, bad charsets, missing headers):
    /// it gives what it can. Throws <see cref="EmailTooLargeException"/> when the stream passes
    /// <see cref="EmailParseLimits.MaxMessageBytes"/>, while reading it.</summary>
    public static ParsedEmail Parse(Stream raw, EmailParseLimits limits)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(limits);
        // The raw bytes are copied, chunk by chunk and never past the limit, into a seekable block stream that MimeKit
        // then parses "persistent": parts stay views into it instead of second copies.
        using var buffer = new MemoryBlockStream();
        var hash = Copy(raw, buffer, limits.MaxMessageBytes);
        buffer.Position = 0;
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(Options, buffer, persistent: true);
        }
        catch (Exception e) when (e is FormatException or ParseException or ArgumentException or NotSupportedException)
        {
            return Unparseable(buffer, hash);
        }
        using (message) return Read(message, hash);
    }

    /// <summary>Reads only a mail's header block (the body is never read, whatever its size): who sent it and the
    /// Message-IDs that tie it to a conversation, as <see cref="Parse"/> reads them. Bad headers give what can be read.</summary>
    public static EmailHeaders ParseHeaders(Stream raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        HeaderList headers;
        try
        {
            headers = HeaderList.Load(Options, raw);
        }
        catch (Exception e) when (e is FormatException or ParseException or ArgumentException or NotSupportedException)
        {
            return new EmailHeaders(null, [], [], null, "");
        }
        string? from = null;
        if (headers.FirstOrDefault(h => h.Id == HeaderId.From) is { } header && InternetAddressList.TryParse(Options, header.RawValue, out var list))
            from = list.Mailboxes.Select(Address).FirstOrDefault(a => a is not null)?.Address;
        return new EmailHeaders(FirstMessageId(headers), Ids(headers, HeaderId.InReplyTo), Ids(headers, HeaderId.References), from,
            HeaderText.OneLine(headers[HeaderId.Subject] ?? "", 500));
    }

    private static string Copy(Stream raw, Stream into, long max)
    {
        if (raw.CanSeek && raw.Length - raw.Position > max) throw new EmailTooLargeException(max);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = raw.Read(chunk, 0, chunk.Length)) > 0)
            {
                total += read;
                if (total > max) throw new EmailTooLargeException(max);
                sha.AppendData(chunk, 0, read);
                into.Write(chunk, 0, read);
            }
        }
        finally { ArrayPool<byte>.Shared.Return(chunk); }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Bytes MimeKit would not take as a message at all: their text is the body, nothing else is known.</summary>
    private static ParsedEmail Unparseable(MemoryBlockStream buffer, string hash)
    {
        var text = Charsets.Guess(buffer.ToArray()).Replace("\r\n", "\n").Trim();
        return new ParsedEmail(null, [], [], null, null, [], [], "", null, text, null, QuoteFolding.NewText(text), [],
            EmailAutomation.None, null, null, hash);
    }

    private static ParsedEmail Read(MimeMessage message, string hash)
    {
        var body = new BodyWalk();
        if (message.Body is { } root) body.Visit(root, 0, inRelated: false);
        var html = body.Html.Length > 0 ? body.Html.ToString() : null;
        // An empty plain part beside real HTML (some mailers send one) does not hide the HTML's text.
        var plain = body.Text.ToString().Trim('\n');
        var text = plain.Trim().Length > 0 || html is null ? plain : HtmlText.Convert(html);
        var attachments = body.Attachments.Select(a => a.Build(html)).ToList();
        var (automation, reason) = EmailAutomationDetector.Detect(message, body.ReportType);
        var bounced = automation == EmailAutomation.DeliveryStatus ? BouncedId(body, text) : null;
        return new ParsedEmail(
            MessageId: FirstMessageId(message.Headers),
            InReplyTo: Ids(message.Headers, HeaderId.InReplyTo),
            References: Ids(message.Headers, HeaderId.References),
            From: message.From.Mailboxes.Select(Address).FirstOrDefault(a => a is not null),
            ReplyTo: message.ReplyTo.Mailboxes.Select(Address).FirstOrDefault(a => a is not null),
            To: message.To.Mailboxes.Select(Address).OfType<EmailAddress>().ToList(),
            Cc: message.Cc.Mailboxes.Select(Address).OfType<EmailAddress>().ToList(),
            Subject: HeaderText.OneLine(Subject(message), 500),
            Date: message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date : null,
            Text: text,
            Html: html,
            NewText: QuoteFolding.NewText(text),
            Attachments: attachments,
            Automation: automation,
            AutomationReason: reason,
            BouncedMessageId: bounced,
            ContentHash: hash);
    }

    /// <summary>The decoded subject. Raw 8-bit bytes that are not UTF-8 (old mailers write the subject unencoded) are
    /// guessed like a body (<see cref="Charsets.Guess"/>), so KOI8-R reads as well as windows-1251.</summary>
    private static string Subject(MimeMessage message)
    {
        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.Subject);
        if (header is null) return "";
        var raw = header.RawValue;
        if (!raw.Any(b => b >= 0x80) || raw.AsSpan().IndexOf("=?"u8) >= 0) return message.Subject ?? "";
        return Charsets.Guess(raw);
    }

    /// <summary>The first Message-ID header that holds an id (a second one, added by a broken relay, is ignored).</summary>
    private static string? FirstMessageId(HeaderList headers)
    {
        foreach (var header in headers.Where(h => h.Id == HeaderId.MessageId))
        {
            var id = HeaderText.MessageId(ParseId(header.Value));
            if (id is not null) return id;
        }
        return null;
    }

    private static string? ParseId(string value)
    {
        try { return MimeUtils.ParseMessageId(value); }
        catch (Exception e) when (e is FormatException or ParseException or ArgumentException) { return null; }
    }

    /// <summary>The ids of every In-Reply-To or References header, in order, without duplicates; when there are very
    /// many, the first (the thread's root) and the latest.</summary>
    private static IReadOnlyList<string> Ids(HeaderList headers, HeaderId header)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in headers.Where(h => h.Id == header).Select(h => h.Value))
        {
            var found = MimeUtils.EnumerateReferences(value).ToList();
            if (found.Count == 0 && ParseId(value) is { } single) found.Add(single);
            foreach (var id in found.Select(HeaderText.MessageId).OfType<string>())
                if (seen.Add(id)) ids.Add(id);
        }
        return ids.Count <= MaxReferences ? ids : [ids[0], .. ids.Skip(ids.Count - (MaxReferences - 1))];
    }

    private static EmailAddress? Address(MailboxAddress mailbox)
    {
        var address = HeaderText.OneLine(mailbox.Address, 320);
        if (address.Length == 0) return null;
        var name = HeaderText.OneLine(mailbox.Name, 200);
        return new EmailAddress(address, name.Length > 0 ? name : null);
    }

    /// <summary>The Message-ID of the mail a bounce returns: from the returned message or its headers when the report
    /// carries them, else from a "Message-ID:" line of the original headers quoted in the text (qmail, Exim).</summary>
    private static string? BouncedId(BodyWalk body, string text)
    {
        foreach (var returned in body.Returned)
            if (returned.Headers.Where(h => h.Id == HeaderId.MessageId).Select(h => HeaderText.MessageId(ParseId(h.Value))).FirstOrDefault(i => i is not null) is { } id)
                return id;
        foreach (var source in body.ReportTexts.Prepend(text))
        {
            var match = EmailAutomationDetector.QuotedMessageId().Match(source);
            if (match.Success && HeaderText.MessageId(match.Groups[1].Value) is { } id) return id;
        }
        return null;
    }

    /// <summary>Decoded text of a text part. A declared charset other than UTF-8 is trusted; UTF-8, none, or one .NET
    /// does not know is checked against the bytes (<see cref="Charsets.Guess"/>), so mislabelled Russian mail reads.</summary>
    internal static string Decode(TextPart part)
    {
        var charset = part.ContentType.Charset?.Trim().ToLowerInvariant();
        string text;
        if (charset is not null and not "utf-8" and not "utf8" and not "us-ascii" and not "ascii" && TryGetText(part, charset) is { } declared)
            text = declared;
        else
            text = Charsets.Guess(Bytes(part));
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (part.IsFlowed)
        {
            // format=flowed (Thunderbird): soft line breaks are joined back into paragraphs.
            var delsp = part.ContentType.Parameters.TryGetValue("delsp", out string? d) && d.Equals("yes", StringComparison.OrdinalIgnoreCase);
            text = new FlowedToText { DeleteSpace = delsp }.Convert(text).Replace("\r\n", "\n");
        }
        return text;
    }

    /// <summary>The decoded content of a part; what a broken transfer encoding still gives when decoding fails.</summary>
    internal static byte[] Bytes(MimePart part)
    {
        // Sized from the encoded length, so a large file is not copied through a chain of doubling buffers.
        var encoded = part.Content?.Stream is { CanSeek: true } s ? s.Length : 0;
        var estimate = part.ContentTransferEncoding == ContentEncoding.Base64 ? encoded / 4 * 3 + 3 : encoded;
        using var bytes = new MemoryStream((int)Math.Min(estimate, Array.MaxLength));
        try { part.Content?.DecodeTo(bytes); }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException) { }
        return bytes.ToArray();
    }

    private static string? TryGetText(TextPart part, string charset)
    {
        try { return part.GetText(charset); }
        catch (Exception e) when (e is NotSupportedException or ArgumentException) { return null; }
    }

    /// <summary>Walks the MIME tree once: which parts are the body (text, HTML) and which are files.</summary>
    private sealed class BodyWalk
    {
        public readonly StringBuilder Text = new();
        public readonly StringBuilder Html = new();
        public readonly List<PendingAttachment> Attachments = [];
        public readonly List<MimeMessage> Returned = [];
        public readonly List<string> ReportTexts = [];
        public string? ReportType;

        public void Visit(MimeEntity entity, int depth, bool inRelated)
        {
            switch (entity)
            {
                case Multipart multipart when depth < MaxDepth:
                    VisitMultipart(multipart, depth);
                    break;
                case MessagePart part:
                    Attachments.Add(PendingAttachment.Of(part, inRelated));
                    if (ReportType is not null && part.Message is { } returned) Returned.Add(returned);
                    break;
                case TextPart text when IsBody(text):
                    if (text.IsHtml) Append(Html, Decode(text));
                    else Append(Text, Decode(text));
                    break;
                case MessageDeliveryStatus status:
                    ReportTexts.Add(Charsets.Guess(Bytes(status)));
                    Attachments.Add(PendingAttachment.Of(status, inRelated));
                    break;
                case MimePart part:
                    Attachments.Add(PendingAttachment.Of(part, inRelated));
                    break;
            }
        }

        private void VisitMultipart(Multipart multipart, int depth)
        {
            var type = multipart.ContentType;
            if (multipart.Count == 0)
            {
                // No part found: the mailer wrote parts with a boundary it did not declare (or none at all), so all of
                // it landed in the preamble. Parse again with the boundary it did use; failing that, the text is the body.
                if (Recovered(multipart) is { } recovered) Visit(recovered, depth + 1, inRelated: false);
                else if (!string.IsNullOrWhiteSpace(multipart.Preamble)) Append(Text, multipart.Preamble.Replace("\r\n", "\n").Trim('\n'));
                return;
            }
            if (type.IsMimeType("multipart", "alternative"))
            {
                // One rendering of each kind: the last plain and the last HTML (the richest, per RFC 2046); nested
                // multiparts (related HTML with its images) are walked; a calendar or other file is kept as a file.
                TextPart? plain = null, html = null;
                foreach (var child in multipart)
                {
                    if (child is TextPart t && IsBody(t) && t.IsPlain) plain = t;
                    else if (child is TextPart h && IsBody(h) && h.IsHtml) html = h;
                    else if (child is TextPart other && IsBody(other)) continue;   // text/enriched and the like: a rendering we do not read
                    else Visit(child, depth + 1, inRelated: false);
                }
                if (plain is not null) Append(Text, Decode(plain));
                if (html is not null) Append(Html, Decode(html));
                return;
            }
            if (multipart is MultipartRelated related && related.Count > 0)
            {
                var root = related.Root ?? related[0];
                Visit(root, depth + 1, inRelated: false);
                foreach (var child in related.Where(c => !ReferenceEquals(c, root))) Visit(child, depth + 1, inRelated: true);
                return;
            }
            if (multipart is MultipartReport report)
            {
                ReportType = report.ReportType?.ToLowerInvariant() ?? "";
                if (report.Count > 0) Visit(report[0], depth + 1, inRelated: false);
                foreach (var child in report.Skip(1))
                {
                    if (child is MessagePart or MessageDeliveryStatus) Visit(child, depth + 1, inRelated: false);
                    else Attachments.Add(child is MimePart p ? PendingAttachment.Of(p, false) : PendingAttachment.Opaque(child));
                }
                return;
            }
            if (type.IsMimeType("multipart", "signed") && multipart.Count > 0)
            {
                Visit(multipart[0], depth + 1, inRelated: false);
                foreach (var child in multipart.Skip(1)) Visit(child, depth + 1, inRelated: false);
                return;
            }
            // mixed and anything unknown: parts in order; inline text parts between files (Apple Mail) join the body.
            foreach (var child in multipart) Visit(child, depth + 1, inRelated: false);
        }

        private static Multipart? Recovered(Multipart empty)
        {
            var preamble = empty.Preamble ?? "";
            var boundary = UsedBoundary().Match(preamble);
            if (!boundary.Success) return null;
            var raw = $"Content-Type: multipart/mixed; boundary=\"{boundary.Groups[1].Value}\"\r\n\r\n{preamble}\r\n{empty.Epilogue}";
            try
            {
                return MimeEntity.Load(Options, new MemoryStream(Encoding.UTF8.GetBytes(raw))) is Multipart { Count: > 0 } found ? found : null;
            }
            catch (Exception e) when (e is FormatException or ParseException or ArgumentException) { return null; }
        }

        /// <summary>A text/plain or text/html part that is not marked as a file.</summary>
        private static bool IsBody(TextPart part) =>
            (part.IsPlain || part.IsHtml) && !part.IsAttachment && string.IsNullOrEmpty(part.FileName);

        private static void Append(StringBuilder into, string text)
        {
            if (into.Length > 0) into.Append('\n');
            into.Append(text);
        }
    }

    /// <summary>A file found in the walk; whether it is inline is known only once the HTML is.</summary>
    private sealed record PendingAttachment(string FileName, string ContentType, byte[] Content, string? ContentId, bool InRelated, bool DispositionInline)
    {
        public static PendingAttachment Of(MimePart part, bool inRelated)
        {
            var type = part.ContentType.MimeType.ToLowerInvariant();
            var name = part.FileName;
            if (string.IsNullOrWhiteSpace(name))
                name = type switch
                {
                    "text/calendar" => "invite.ics",
                    "message/delivery-status" => "delivery-status.txt",
                    _ => "attachment" + (MimeTypes.TryGetExtension(type, out var extension) ? extension : ".bin"),
                };
            return new(FileNames.Clean(name), type, Bytes(part), HeaderText.MessageId(part.ContentId), inRelated,
                part.ContentDisposition?.Disposition is { } d && d.Equals(ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>A forwarded or returned mail, as a .eml file named after its subject.</summary>
        public static PendingAttachment Of(MessagePart part, bool inRelated)
        {
            using var bytes = new MemoryStream();
            part.Message?.WriteTo(bytes);
            var name = part.ContentDisposition?.FileName ?? part.ContentType.Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                var subject = HeaderText.OneLine(part.Message?.Subject, 100);
                name = (subject.Length > 0 ? subject : "message") + (part is TextRfc822Headers ? ".txt" : ".eml");
            }
            return new(FileNames.Clean(name), part.ContentType.MimeType.ToLowerInvariant(), bytes.ToArray(),
                HeaderText.MessageId(part.ContentId), inRelated, false);
        }

        public static PendingAttachment Opaque(MimeEntity entity)
        {
            using var bytes = new MemoryStream();
            entity.WriteTo(bytes, contentOnly: true);
            return new("attachment.bin", entity.ContentType.MimeType.ToLowerInvariant(), bytes.ToArray(), null, false, false);
        }

        /// <summary>Inline means shown in place: the HTML refers to its content id, or it sits beside the HTML in a
        /// multipart/related (or says inline) with a content id.</summary>
        public EmailAttachment Build(string? html)
        {
            var inline = ContentId is not null
                && ((html?.Contains("cid:" + ContentId, StringComparison.OrdinalIgnoreCase) ?? false) || InRelated || DispositionInline);
            return new EmailAttachment(FileName, ContentType, Content, ContentId, inline);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^--([^\s""]{1,70}?)(--)?\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex UsedBoundary();
}
