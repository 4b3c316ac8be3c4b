using System.Text;
using MimeKit;
using Okno.Channels.Email.Mime;

namespace Okno.Tests.Channels.Email;

public sealed class EmailComposerTests
{
    private static OutgoingEmail Reply(
        string subject = "Re: Printer", long? ticket = 10023, string? html = "<p>Hello <b>Ivan</b></p>",
        IReadOnlyList<OutgoingAttachment>? attachments = null, bool auto = false,
        EmailAddress? to = null, EmailAddress? from = null) => new(
        From: from ?? new EmailAddress("support@okno.test", "Okno Support"),
        To: [to ?? new EmailAddress("ivan@example.ru", "Ivan")],
        Cc: [new EmailAddress("boss@example.ru", null)],
        Subject: subject, TicketNumber: ticket,
        Text: "Hello Ivan,\nthe printer is fixed.", Html: html,
        MessageId: "reply-10023-2@okno.test", InReplyTo: "customer-1@example.ru",
        References: ["root-0@example.ru"], Attachments: attachments ?? [], AutoSubmitted: auto);

    private static byte[] Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    private static string Headers(byte[] raw)
    {
        var text = Encoding.ASCII.GetString(raw).Replace("\r\n", "\n");
        return text[..text.IndexOf("\n\n", StringComparison.Ordinal)];
    }

    [Fact]
    public void Threading_headers_are_set_and_references_end_with_the_parent()
    {
        var message = EmailComposer.Compose(Reply());
        Assert.Equal("reply-10023-2@okno.test", message.MessageId);
        Assert.Equal("customer-1@example.ru", message.InReplyTo);
        Assert.Equal(["root-0@example.ru", "customer-1@example.ru"], message.References);
        var parsed = Corpus.Parse(Raw(message));
        Assert.Equal("reply-10023-2@okno.test", parsed.MessageId);
        Assert.Equal(["customer-1@example.ru"], parsed.InReplyTo);
        Assert.Equal(["root-0@example.ru", "customer-1@example.ru"], parsed.References);
        Assert.Equal([new EmailAddress("boss@example.ru", null)], parsed.Cc);
    }

    [Fact]
    public void Notifications_say_they_are_auto_generated_and_replies_do_not()
    {
        var notification = EmailComposer.Compose(Reply(auto: true));
        Assert.Equal("auto-generated", notification.Headers["Auto-Submitted"]);
        Assert.Equal(EmailAutomation.AutoReply, Corpus.Parse(Raw(notification)).Automation);
        var reply = EmailComposer.Compose(Reply());
        Assert.Null(reply.Headers["Auto-Submitted"]);
        Assert.Equal(EmailAutomation.None, Corpus.Parse(Raw(reply)).Automation);
    }

    [Theory]
    [InlineData("Re: Printer", "[#10023] Re: Printer")]
    [InlineData("Re: [#10023] Printer", "Re: [#10023] Printer")]
    [InlineData("[#10023] Printer", "[#10023] Printer")]
    [InlineData("Printer [#999]", "[#10023] Printer [#999]")]
    [InlineData("", "[#10023]")]
    public void The_token_is_added_once(string subject, string expected)
    {
        Assert.Equal(expected, EmailComposer.SubjectWithToken(subject, 10023));
        Assert.Equal(expected, EmailComposer.Compose(Reply(subject)).Subject);
    }

    [Fact]
    public void Without_a_ticket_number_the_subject_is_left_alone()
    {
        Assert.Equal("Your request", EmailComposer.Compose(Reply("Your request", ticket: null)).Subject);
    }

    [Theory]
    [InlineData("Re: Fwd: Printer [#10023]", 10023L)]
    [InlineData("[#10023] Re: Printer", 10023L)]
    [InlineData("RE: AW: [#7] x [#8]", 7L)]
    [InlineData("Printer #10023", null)]
    [InlineData("[#] [#abc] [# 12]", null)]
    [InlineData("[#0]", null)]
    [InlineData("[#1234567890123456789012]", null)]
    [InlineData("", null)]
    public void The_ticket_number_is_found_anywhere_in_the_subject(string subject, long? expected)
    {
        Assert.Equal(expected, EmailComposer.TicketNumberFromSubject(subject));
    }

