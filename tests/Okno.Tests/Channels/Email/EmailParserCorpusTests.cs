using System.Security.Cryptography;
using Okno.Channels.Email.Mime;

namespace Okno.Tests.Channels.Email;

/// <summary>One test per hand-written mail of the corpus, each asserting what Okno must read from it.</summary>
public sealed class EmailParserCorpusTests
{
    private static ParsedEmail Parse(string name) => Corpus.Parse(name);

    [Fact]
    public void The_corpus_has_at_least_forty_mails_and_each_has_a_test_here()
    {
        var files = Corpus.Files.Select(Path.GetFileName).ToList();
        Assert.True(files.Count >= 40, $"{files.Count} mails");
        var source = File.ReadAllText(Path.Combine(SourceDirectory(), "EmailParserCorpusTests.cs"));
        Assert.All(files, f => Assert.Contains($"\"{f}\"", source));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [Fact]
    public void Plain_utf8_8bit_mail_reads_sender_subject_and_text()
    {
        var mail = Parse("01-plain-utf8-8bit.eml");
        Assert.Equal("plain-8bit-001@example.ru", mail.MessageId);
        Assert.Equal(new EmailAddress("ivan.petrov@example.ru", "Иван Петров"), mail.From);
        Assert.Equal("Принтер не печатает", mail.Subject);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(3)), mail.Date);
        Assert.StartsWith("Здравствуйте!\n\nПринтер в бухгалтерии не печатает", mail.Text);
        Assert.DoesNotContain('\r', mail.Text);
        Assert.Equal(mail.Text, mail.NewText);
        Assert.Null(mail.Html);
        Assert.Empty(mail.Attachments);
        Assert.Equal(EmailAutomation.None, mail.Automation);
        Assert.Null(mail.AutomationReason);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Corpus.Bytes("01-plain-utf8-8bit.eml"))), mail.ContentHash);
    }

    [Fact]
    public void Alternative_gives_both_renderings_and_the_copied_addresses()
    {
        var mail = Parse("02-alternative.eml");
        Assert.Equal("Hello,\n\nmy VPN connection drops every hour since Monday.\n\nAnna", mail.Text.Trim());
        Assert.Contains("<b>VPN</b>", mail.Html);
        Assert.Equal([new EmailAddress("support@okno.test", "Okno Support")], mail.To);
        Assert.Equal([new EmailAddress("bob@example.com", "Bob Jones"), new EmailAddress("carol@example.com", null)], mail.Cc);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public void Mixed_keeps_the_pdf_as_a_file()
    {
        var mail = Parse("03-mixed-pdf.eml");
        Assert.Equal("Hi, the attached invoice charges us twice for the same licence.", mail.Text.Trim());
        var pdf = Assert.Single(mail.Attachments);
        Assert.Equal(("invoice-2026-117.pdf", "application/pdf", 142L, false), (pdf.FileName, pdf.ContentType, pdf.Size, pdf.IsInline));
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(pdf.Content));
        Assert.Null(pdf.ContentId);
    }

    [Fact]
    public void Related_html_keeps_cid_and_the_image_is_inline()
    {
        var mail = Parse("04-related-inline-image.eml");
        Assert.Contains("src=\"cid:ii_error01@example.com\"", mail.Html);
        Assert.Contains("See the error on the screenshot:", mail.Text);
        var image = Assert.Single(mail.Attachments);
        Assert.Equal(("error.png", "image/png", 70L, "ii_error01@example.com", true),
            (image.FileName, image.ContentType, image.Size, image.ContentId, image.IsInline));
    }

    [Fact]
    public void Forwarded_mail_is_attached_as_eml()
    {
        var mail = Parse("05-forwarded-rfc822.eml");
        Assert.Equal("Please look at the alert below, it came in last night.", mail.Text.Trim());
        var eml = Assert.Single(mail.Attachments);
        Assert.Equal(("Server room temperature alert.eml", "message/rfc822", false), (eml.FileName, eml.ContentType, eml.IsInline));
        var inner = Corpus.Parse(eml.Content);
        Assert.Equal("alert-77@monitoring.example.com", inner.MessageId);
        Assert.Equal("Temperature in server room 2 is 31 C.", inner.Text.Trim());
    }

    [Fact]
    public void An_undeclared_boundary_still_gives_the_text()
    {
        var mail = Parse("06-broken-boundary.eml");
        Assert.Equal("Broken boundary", mail.Subject);
        Assert.Contains("The mailer used a boundary it did not declare.", mail.Text);
    }

    [Fact]
    public void A_missing_final_boundary_keeps_text_and_file()
    {
        var mail = Parse("07-missing-final-boundary.eml");
        Assert.Equal("The closing boundary never comes.", mail.Text.Trim());
        var png = Assert.Single(mail.Attachments);
        Assert.Equal(("cut.png", 70L), (png.FileName, png.Size));
    }

    [Fact]
    public void Without_message_id_the_content_hash_identifies_the_mail()
    {
        var mail = Parse("08-no-message-id.eml");
        Assert.Null(mail.MessageId);
        Assert.Equal(new EmailAddress("old-scanner@example.com", null), mail.From);
        Assert.Matches("^[0-9a-f]{64}$", mail.ContentHash);
        Assert.NotEqual(Parse("09-duplicate-message-id.eml").ContentHash, mail.ContentHash);
    }

    [Fact]
    public void With_two_message_ids_the_first_counts()
    {
        Assert.Equal("first-009@example.com", Parse("09-duplicate-message-id.eml").MessageId);
    }

    [Fact]
    public void A_header_line_of_20000_characters_is_read_and_the_subject_cut_to_500()
    {
        var raw = Corpus.Bytes("10-long-header-line.eml");
        Assert.Contains(System.Text.Encoding.ASCII.GetString(raw).Split('\n'), l => l.Length >= 20_000);
        var mail = Parse("10-long-header-line.eml");
        Assert.Equal(500, mail.Subject.Length);
        Assert.StartsWith("Very long subject Very long subject", mail.Subject);
        Assert.Equal("long-010@example.com", mail.MessageId);
        Assert.Equal("A header line of 20,000 characters.", mail.Text.Trim());
    }

    [Fact]
    public void A_zero_byte_attachment_is_kept_with_size_zero()
    {
        var mail = Parse("11-zero-byte-attachment.eml");
        Assert.Equal("The log is empty, see attachment.", mail.Text.Trim());
        var log = Assert.Single(mail.Attachments);
        Assert.Equal(("app.log", "text/plain", 0L), (log.FileName, log.ContentType, log.Size));
    }

    [Fact]
    public void Html_with_script_and_tracking_pixel_is_kept_as_sent_and_its_text_has_no_script()
    {
        var mail = Parse("12-html-script-pixel.eml");
        Assert.Contains("<script>", mail.Html);
        Assert.Contains("track.example.com/open.gif", mail.Html);
        Assert.Equal("Please check my account 12345.\n\nThanks", mail.Text);
        Assert.DoesNotContain("alert", mail.Text);
        Assert.DoesNotContain("document", mail.Text);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public void A_calendar_invite_keeps_its_ics()
    {
        var mail = Parse("13-calendar-invite.eml");
        Assert.Equal("You have been invited to: Printer replacement, Mon 7 Dec 2026 10:00.", mail.Text.Trim());
        Assert.Contains("<b>Printer replacement</b>", mail.Html);
        Assert.Equal(["invite.ics", "invite.ics"], mail.Attachments.Select(a => a.FileName));
        Assert.Equal(["text/calendar", "application/ics"], mail.Attachments.Select(a => a.ContentType));
        Assert.Contains("UID:printer-replacement-1@example.com", System.Text.Encoding.UTF8.GetString(mail.Attachments[0].Content));
    }

    [Fact]
    public void A_multipart_report_is_a_delivery_status_naming_the_bounced_mail()
    {
        var mail = Parse("14-dsn-multipart-report.eml");
        Assert.Equal(EmailAutomation.DeliveryStatus, mail.Automation);
        Assert.Equal("Content-Type: multipart/report; report-type=delivery-status", mail.AutomationReason);
        Assert.Equal("reply-10023-1@okno.test", mail.BouncedMessageId);
        Assert.Equal("20261204090001.4C2A81E0@mx.okno.test", mail.MessageId);
        Assert.Contains("Recipient address rejected: User unknown", mail.Text);
        Assert.Equal(["delivery-status.txt", "[#10023] Re_ Printer.txt"], mail.Attachments.Select(a => a.FileName));
    }

    [Fact]
    public void A_qmail_bounce_finds_the_original_message_id_in_the_copy()
    {
        var mail = Parse("15-bounce-qmail.eml");
        Assert.Equal(EmailAutomation.DeliveryStatus, mail.Automation);
        Assert.Equal("From: mailer-daemon", mail.AutomationReason);
        Assert.Equal("reply-10044-7@okno.test", mail.BouncedMessageId);
    }

    [Fact]
    public void An_exim_bounce_with_quoted_headers_is_a_delivery_status()
    {
        var mail = Parse("16-bounce-exim.eml");
        Assert.Equal(EmailAutomation.DeliveryStatus, mail.Automation);
        Assert.Equal("X-Failed-Recipients", mail.AutomationReason);
        Assert.Equal("notify-10051-3@okno.test", mail.BouncedMessageId);
        Assert.Equal("E1vQxyz-0001Ab-2C@mx.example.org", mail.MessageId);
    }

    [Fact]
    public void Auto_submitted_auto_replied_is_an_auto_reply()
    {
        var mail = Parse("17-autoreply-auto-submitted.eml");
        Assert.Equal((EmailAutomation.AutoReply, "Auto-Submitted: auto-replied"), (mail.Automation, mail.AutomationReason));
        Assert.Null(mail.BouncedMessageId);
        Assert.Equal(["reply-10060-1@okno.test"], mail.InReplyTo);
    }

    [Fact]
    public void X_autoreply_is_an_auto_reply()
    {
        var mail = Parse("18-autoreply-x-autoreply.eml");
        Assert.Equal((EmailAutomation.AutoReply, "X-Autoreply: yes"), (mail.Automation, mail.AutomationReason));
        Assert.Equal("Спасибо, ваше письмо получено.", mail.Text.Trim());
    }

    [Fact]
    public void X_autorespond_is_an_auto_reply()
    {
        var mail = Parse("19-autoreply-x-autorespond.eml");
        Assert.Equal((EmailAutomation.AutoReply, "X-Autorespond"), (mail.Automation, mail.AutomationReason));
    }

    [Fact]
    public void Precedence_auto_reply_is_an_auto_reply()
    {
        var mail = Parse("20-autoreply-precedence.eml");
        Assert.Equal((EmailAutomation.AutoReply, "Precedence: auto_reply"), (mail.Automation, mail.AutomationReason));
    }

    [Fact]
    public void A_russian_out_of_office_is_an_auto_reply()
    {
        var mail = Parse("21-out-of-office-ru.eml");
        Assert.Equal((EmailAutomation.AutoReply, "Auto-Submitted: auto-replied"), (mail.Automation, mail.AutomationReason));
        Assert.Equal("Автоответ: Out of office", mail.Subject);
        Assert.Equal("Мария Сидорова", mail.From!.Name);
    }

    [Fact]
    public void Precedence_bulk_is_bulk()
    {
        var mail = Parse("22-newsletter-bulk.eml");
        Assert.Equal((EmailAutomation.Bulk, "Precedence: bulk"), (mail.Automation, mail.AutomationReason));
        Assert.Equal("December deals\n\nUp to 50% off.", mail.Text);
    }

    [Fact]
    public void Precedence_junk_is_bulk()
    {
        Assert.Equal((EmailAutomation.Bulk, "Precedence: junk"), (Parse("23-newsletter-junk.eml").Automation, Parse("23-newsletter-junk.eml").AutomationReason));
    }

    [Fact]
    public void List_id_is_a_mailing_list()
    {
        var mail = Parse("24-mailing-list.eml");
        Assert.Equal((EmailAutomation.MailingList, "List-Id"), (mail.Automation, mail.AutomationReason));
        Assert.Equal([new EmailAddress("support@okno.test", null)], mail.Cc);
    }

    [Fact]
    public void List_unsubscribe_alone_is_bulk()
    {
        var mail = Parse("25-list-unsubscribe-only.eml");
        Assert.Equal((EmailAutomation.Bulk, "List-Unsubscribe"), (mail.Automation, mail.AutomationReason));
    }

    [Fact]
    public void Outlook_original_message_is_folded_away()
    {
        var mail = Parse("26-outlook-original-message.eml");
        Assert.Equal("Yes, the new battery works fine now. Thank you!\n\nJohn", mail.NewText);
        Assert.Contains("we have ordered a new battery", mail.Text);
        Assert.Equal(["reply-10070-1@okno.test"], mail.InReplyTo);
        Assert.Equal(["req-10070@example.com", "reply-10070-1@okno.test"], mail.References);
        Assert.Equal(EmailAutomation.None, mail.Automation);
    }

    [Fact]
    public void Russian_outlook_original_message_is_folded_away()
    {
        var mail = Parse("27-outlook-ru-original-message.eml");
        Assert.Equal("Почта снова работает, спасибо.", mail.NewText);
        Assert.Equal("RE: [#10071] Почта", mail.Subject);
        Assert.Equal("Виктор Кузнецов", mail.From!.Name);
    }

    [Fact]
    public void Outlook_from_sent_block_is_folded_away()
    {
        var mail = Parse("28-outlook-from-sent-html.eml");
        Assert.Equal("The flicker is gone after the cable swap.\n\nGrace Lee\nIT coordinator", mail.NewText);
        Assert.Contains("divRplyFwdMsg", mail.Html);
    }

    [Fact]
    public void Gmail_reply_with_wrapped_attribution_is_folded_away()
    {
        var mail = Parse("29-gmail-reply.eml");
        Assert.Equal("It worked, I can sign in again.", mail.NewText);
        Assert.Contains("class=\"gmail_quote\"", mail.Html);
    }

    [Fact]
    public void Russian_gmail_reply_base64_is_folded_away()
    {
        var mail = Parse("30-gmail-reply-ru.eml");
        Assert.Equal("Пропуск получил, всё хорошо.", mail.NewText);
        Assert.Equal("Re: [#10074] Пропуск", mail.Subject);
        Assert.Equal("Алексей Смирнов", mail.From!.Name);
    }

    [Fact]
    public void Html_only_gmail_reply_quotes_the_blockquote_and_folds_it()
    {
        var mail = Parse("31-gmail-html-only-ru.eml");
        Assert.Contains("> Ваш пропуск готов.", mail.Text);
        Assert.Equal("Ещё вопрос: где его забрать?", mail.NewText);
    }

    [Fact]
    public void Yandex_reply_is_folded_away()
    {
        var mail = Parse("32-yandex-reply.eml");
        Assert.Equal("Монитор привезли, спасибо!", mail.NewText);
        Assert.Equal("Наталья", mail.From!.Name);
    }

    [Fact]
    public void Mail_ru_reply_loses_its_quote_and_signature()
    {
        var mail = Parse("33-mailru-reply.eml");
        Assert.Equal("Клавиатуру заменили, всё работает.", mail.NewText);
        Assert.Equal("Re: [#10076] Клавиатура", mail.Subject);
        Assert.Contains("Дмитрий, какая клавиша не работает?", mail.Text);
    }

    [Fact]
    public void Thunderbird_flowed_reply_is_joined_and_folded()
    {
        var mail = Parse("34-thunderbird-reply-en.eml");
        Assert.Equal("Thanks, the quota is fine now and I can save files to the share again without errors.", mail.NewText);
    }

    [Fact]
    public void Russian_thunderbird_reply_is_folded_away()
    {
        var mail = Parse("35-thunderbird-reply-ru.eml");
        Assert.Equal("Доступ появился.", mail.NewText);
        Assert.Equal("Re: [#10078] Доступ", mail.Subject);
    }

    [Fact]
    public void Apple_mail_reply_is_folded_away()
    {
        var mail = Parse("36-apple-mail-reply.eml");
        Assert.Equal("Mail works on my phone now.\n\nSent from my iPhone", mail.NewText);
    }

    [Fact]
    public void The_dash_dash_signature_goes_but_a_closing_phrase_stays()
    {
        var mail = Parse("37-signature-dash.eml");
        Assert.Equal("1С не запускается после обновления.\n\nС уважением,\nПавел", mail.NewText);
        Assert.Contains("главный бухгалтер", mail.Text);
        Assert.Equal("Не работает 1С", mail.Subject);
    }

    [Fact]
    public void Windows_1251_headers_and_body_decode()
    {
        var mail = Parse("38-windows-1251.eml");
        Assert.Equal("Сканер не работает", mail.Subject);
        Assert.Equal("Светлана Иванова", mail.From!.Name);
        Assert.Equal("Добрый день!\nНе работает сканер на втором этаже.\nСпасибо.", mail.Text.Trim());
    }

    [Fact]
    public void Koi8_r_headers_and_body_decode()
    {
        var mail = Parse("39-koi8-r.eml");
        Assert.Equal("Нет доступа к серверу", mail.Subject);
        Assert.Equal("Борис Соколов", mail.From!.Name);
        Assert.Equal("Здравствуйте.\nНе могу зайти на файловый сервер.\nБорис", mail.Text.Trim());
    }

    [Fact]
    public void Encoded_words_split_mid_character_join()
    {
        var mail = Parse("40-split-encoded-words.eml");
        Assert.Equal("Привет мир", mail.Subject);
        Assert.Equal("Ёлка Ёжикова", mail.From!.Name);
    }

    [Fact]
    public void Rfc2231_russian_file_name_with_continuations_decodes()
    {
        var mail = Parse("41-rfc2231-filename.eml");
        var pdf = Assert.Single(mail.Attachments);
        Assert.Equal(("Акт сверки за ноябрь 2026.pdf", "application/pdf", 25L), (pdf.FileName, pdf.ContentType, pdf.Size));
        Assert.Equal("Акт сверки", mail.Subject);
    }

    [Fact]
    public void An_unknown_charset_is_read_as_best_it_can()
    {
        var mail = Parse("42-unknown-charset.eml");
        Assert.Equal("Заявка из старой CRM: клиент просит перезвонить.", mail.Text.Trim());
        Assert.Contains("Test", mail.Subject);
    }

    [Fact]
    public void A_mail_with_only_an_attachment_has_empty_text()
    {
        var mail = Parse("43-attachment-only.eml");
        Assert.Equal("", mail.Text);
        Assert.Equal("", mail.NewText);
        Assert.Null(mail.Html);
        Assert.Equal(("scan0001.pdf", 25L), (mail.Attachments.Single().FileName, mail.Attachments.Single().Size));
    }

    [Fact]
    public void Html_only_mail_gives_readable_text_with_line_breaks()
    {
        var mail = Parse("44-html-only.eml");
        Assert.Equal("Hello,\n\nthe projector in room 5 does not turn on.\nThe lamp blinks orange.\n\n- Model: X100\n- Room: 5\n\nNina & Co", mail.Text);
    }

    [Fact]
    public void Quoted_printable_soft_breaks_join_lines()
    {
        var mail = Parse("45-quoted-printable-soft-breaks.eml");
        Assert.Equal("This line is long enough that the mailer had to wrap it with a soft line break in the middle, and the reader should see one line.\nРусский текст тоже.", mail.Text.Trim());
    }

    [Fact]
    public void Utf8_base64_body_and_q_encoded_emoji_subject_decode()
    {
        var mail = Parse("46-utf8-base64.eml");
        Assert.Equal("Телефон 📞", mail.Subject);
        Assert.Equal("Михаил", mail.From!.Name);
        Assert.Equal("Телефон на ресепшене не звонит 📞\nМихаил", mail.Text.Trim());
    }

    [Fact]
    public void Raw_8bit_windows_1251_headers_decode()
    {
        var mail = Parse("47-raw-8bit-headers-1251.eml");
        Assert.Equal("Сломался кондиционер", mail.Subject);
        Assert.Equal("Бухгалтерия", mail.From!.Name);
        Assert.Equal("Кондиционер в 305 не включается.", mail.Text.Trim());
    }

    [Fact]
    public void Bytes_that_are_no_mail_at_all_do_not_throw()
    {
        var mail = Parse("48-not-a-mail.eml");
        Assert.Null(mail.MessageId);
        Assert.Null(mail.From);
        Assert.Matches("^[0-9a-f]{64}$", mail.ContentHash);
    }

    [Fact]
    public void A_read_receipt_is_an_auto_reply()
    {
        var mail = Parse("49-read-receipt.eml");
        Assert.Equal(EmailAutomation.AutoReply, mail.Automation);
        Assert.Equal("Content-Type: multipart/report; report-type=disposition-notification", mail.AutomationReason);
        Assert.Null(mail.BouncedMessageId);
    }

    [Fact]
    public void Threading_headers_and_address_lists_are_read_in_order()
    {
        var mail = Parse("50-threading-headers.eml");
        Assert.Equal(["reply-10081-2@okno.test"], mail.InReplyTo);
        Assert.Equal(["req-10081@example.com", "reply-10081-1@okno.test", "reply-10081-2@okno.test"], mail.References);
        Assert.Equal(new EmailAddress("team@example.com", "Team Mailbox"), mail.ReplyTo);
        Assert.Equal([new EmailAddress("support@okno.test", null), new EmailAddress("second@example.com", "Second, Person")], mail.To);
        Assert.Empty(mail.Cc);
        Assert.Equal(10081, EmailComposer.TicketNumberFromSubject(mail.Subject));
    }

    [Fact]
    public void A_raw_8bit_koi8_r_subject_is_not_read_as_windows_1251()
    {
        var mail = Parse("51-raw-8bit-subject-koi8-r.eml");
        Assert.Equal("Не работает принтер в отделе кадров", mail.Subject);
        Assert.Equal("Принтер HP в 112 кабинете.", mail.Text.Trim());
    }

    [Fact]
    public void An_empty_plain_part_beside_html_takes_the_text_from_the_html()
    {
        var mail = Parse("52-empty-plain-beside-html.eml");
        Assert.Equal("Only the HTML part has words.", mail.Text);
        Assert.Equal(mail.Text, mail.NewText);
    }
}
