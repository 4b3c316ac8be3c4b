using System.Net;
using System.Net.Http.Json;
using Okno.Testing;

namespace Okno.Tests.Channels;

public sealed class EmailSettingsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task A_mailbox_with_wrong_settings_is_refused_field_by_field_and_nothing_is_stored()
    {
        var name = "Bad mailbox " + Guid.NewGuid().ToString("N")[..6];
        var problem = await (await okno.Admin.PostAsJsonAsync("/api/v1/channels/email", new
        {
            name,
            settings = new
            {
                imapHost = "imap .example.com", imapPort = 0, imapSecurity = "ssl", imapUser = "support@example.com",
                imapPassword = "p", smtpHost = "smtp.example.com\r\nX-Injected: 1", smtpPort = 70000, fromAddress = "not an address",
                pollSeconds = 1, maxMessageMegabytes = 500, intakeSecret = "short",
            },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["settings.fromAddress", "settings.imapHost", "settings.imapPort", "settings.imapSecurity", "settings.intakeSecret",
             "settings.maxMessageMegabytes", "settings.pollSeconds", "settings.smtpHost", "settings.smtpPort"],
            problem.ErrorFields().Order());
        var accounts = await okno.Admin.GetJsonAsync("/api/v1/channels?limit=100");
        Assert.DoesNotContain(accounts.Items(), a => a.Str("name") == name);
    }

    [Fact]
    public async Task A_mailbox_is_created_through_the_typed_shortcut_and_never_echoes_its_passwords()
    {
        var created = await okno.Admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Mailbox " + Guid.NewGuid().ToString("N")[..6],
            settings = new
            {
                imapHost = "imap.example.com", imapUser = "support@example.com", imapPassword = "imap-pass-секрет",
                smtpHost = "smtp.example.com", smtpUser = "support@example.com", smtpPassword = "smtp-pass-секрет",
                fromName = "Поддержка", fromAddress = "support@example.com",
            },
        }, HttpStatusCode.Created);
        Assert.Equal("email", created.Str("kind"));
        Assert.DoesNotContain("pass-секрет", created.GetRawText(), StringComparison.Ordinal);
        var settings = created.GetProperty("settings");
        Assert.True(settings.GetProperty("imapPassword").GetProperty("set").GetBoolean());
        Assert.False(settings.GetProperty("intakeSecret").GetProperty("set").GetBoolean());
        Assert.Equal(("tls", 993, "INBOX", 60), (settings.Str("imapSecurity"), settings.GetProperty("imapPort").GetInt32(), settings.Str("imapFolder"),
            settings.GetProperty("pollSeconds").GetInt32()));
        var kinds = await okno.Admin.GetJsonAsync("/api/v1/channels/kinds");
        var email = kinds.EnumerateArray().Single(k => k.Str("kind") == "email");
        Assert.True(email.GetProperty("polls").GetBoolean() && email.GetProperty("pushes").GetBoolean() && email.GetProperty("testsConnection").GetBoolean());
    }
}