    [Fact]
    public void Line_breaks_in_subject_and_names_cannot_inject_headers()
    {
        var message = EmailComposer.Compose(Reply(
            subject: "Hi\r\nBcc: victim@example.com",
            to: new EmailAddress("ivan@example.ru", "Ivan\r\nBcc: victim2@example.com"),
            from: new EmailAddress("support@okno.test", "Okno\nX-Evil: 1")));
        var raw = Raw(message);
        var headers = Headers(raw).Split('\n');
        Assert.DoesNotContain(headers, l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(headers, l => l.StartsWith("X-Evil:", StringComparison.OrdinalIgnoreCase));
        var parsed = Corpus.Parse(raw);
        Assert.Equal("[#10023] Hi Bcc: victim@example.com", parsed.Subject);
        Assert.Equal("Ivan Bcc: victim2@example.com", parsed.To.Single().Name);
        Assert.Equal("Okno X-Evil: 1", parsed.From!.Name);
    }

    [Fact]
    public void Cyrillic_subject_names_and_file_names_are_encoded_and_read_back_the_same()
    {
        var file = new OutgoingAttachment("Акт сверки за ноябрь 2026 года (подписанный).pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4 act"));
        var message = EmailComposer.Compose(Reply(
            subject: "Re: Принтер не печатает — срочно",
            html: "<p>Здравствуйте, Иван!</p>",
            to: new EmailAddress("ivan@example.ru", "Иван Петров"),
            from: new EmailAddress("support@okno.test", "Служба поддержки «Окно»"),
            attachments: [file]));
        var raw = Raw(message);
        Assert.All(raw, b => Assert.True(b < 0x80, "the mail is 7-bit: every non-ASCII text is encoded"));
        Assert.Contains("=?utf-8?", Headers(raw), StringComparison.OrdinalIgnoreCase);
        var parsed = Corpus.Parse(raw);
        Assert.Equal("[#10023] Re: Принтер не печатает — срочно", parsed.Subject);
        Assert.Equal(new EmailAddress("ivan@example.ru", "Иван Петров"), parsed.To.Single());
        Assert.Equal(new EmailAddress("support@okno.test", "Служба поддержки «Окно»"), parsed.From);
        Assert.Equal("Hello Ivan,\nthe printer is fixed.", parsed.Text);
        Assert.Equal("<p>Здравствуйте, Иван!</p>", parsed.Html);
        var pdf = Assert.Single(parsed.Attachments);
        Assert.Equal((file.FileName, "application/pdf", (long)file.Content.Length), (pdf.FileName, pdf.ContentType, pdf.Size));
        Assert.Equal(file.Content, pdf.Content);
    }

    [Fact]
    public void Text_and_html_are_alternatives_and_files_sit_beside_them()
    {
        var plainOnly = EmailComposer.Compose(Reply(html: null));
        Assert.Equal("text/plain", plainOnly.Body!.ContentType.MimeType);
        Assert.Equal("utf-8", plainOnly.Body.ContentType.Charset);

        var alternative = EmailComposer.Compose(Reply());
        var parts = Assert.IsType<MultipartAlternative>(alternative.Body);
        Assert.Equal(["text/plain", "text/html"], parts.Select(p => p.ContentType.MimeType));
        Assert.All(parts, p => Assert.Equal("utf-8", p.ContentType.Charset));

        var withFiles = EmailComposer.Compose(Reply(attachments:
            [new OutgoingAttachment("log.txt", "text/plain", Encoding.UTF8.GetBytes("line")), new OutgoingAttachment("a.png", "not a type", [1, 2, 3])]));
        var mixed = Assert.IsType<Multipart>(withFiles.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["log.txt", "a.png"], mixed.Skip(1).OfType<MimePart>().Select(p => p.FileName));
        Assert.Equal("application/octet-stream", mixed[2].ContentType.MimeType);
        var parsed = Corpus.Parse(Raw(withFiles));
        Assert.Equal(["log.txt", "a.png"], parsed.Attachments.Select(a => a.FileName));
        Assert.Equal("Hello Ivan,\nthe printer is fixed.", parsed.Text);
    }

    [Fact]
    public void New_message_ids_are_unique_and_carry_the_domain_without_brackets()
    {
        var a = EmailComposer.NewMessageId("okno.test");
        var b = EmailComposer.NewMessageId("okno.test");
        Assert.Matches(@"^[^<>@\s]+@okno\.test$", a);
        Assert.NotEqual(a, b);
        Assert.Throws<ArgumentException>(() => EmailComposer.NewMessageId(" \r\n"));
    }

    [Fact]
    public void An_invalid_address_is_an_argument_error_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => EmailComposer.Compose(Reply(to: new EmailAddress("not an address", "X"))));
        Assert.Contains("not an address", error.Message);
    }
}
