using System.Data.Common;
using System.Diagnostics;
using System.Net;
using MailKit;
using Microsoft.Data.Sqlite;
using MimeKit;
using Okno.Channels;
using Okno.IntegrationTests.Platform;
using Okno.Testing;
using Xunit.Abstractions;

namespace Okno.IntegrationTests.Channels.Email;

/// <summary>Nothing lost, nothing twice (issue 13): Okno runs as a real process polling a real Dovecot mailbox of 300
/// mails, is killed with SIGKILL at several moments of the import (while a fetch is being stored, before it is flagged
/// \Seen; while mail waits to be processed; in the middle of processing; at a random moment), and is started again each
/// time on the same data. When it has caught up, every distinct mail is exactly one message (one item per account and
/// Message-ID, or per content hash without one), copies are one, the auto-reply made none, nothing is left pending, and
/// every mail is \Seen on the server. Needs scripts/test-deps (PostgreSQL, Dovecot): a missing server fails loudly.</summary>
public sealed class EmailCrashTests(ITestOutputHelper output)
{
    /// <summary>Short enough that a claim left by a killed process is taken over within seconds (default: 2 min).</summary>
    private const string Lease = "00:00:05";
    /// <summary>Okno's start may take long on a shared, busy machine (load averages of 50 were seen).</summary>
    private const int StartSeconds = 240;

    [Theory]
    [BothDatabases]
    public async Task Killing_Okno_at_several_moments_of_an_import_of_300_mails_leaves_every_mail_exactly_once(string provider)
    {
        var folder = await TestMail.NewFolderAsync();
        var mails = CrashMailbox.Make(folder);
        await CrashMailbox.AppendAllAsync(folder, mails.Appended);
        await using var desk = CrashDesk.Create(provider);
        var account = 0L;
        var random = new Random(13);
        // Each condition is on the counts this process found at its start and those now, so each kill happens after
        // this process did the work named.
        var killPoints = new (string Name, Func<Counts, Counts, bool> Reached)[]
        {
            // A fetched batch is stored in one commit: the first rows mean the batch is stored, and its \Seen and the
            // cursor are being written, or the next batch fetched.
            ("right after the first fetched batch was stored", (_, now) => now.Items >= 1),
            ("while fetched mail is being processed", (start, now) => now.Processed >= Math.Min(start.Processed + 25, mails.ExpectedItems)),
            ("right after new mail was stored, or else at the first mail processed",
                (start, now) => start.Items < mails.ExpectedItems ? now.Items > start.Items : now.Processed > start.Processed),
            ("in the middle of processing", (start, now) => now.Processed >= Math.Min(start.Processed + 60, mails.ExpectedItems)),
            ("at a random moment up to 3 s after the start", (_, _) => true),
        };
        foreach (var (name, reached) in killPoints)
        {
            using var okno = await OknoProcess.StartAsync(desk.Settings, startSeconds: StartSeconds);
            // The mailbox is added through the API of the first process.
            if (account == 0) account = await CrashMailbox.AddMailboxAsync(await okno.ClientAsync(), folder);
            var start = await desk.CountsAsync(account);
            var at = await desk.WaitAsync(account, now => reached(start, now), TimeSpan.FromSeconds(90), $"kill point \"{name}\"");
            if (name.StartsWith("at a random", StringComparison.Ordinal)) await Task.Delay(random.Next(0, 3000));
            okno.Kill();
            output.WriteLine($"killed {name}: {await desk.CountsAsync(account)} (at the start: {start}; condition met at {at})");
        }

        using (await OknoProcess.StartAsync(desk.Settings, startSeconds: StartSeconds))
            await desk.WaitAsync(account, c => c.Items == mails.ExpectedItems && c.Pending == 0, TimeSpan.FromSeconds(120), "the import to finish");
        await CrashMailbox.AssertExactlyOnceAsync(desk, account, folder, mails);
    }

    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_polling_one_mailbox_import_each_mail_once_even_when_one_is_killed()
    {
        var folder = await TestMail.NewFolderAsync();
        var mails = CrashMailbox.Make(folder);
        await CrashMailbox.AppendAllAsync(folder, mails.Appended);
        await using var desk = CrashDesk.Create("postgres");
        using var a = await OknoProcess.StartAsync(desk.Settings, startSeconds: StartSeconds);
        using var b = await OknoProcess.StartAsync(desk.Settings, startSeconds: StartSeconds);
        var account = await CrashMailbox.AddMailboxAsync(await a.ClientAsync(), folder);

        await desk.WaitAsync(account, c => c.Processed >= 120, TimeSpan.FromSeconds(90), "node A and B to process 120 mails");
        a.Kill();
        output.WriteLine($"node A killed: {await desk.CountsAsync(account)}");
        try
        {
            await desk.WaitAsync(account, c => c.Items == mails.ExpectedItems && c.Pending == 0, TimeSpan.FromSeconds(120), "node B to finish the import");
        }
        catch (TimeoutException)
        {
            output.WriteLine($"node B's last log lines:\n{b.Tail()}");
            throw;
        }
        await CrashMailbox.AssertExactlyOnceAsync(desk, account, folder, mails);
    }

