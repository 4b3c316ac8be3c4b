using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Okno.Testing;

/// <summary>The mail servers scripts/test-deps starts: Dovecot IMAP (plain/STARTTLS and implicit TLS with a self-signed
/// certificate) and an SMTP sink that delivers into the addressed test user's Maildir. Like PostgreSQL, a missing server
/// fails the test with instructions. Each test works in a folder of its own and addresses of its own
/// (<c>customer+tag@example.test</c> lands in customer@'s INBOX), so tests running at once never see each other's mail.</summary>
public static class TestMail
{
    public const string Support = "support@example.test";
    public const string Customer = "customer@example.test";

    public static (string Host, int Port) Imap => Endpoint("OKNO_TEST_IMAP");
    public static (string Host, int Port) Imaps => Endpoint("OKNO_TEST_IMAPS");
    public static (string Host, int Port) Smtp => Endpoint("OKNO_TEST_SMTP");
    public static string Password => Variable("OKNO_TEST_MAIL_PASSWORD");

    private static string Variable(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException(
            $"The test mail servers are not configured: {name} is not set. Run the tests with scripts/test (it installs and " +
            "starts Dovecot and the SMTP sink), or run `eval \"$(scripts/test-deps up)\"` first.");

    private static (string, int) Endpoint(string name) => Variable(name).Split(':') is [var host, var port] ? (host, int.Parse(port)) : throw new FormatException(name);

    public static async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync(Imap.Host, Imap.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    /// <summary>A new folder of support@'s, for one test.</summary>
    public static async Task<string> NewFolderAsync()
    {
        using var client = await ConnectAsync(Support);
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        await root.CreateAsync(name, true);
        await client.DisconnectAsync(true);
        return name;
    }

    public static async Task<UniqueId> AppendAsync(string folderName, MimeMessage message, string user = Support)
    {
        using var client = await ConnectAsync(user);
        var folder = await client.GetFolderAsync(folderName);
        await folder.OpenAsync(FolderAccess.ReadWrite);
        var uid = await folder.AppendAsync(message, MessageFlags.None) ?? throw new InvalidOperationException("The server gave no UID.");
        await client.DisconnectAsync(true);
        return uid;
    }

    public static async Task<MessageFlags> FlagsAsync(string folderName, UniqueId uid, string user = Support)
    {
        using var client = await ConnectAsync(user);
        var folder = await client.GetFolderAsync(folderName);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var summary = (await folder.FetchAsync([uid], MessageSummaryItems.Flags)).Single();
        await client.DisconnectAsync(true);
        return summary.Flags ?? MessageFlags.None;
    }

    /// <summary>Waits (up to 10 s) for a mail to <paramref name="to"/> in customer@'s INBOX, where the SMTP sink puts it.</summary>
    public static async Task<MimeMessage> WaitForMailToAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using (var client = await ConnectAsync(Customer))
            {
                await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
                var found = await client.Inbox.SearchAsync(SearchQuery.ToContains(to));
                if (found.Count > 0) return await client.Inbox.GetMessageAsync(found[^1]);
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No mail to {to} arrived in {Customer}'s INBOX.");
            await Task.Delay(200);
        }
    }

    /// <summary>A plain-text mail.</summary>
    public static MimeMessage Mail(string from, string fromName, string to, string subject, string text, string? messageId = null, string? inReplyTo = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = messageId ?? $"{Guid.NewGuid():N}@customer.test", Date = DateTimeOffset.UtcNow };
        message.From.Add(new MailboxAddress(fromName, from));
        message.To.Add(MailboxAddress.Parse(to));
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>Adds a mailbox on the test servers through the API: IMAP on <paramref name="folder"/> of support@, SMTP to the
    /// sink, sending as <paramref name="fromAddress"/>; its account id.</summary>
    public static async Task<long> CreateMailboxAsync(System.Net.Http.HttpClient admin, string name, string folder, string fromAddress, int pollSeconds = 60) =>
        (await admin.PostJsonAsync("/api/v1/channels/email", new
        {
            name,
            settings = new
            {
                imapHost = Imap.Host, imapPort = Imap.Port, imapSecurity = "none", imapUser = Support, imapPassword = Password, imapFolder = folder,
                smtpHost = Smtp.Host, smtpPort = Smtp.Port, smtpSecurity = "none", fromName = name, fromAddress, pollSeconds,
            },
        }, System.Net.HttpStatusCode.Created)).Id();
}
