using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Okno.Channels.Email;

namespace Okno.Tests.Channels.Email;

public sealed class SmtpConnectionsTests
{
    [Fact]
    public async Task Mails_to_one_server_share_a_connection()
    {
        await using var server = new FakeSmtpServer();
        await using var connections = new SmtpConnections();

        for (var i = 1; i <= 3; i++) await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(i), CancellationToken.None);

        Assert.Equal(["1", "2", "3"], server.Subjects);
        Assert.Equal(1, server.Sessions);
        Assert.Equal(1, connections.Opened);
    }

    [Fact]
    public async Task A_connection_the_server_closed_while_idle_is_replaced_and_the_mail_arrives_once()
    {
        await using var server = new FakeSmtpServer();
        await using var connections = new SmtpConnections();
        await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(1), CancellationToken.None);

        server.DropAll();
        await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(2), CancellationToken.None);

        Assert.Equal(["1", "2"], server.Subjects);
        Assert.Equal(2, server.Sessions);
    }

    [Fact]
    public async Task A_connection_the_server_timed_out_with_a_421_is_replaced()
    {
        await using var server = new FakeSmtpServer();
        await using var connections = new SmtpConnections();
        await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(1), CancellationToken.None);

        server.TimeOutIdleSessions = true;
        await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(2), CancellationToken.None);

        Assert.Equal(["1", "2"], server.Subjects);
        Assert.Equal(2, connections.Opened);
    }

    [Fact]
    public async Task A_refused_mail_fails_and_its_connection_is_not_kept()
    {
        await using var server = new FakeSmtpServer { RefuseRecipient = "nobody@example.test" };
        await using var connections = new SmtpConnections();
        await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(1), CancellationToken.None);

        await Assert.ThrowsAsync<SmtpCommandException>(() => connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(2, "nobody@example.test"), CancellationToken.None));
        await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(3), CancellationToken.None);

        Assert.Equal(["1", "3"], server.Subjects);
        Assert.Equal(2, connections.Opened);
    }

    [Fact]
    public async Task Servers_and_sign_ins_do_not_share_connections()
    {
        await using var server = new FakeSmtpServer();
        await using var connections = new SmtpConnections();
        var first = SmtpConnections.ServerKey("Mail.Example.test", 587, "starttls", "desk", "secret");

        Assert.Equal(first, SmtpConnections.ServerKey(" mail.example.test ", 587, "starttls", "desk", "secret"));
        Assert.NotEqual(first, SmtpConnections.ServerKey("mail.example.test", 587, "starttls", "desk", "changed"));
        Assert.NotEqual(first, SmtpConnections.ServerKey("mail.example.test", 465, "tls", "desk", "secret"));
        Assert.DoesNotContain("secret", first, StringComparison.Ordinal);

        await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(1), CancellationToken.None);
        await connections.SendAsync("b", ct => server.ConnectAsync(ct), Mail(2), CancellationToken.None);
        Assert.Equal(2, server.Sessions);
    }

    [Fact]
    public async Task Idle_connections_are_closed_with_a_quit()
    {
        await using var server = new FakeSmtpServer();
        await using var connections = new SmtpConnections();
        await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(1), CancellationToken.None);

        connections.CloseIdle(TimeSpan.Zero);
        await server.WaitForQuitsAsync(1);
        await connections.SendAsync("a", ct => server.ConnectAsync(ct), Mail(2), CancellationToken.None);

        Assert.Equal(2, connections.Opened);
    }

    private static MimeMessage Mail(int subject, string to = "customer@example.test")
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse("desk@example.test"));
        mail.To.Add(MailboxAddress.Parse(to));
        mail.Subject = subject.ToString(System.Globalization.CultureInfo.InvariantCulture);
        mail.Body = new TextPart("plain") { Text = "Здравствуйте" };
        return mail;
    }

    /// <summary>Just enough SMTP for MailKit (no extensions): counts sessions, records subjects, can refuse a recipient
    /// and drop every open session.</summary>
    private sealed class FakeSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _open = [];
        private readonly List<string> _subjects = [];
        private readonly Task _accepting;
        private int _sessions, _quits, _timedOut;

        public string? RefuseRecipient { get; init; }
        /// <summary>Sessions open now answer their next command with 421 and close (an idle timeout); new ones are served.</summary>
        public bool TimeOutIdleSessions { get; set; }
        public int Sessions => Volatile.Read(ref _sessions);
        public IReadOnlyList<string> Subjects { get { lock (_subjects) return _subjects.ToList(); } }

        public FakeSmtpServer()
        {
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
        {
            var client = new SmtpClient { Timeout = 5000 };
            await client.ConnectAsync("127.0.0.1", ((IPEndPoint)_listener.LocalEndpoint).Port, SecureSocketOptions.None, ct);
            return client;
        }

        public void DropAll()
        {
            lock (_open)
            {
                foreach (var c in _open) c.Client?.Close();
                _open.Clear();
            }
        }

        public async Task WaitForQuitsAsync(int count)
        {
            for (var i = 0; i < 100 && Volatile.Read(ref _quits) < count; i++) await Task.Delay(50);
            Assert.Equal(count, Volatile.Read(ref _quits));
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient tcp;
                try { tcp = await _listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; }
                Interlocked.Increment(ref _sessions);
                lock (_open) _open.Add(tcp);
                _ = ServeAsync(tcp);
            }
        }

        private async Task ServeAsync(TcpClient tcp)
        {
            try
            {
                using var _ = tcp;
                var stream = tcp.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 fake ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (TimeOutIdleSessions && Interlocked.CompareExchange(ref _timedOut, 1, 0) == 0)
                    {
                        await writer.WriteLineAsync("421 4.4.2 Timeout, closing");
                        return;
                    }
                    var command = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250 fake");
                            break;
                        case "RCPT" when RefuseRecipient is { } refused && line.Contains(refused, StringComparison.OrdinalIgnoreCase):
                            await writer.WriteLineAsync("550 5.1.1 No such user");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 Go ahead");
                            string? subject = null;
                            while (await reader.ReadLineAsync() is { } data && data != ".")
                                if (data.StartsWith("Subject: ", StringComparison.Ordinal)) subject = data["Subject: ".Length..];
                            lock (_subjects) _subjects.Add(subject ?? "");
                            await writer.WriteLineAsync("250 Queued");
                            break;
                        case "QUIT":
                            Interlocked.Increment(ref _quits);
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:   // MAIL, RCPT, RSET, NOOP
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
            {
                // Dropped on purpose (DropAll) or by the client.
            }
            finally
            {
                lock (_open) _open.Remove(tcp);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            DropAll();
            await _accepting;
        }
    }
}