    internal readonly record struct Counts(int Items, int Pending, int Processed, int Quarantined)
    {
        public override string ToString() => $"{Items} items stored, {Processed} processed, {Pending} pending, {Quarantined} quarantined";
    }

    /// <summary>The mails of one run: distinct ones (with and without a Message-ID), copies of some (the same Message-ID
    /// with other bytes, as a mail delivered twice by two routes; byte-identical copies of mails without one) and one
    /// auto-reply, in a fixed shuffled order.</summary>
    internal sealed record CrashMailbox(IReadOnlyList<MimeMessage> Appended, IReadOnlyList<string> ExpectedSubjects, string AutoReplySubject)
    {
        /// <summary>Each distinct mail is one item, and so is the auto-reply (ignored).</summary>
        public int ExpectedItems => ExpectedSubjects.Count + 1;

        public static CrashMailbox Make(string tag, int withId = 249, int withoutId = 30, int copiesWithId = 15, int copiesWithoutId = 5)
        {
            var distinct = new List<MimeMessage>();
            for (var i = 0; i < withId; i++)
                distinct.Add(TestMail.Mail($"crash{i % 60}.{tag}@example.org", $"Клиент {i % 60}", TestMail.Support,
                    $"{tag} письмо {i:D3}", $"Здравствуйте!\nОбращение номер {i}: не работает принтер в кабинете {i % 17}."));
            var noIds = new List<MimeMessage>();
            for (var i = 0; i < withoutId; i++)
            {
                var mail = TestMail.Mail($"noid{i % 10}.{tag}@example.org", $"Без идентификатора {i % 10}", TestMail.Support,
                    $"{tag} без Message-ID {i:D3}", $"Письмо без Message-ID, номер {i}.");
                mail.Headers.Remove(HeaderId.MessageId);
                noIds.Add(mail);
            }
            var appended = new List<MimeMessage>(distinct.Concat(noIds));
            for (var i = 0; i < copiesWithId; i++)
            {
                // The same mail again by another route: same Message-ID, one more Received header, other bytes.
                var copy = MimeMessage.Load(Stream(distinct[i * 16]));
                copy.Headers.Insert(0, new Header("Received", $"from relay{i}.example.org by mx.example.test; {DateTimeOffset.UtcNow:R}"));
                appended.Add(copy);
            }
            for (var i = 0; i < copiesWithoutId; i++) appended.Add(MimeMessage.Load(Stream(noIds[i * 6])));
            var autoReply = TestMail.Mail($"away.{tag}@example.org", "В отпуске", TestMail.Support, $"{tag} автоответ", "Я в отпуске до понедельника.");
            autoReply.Headers.Add("Auto-Submitted", "auto-replied");
            appended.Add(autoReply);
            var order = new Random(20261204);
            return new CrashMailbox(appended.OrderBy(_ => order.Next()).ToList(),
                distinct.Concat(noIds).Select(m => m.Subject!).ToList(), autoReply.Subject!);
        }

        private static MemoryStream Stream(MimeMessage message)
        {
            var stream = new MemoryStream();
            message.WriteTo(stream);
            stream.Position = 0;
            return stream;
        }

        public static async Task AppendAllAsync(string folderName, IEnumerable<MimeMessage> mails)
        {
            using var client = await TestMail.ConnectAsync(TestMail.Support);
            var folder = await client.GetFolderAsync(folderName);
            await folder.OpenAsync(FolderAccess.ReadWrite);
            foreach (var mail in mails) await folder.AppendAsync(mail, MessageFlags.None);
            await client.DisconnectAsync(true);
        }

        public static async Task<long> AddMailboxAsync(HttpClient admin, string folder) =>
            (await admin.PostJsonAsync("/api/v1/channels/email", new
            {
                name = "Crash mailbox",
                settings = new
                {
                    imapHost = TestMail.Imap.Host, imapPort = TestMail.Imap.Port, imapSecurity = "none", imapUser = TestMail.Support,
                    imapPassword = TestMail.Password, imapFolder = folder,
                    smtpHost = TestMail.Smtp.Host, smtpPort = TestMail.Smtp.Port, smtpSecurity = "none",
                    fromName = "Служба поддержки", fromAddress = TestMail.Support, pollSeconds = 5,
                },
            }, HttpStatusCode.Created)).Id();

