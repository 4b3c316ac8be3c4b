using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Okno.Channels.Email;

/// <summary>SMTP connections kept open between sends, per server and sign-in: a reply costs its MAIL, RCPT and DATA,
/// not also a TCP and TLS handshake, EHLO, AUTH and QUIT — several round trips to a remote server per mail, and the
/// connection rate that providers limit. (Against the bench's local sink, without TLS or sign-in, the drain rate was the
/// same either way: bench/results/2026-12-06-email.md.) A connection goes back only after a send that succeeded; one
/// the server has closed meanwhile fails on its first command (MAIL FROM, before any of the mail is sent), is dropped
/// and the mail goes over a new one. Idle connections are closed after <see cref="IdleFor"/>, and at shutdown.</summary>
public sealed class SmtpConnections : IAsyncDisposable
{
    /// <summary>How long an idle connection is kept: far below the 5 minutes after which servers (Postfix, Exim) drop one.</summary>
    public static readonly TimeSpan IdleFor = TimeSpan.FromSeconds(30);

    /// <summary>Idle connections kept per server and sign-in (the delivery job sends 8 at once).</summary>
    public const int MaxIdlePerServer = 8;

    private sealed record Idle(SmtpClient Client, long Since);

    private readonly ConcurrentDictionary<string, ConcurrentStack<Idle>> _idle = new(StringComparer.Ordinal);
    private readonly Timer _sweep;
    private int _opened;

    public SmtpConnections() => _sweep = new Timer(_ => CloseIdle(IdleFor), null, IdleFor, IdleFor);

    /// <summary>Connections opened so far (for tests and the bench).</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>Sends <paramref name="mail"/> over a kept connection to the server <paramref name="connect"/> signs in to,
    /// or a new one. Throws what MailKit throws (the caller classifies it).</summary>
    public async Task SendAsync(string server, Func<CancellationToken, Task<SmtpClient>> connect, MimeMessage mail, CancellationToken cancellationToken)
    {
        var idle = _idle.GetOrAdd(server, _ => new ConcurrentStack<Idle>());
        while (idle.TryPop(out var kept))
        {
            if (!kept.Client.IsConnected || Expired(kept))
            {
                await CloseAsync(kept.Client);
                continue;
            }
            try
            {
                await kept.Client.SendAsync(mail, cancellationToken);
                Keep(idle, kept.Client);
                return;
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
                or SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable })
            {
                // Closed by the server while idle (silently, or with a 421 to the next command): a new connection takes the mail.
                await CloseAsync(kept.Client);
            }
            catch
            {
                // A refusal (SmtpCommandException) or a cancellation: the caller decides; the connection's state is unknown.
                await CloseAsync(kept.Client);
                throw;
            }
        }
        var client = await connect(cancellationToken);
        Interlocked.Increment(ref _opened);
        try
        {
            await client.SendAsync(mail, cancellationToken);
        }
        catch
        {
            await CloseAsync(client);
            throw;
        }
        Keep(idle, client);
    }

    /// <summary>The key of a server and sign-in; the password enters only as a hash, and a changed password or port is
    /// another key (the old connections idle out).</summary>
    public static string ServerKey(string host, int port, string security, string? user, string? password) =>
        string.Join('\n', host.Trim().ToLowerInvariant(), port, security, user ?? "",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password ?? ""))));

    private void Keep(ConcurrentStack<Idle> idle, SmtpClient client)
    {
        if (idle.Count >= MaxIdlePerServer)
        {
            _ = CloseAsync(client);
            return;
        }
        idle.Push(new Idle(client, System.Diagnostics.Stopwatch.GetTimestamp()));
    }

    private static bool Expired(Idle kept) => System.Diagnostics.Stopwatch.GetElapsedTime(kept.Since) > IdleFor;

    /// <summary>Closes the connections idle for longer than <paramref name="idleFor"/> (zero: all).</summary>
    internal void CloseIdle(TimeSpan idleFor)
    {
        foreach (var idle in _idle.Values)
        {
            var keep = new List<Idle>();
            while (idle.TryPop(out var kept))
            {
                if (System.Diagnostics.Stopwatch.GetElapsedTime(kept.Since) > idleFor) _ = CloseAsync(kept.Client);
                else keep.Add(kept);
            }
            // Oldest back first, so the most recently used is taken next.
            for (var i = keep.Count - 1; i >= 0; i--) idle.Push(keep[i]);
        }
    }

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(true, quit.Token);
            }
        }
        catch (Exception)
        {
            // Closing politely is a courtesy: the socket goes with the client either way.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweep.DisposeAsync();
        foreach (var idle in _idle.Values)
            while (idle.TryPop(out var kept)) await CloseAsync(kept.Client);
    }
}
