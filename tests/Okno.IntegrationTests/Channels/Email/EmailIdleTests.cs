using System.Net;
using Microsoft.EntityFrameworkCore;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Channels.Email;

/// <summary>IMAP IDLE against the real Dovecot: with a poll interval of an hour, new mail still becomes a ticket within
/// seconds, because the server tells Okno it arrived.</summary>
public sealed class EmailIdleTests
{
    [Theory]
    [BothDatabases]
    public async Task With_idle_a_new_mail_is_fetched_at_once_although_the_next_poll_is_an_hour_away(string provider)
    {
        await using var app = OknoFactory.For(provider, new Dictionary<string, string?> { ["Okno:Channels:JobInterval"] = "00:00:01" });
        var admin = await app.AdminClientAsync();
        var folder = await TestMail.NewFolderAsync();
        await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name = "Idle mailbox",
            settings = new
            {
                imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
                imapPassword = TestMail.Password, imapFolder = folder, smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port,
                smtpSecurity = "none", fromAddress = TestMail.Support, pollSeconds = 3600,
            },
        }, HttpStatusCode.Created);
        // The first mail is read by the first poll (and the watch's first look); after it the mailbox polls hourly.
        await TestMail.AppendAsync(folder, TestMail.Mail($"customer+idle1.{Guid.NewGuid():N}@example.test", "Первый", TestMail.Support, "Первое письмо", "Раз."));
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Subject == "Первое письмо")), seconds: 60);
        await Task.Delay(TimeSpan.FromSeconds(2));

        await TestMail.AppendAsync(folder, TestMail.Mail($"customer+idle2.{Guid.NewGuid():N}@example.test", "Второй", TestMail.Support, "Второе письмо", "Два."));
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.Tickets.AnyAsync(t => t.Subject == "Второе письмо")), seconds: 30);
    }
}