        public static async Task AssertExactlyOnceAsync(CrashDesk desk, long account, string folderName, CrashMailbox mails)
        {
            var counts = await desk.CountsAsync(account);
            Assert.Equal(new Counts(mails.ExpectedItems, 0, mails.ExpectedItems, 0), counts);
            // Every distinct mail is exactly one message of the mailbox, in a ticket of its subject; the auto-reply is none.
            var messages = await desk.RowsAsync(
                """SELECT t."Subject", m."ExternalId" FROM "Messages" m JOIN "Tickets" t ON t."Id" = m."TicketId" WHERE m."ChannelAccountId" = @account""",
                account, r => (Subject: r.GetString(0), ExternalId: r.GetString(1)));
            Assert.Equal(mails.ExpectedSubjects.Order(StringComparer.Ordinal), messages.Select(m => m.Subject).Order(StringComparer.Ordinal));
            Assert.Equal(messages.Count, messages.Select(m => m.ExternalId).Distinct().Count());
            Assert.Equal(30, messages.Count(m => m.ExternalId.StartsWith("sha256:", StringComparison.Ordinal)));
            Assert.DoesNotContain(mails.AutoReplySubject, messages.Select(m => m.Subject));
            var ignored = await desk.RowsAsync(
                """SELECT "LastError" FROM "ChannelInboundItems" WHERE "AccountId" = @account AND "Status" = 'Ignored'""", account, r => r.GetString(0));
            Assert.Contains("automatic", Assert.Single(ignored), StringComparison.Ordinal);
            // Every mail (copies and the auto-reply too) is flagged \Seen on the server.
            using var client = await TestMail.ConnectAsync(TestMail.Support);
            var folder = await client.GetFolderAsync(folderName);
            await folder.OpenAsync(FolderAccess.ReadOnly);
            var flags = await folder.FetchAsync(0, -1, MessageSummaryItems.Flags);
            Assert.Equal(mails.Appended.Count, flags.Count);
            Assert.All(flags, f => Assert.True(f.Flags!.Value.HasFlag(MessageFlags.Seen), $"mail {f.Index + 1} is not \\Seen"));
            await client.DisconnectAsync(true);
        }
    }

    /// <summary>The data of one crash run (a data folder, and a PostgreSQL database or the SQLite file in that folder),
    /// read directly by the test while Okno runs or lies dead.</summary>
    internal sealed class CrashDesk : IAsyncDisposable
    {
        private readonly string _directory;
        private readonly string? _postgres;

        private CrashDesk(string directory, string? postgres, Dictionary<string, string> settings)
        {
            _directory = directory;
            _postgres = postgres;
            Settings = settings;
        }

        public Dictionary<string, string> Settings { get; }

        public static CrashDesk Create(string provider)
        {
            var directory = Path.Combine(Path.GetTempPath(), "okno-mail-crash", Guid.NewGuid().ToString("N"));
            var settings = new Dictionary<string, string>
            {
                ["Okno__DataDirectory"] = directory,
                ["Okno__Admin__Email"] = OknoFactory.AdminEmail,
                ["Okno__Admin__Password"] = OknoFactory.AdminPassword,
                ["Okno__Channels__JobInterval"] = "00:00:01",
                ["Okno__Channels__Lease"] = Lease,
            };
            string? postgres = null;
            if (provider == "postgres")
            {
                postgres = TestPostgres.NewDatabaseConnectionString();
                settings["Okno__Database__Provider"] = "Postgres";
                settings["ConnectionStrings__Okno"] = postgres;
            }
            return new CrashDesk(directory, postgres, settings);
        }

        private DbConnection Connection() => _postgres is null
            ? new SqliteConnection($"Data Source={Path.Combine(_directory, "okno.db")};Pooling=False")
            : new Npgsql.NpgsqlConnection(_postgres + ";Pooling=false");

        public async Task<List<T>> RowsAsync<T>(string sql, long account, Func<DbDataReader, T> read)
        {
            await using var connection = Connection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "account";
            parameter.Value = account;
            command.Parameters.Add(parameter);
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(read(reader));
            return rows;
        }

        public async Task<Counts> CountsAsync(long account)
        {
            var byStatus = await RowsAsync("""SELECT "Status", COUNT(*) FROM "ChannelInboundItems" WHERE "AccountId" = @account GROUP BY "Status" """,
                account, r => (Status: Enum.Parse<InboundStatus>(r.GetString(0)), Count: Convert.ToInt32(r.GetValue(1))));
            int Of(params InboundStatus[] statuses) => byStatus.Where(s => statuses.Contains(s.Status)).Sum(s => s.Count);
            return new Counts(byStatus.Sum(s => s.Count), Of(InboundStatus.Pending), Of(InboundStatus.Done, InboundStatus.Ignored), Of(InboundStatus.Quarantined));
        }

        public async Task<Counts> WaitAsync(long account, Func<Counts, bool> reached, TimeSpan timeout, string what)
        {
            var clock = Stopwatch.StartNew();
            var counts = default(Counts);
            while (clock.Elapsed < timeout)
            {
                try
                {
                    counts = await CountsAsync(account);
                    if (reached(counts)) return counts;
                }
                catch (SqliteException)
                {
                    // The file is being created or migrated.
                }
                await Task.Delay(5);
            }
            throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}; last seen: {counts}.");
        }

        public async ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
            if (_postgres is not null) await CrashSafetyTests.DropDatabaseAsync(_postgres);
        }
    }
}
