using Okno.Notifications;

namespace Okno.Tests.Notifications;

public sealed class NotificationTemplatesTests
{
    private static readonly NotificationValues Values = new(10023, "Printer\r\nBcc: evil@example.com", "https://desk/tickets/5", "Ivan <script>alert(1)</script>",
        "Anna & Co", "Line one\nLine <b>two</b>");

    [Fact]
    public void Rendering_fills_every_placeholder_keeps_the_subject_on_one_line_and_escapes_every_value_in_the_html()
    {
        var rendered = NotificationTemplates.Render("#{ticket.number}: {ticket.subject}", "{customer.name} / {agent.name}\n{message.text}\n{ticket.url}", Values);

        Assert.Equal("#10023: Printer Bcc: evil@example.com", rendered.Subject);
        Assert.Equal("Ivan <script>alert(1)</script> / Anna & Co\nLine one\nLine <b>two</b>\nhttps://desk/tickets/5", rendered.Text);
        Assert.DoesNotContain("<script>", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Ivan &lt;script&gt;alert(1)&lt;/script&gt; / Anna &amp; Co<br>Line one<br>Line &lt;b&gt;two&lt;/b&gt;<br>", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "We received your request: {ticket.subject}")]
    [InlineData("ru", "Ваше обращение получено: {ticket.subject}")]
    public void Every_notification_has_a_shipped_default_in_both_languages_using_only_known_placeholders(string language, string requestReceived)
    {
        Assert.Equal(requestReceived, NotificationTemplates.Default(NotificationKeys.RequestReceived, language).Subject);
        foreach (var key in NotificationKeys.All)
        {
            var (subject, body) = NotificationTemplates.Default(key, language);
            Assert.NotEqual(key, subject);
            Assert.NotEmpty(body);
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(subject + body, @"\{([^{}\s]+)\}"))
                Assert.Contains(m.Groups[1].Value, NotificationTemplates.Placeholders);
        }
    }
}
