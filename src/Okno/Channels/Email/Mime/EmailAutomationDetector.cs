using System.Text.RegularExpressions;
using MimeKit;

namespace Okno.Channels.Email.Mime;

/// <summary>Tells mail written by a machine from mail written by a person, from the headers machines set: delivery
/// reports (RFC 3464 multipart/report, X-Failed-Recipients, MAILER-DAEMON), auto-replies (RFC 3834 Auto-Submitted,
/// X-Autoreply, X-Autorespond, Precedence: auto_reply, read receipts) and bulk mail (Precedence: bulk/junk/list,
/// List-Id, List-Unsubscribe). The first that applies wins, in that order, with the header that said so as reason.</summary>
internal static partial class EmailAutomationDetector
{
    public static (EmailAutomation Kind, string? Reason) Detect(MimeMessage message, string? reportType)
    {
        var headers = message.Headers;
        if (reportType == "delivery-status") return (EmailAutomation.DeliveryStatus, "Content-Type: multipart/report; report-type=delivery-status");
        if (headers.Contains("X-Failed-Recipients")) return (EmailAutomation.DeliveryStatus, "X-Failed-Recipients");
        var sender = message.From.Mailboxes.FirstOrDefault()?.LocalPart?.ToLowerInvariant();
        if (sender is "mailer-daemon" or "mail-daemon" or "mailer_daemon" or "mail-delivery-subsystem")
            return (EmailAutomation.DeliveryStatus, "From: " + sender);
        var subject = message.Subject ?? "";
        var nullSender = headers[HeaderId.ReturnPath]?.Trim() is "<>" or "";
        if (BounceSubject().IsMatch(subject) && (sender == "postmaster" || nullSender))
            return (EmailAutomation.DeliveryStatus, "Subject: " + HeaderText.OneLine(subject, 60));

        if (Value(headers, "Auto-Submitted") is { } submitted && submitted != "no")
            return (EmailAutomation.AutoReply, "Auto-Submitted: " + submitted);
        if (reportType == "disposition-notification") return (EmailAutomation.AutoReply, "Content-Type: multipart/report; report-type=disposition-notification");
        if (Value(headers, "X-Autoreply") is { } autoreply && autoreply != "no") return (EmailAutomation.AutoReply, "X-Autoreply: " + autoreply);
        if (headers.Contains("X-Autorespond")) return (EmailAutomation.AutoReply, "X-Autorespond");
        var precedence = Value(headers, "Precedence");
        if (precedence is "auto_reply" or "auto-reply") return (EmailAutomation.AutoReply, "Precedence: " + precedence);

        if (precedence is "bulk" or "junk") return (EmailAutomation.Bulk, "Precedence: " + precedence);
        if (precedence is "list") return (EmailAutomation.MailingList, "Precedence: list");
        if (headers.Contains("List-Id")) return (EmailAutomation.MailingList, "List-Id");
        if (headers.Contains("List-Unsubscribe")) return (EmailAutomation.Bulk, "List-Unsubscribe");
        return (EmailAutomation.None, null);
    }

    /// <summary>The header's value, lower case, without parameters or comments ("auto-replied; owner=…" → "auto-replied").</summary>
    private static string? Value(HeaderList headers, string name)
    {
        var value = headers[name];
        if (value is null) return null;
        var end = value.IndexOfAny([';', '(']);
        return HeaderText.OneLine(end >= 0 ? value[..end] : value, 40).ToLowerInvariant();
    }

    [GeneratedRegex(@"^\s*(Undelivered Mail Returned to Sender|Undeliverable|Undelivered|Mail delivery failed|Delivery Status Notification|Delivery Failure|Returned mail|failure notice|Mail System Error|Недоставленное сообщение|Не доставлено|Сообщение не доставлено)", RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();

    /// <summary>A "Message-ID: &lt;…&gt;" line of quoted original headers in a bounce's text.</summary>
    [GeneratedRegex(@"^[>\s]*Message-ID:\s*<([^\s<>]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    internal static partial Regex QuotedMessageId();
}
