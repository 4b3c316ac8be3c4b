using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Admin;
using Okno.Testing;

namespace Okno.Tests.Admin;

/// <summary>Sign-in throttling instead of a lockout: growing waits per account and address, an owner on a known device
/// or a known address is not kept out by guesses from elsewhere, success starts the count again, and a node busy with
/// password checks answers 429 at once. Each test runs its own desk on a clock that only moves when told.</summary>
public sealed class SignInThrottlingTests
{
    private const string AgentPassword = "agent-password-1";

    private static async Task<(OknoFactory Okno, WebApplicationFactory App, FakeTimeProvider Clock, string Email)> DeskAsync(
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var okno = OknoFactory.Sqlite(settings, s => { TestAddresses.Register(s); services?.Invoke(s); });
        var app = new WebApplicationFactory(okno.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock))));
        var (id, _) = await okno.CreateAgentAsync(await okno.AdminClientAsync());
        var email = (await (await okno.AdminClientAsync()).GetJsonAsync($"/api/v1/agents/{id}")).Str("email");
        return (okno, app, clock, email);
    }

    /// <summary>The app on the test's clock.</summary>
    private sealed record WebApplicationFactory(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Inner) : IAsyncDisposable
    {
        public HttpClient Client(string address, bool cookies = false)
        {
            var client = Inner.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false, HandleCookies = cookies,
            });
            client.DefaultRequestHeaders.Add(TestAddresses.Header, address);
            return client;
        }

        public T Service<T>() where T : notnull
        {
            using var scope = Inner.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<T>();
        }

        public async Task<int> FailuresAsync(params string[] key)
        {
            await using var scope = Inner.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SignInThrottling>().FailuresAsync(SignInThrottling.Key(key), CancellationToken.None);
        }

        public async ValueTask DisposeAsync() => await Inner.DisposeAsync();
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    [Fact]
    public async Task Guesses_from_one_address_meet_growing_waits_with_retry_after_even_for_the_right_password()
    {
        var (okno, app, clock, email) = await DeskAsync();
        await using var _ = okno;
        await using var __ = app;
        var attacker = app.Client("10.1.0.1");

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(attacker, email, "wrong-password")).StatusCode);
        var waits = new List<int>();
        for (var round = 0; round < 3; round++)
        {
            var refused = await TokenAsync(attacker, email, AgentPassword);
            var problem = await refused.JsonAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("auth.throttled", problem.Str("code"));
            var wait = (int)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
            Assert.Equal(wait, problem.GetProperty("parameters").GetProperty("retryAfter").GetInt32());
            waits.Add(wait);
            clock.Advance(TimeSpan.FromSeconds(wait) + TimeSpan.FromMilliseconds(10));
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(attacker, email, "wrong-password")).StatusCode);
        }
        Assert.Equal([1, 2, 4], waits);
        Assert.Equal(8, await app.FailuresAsync("pair", email, "10.1.0.1"));
    }

    [Fact]
    public async Task The_owner_on_a_known_device_or_a_known_address_signs_in_while_guesses_from_other_addresses_are_throttled()
    {
        var (okno, app, _, email) = await DeskAsync();
        await using var __ = okno;
        await using var ___ = app;
        // The owner signed in before at the office (10.0.0.5) in their browser, which remembers it as a known device.
        var owner = app.Client("10.0.0.5", cookies: true);
        Assert.Equal(HttpStatusCode.Found, (await owner.PageSignInAsync(email, AgentPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PageSignOutAsync()).StatusCode);

        // An attack on the account from 25 addresses, two guesses each: the account's count passes its allowance of 20.
        for (var i = 1; i <= 25; i++)
        {
            var guesser = app.Client($"10.9.0.{i}");
            await TokenAsync(guesser, email, "wrong-password");
            await TokenAsync(guesser, email, "wrong-password-2");
        }
        var fromNewAddress = await TokenAsync(app.Client("10.9.1.1"), email, AgentPassword);
        Assert.Equal("auth.throttled", (await fromNewAddress.JsonAsync(HttpStatusCode.TooManyRequests)).Str("code"));

        // The owner's browser, now on the road (an address never seen): the device cookie gets them in.
        owner.DefaultRequestHeaders.Remove(TestAddresses.Header);
        owner.DefaultRequestHeaders.Add(TestAddresses.Header, "172.16.5.5");
        Assert.Equal(HttpStatusCode.Found, (await owner.PageSignInAsync(email, AgentPassword)).StatusCode);
        Assert.True(await owner.IsSignedInAsync());
        // Another browser at the office, where the owner signed in before: that address gets them in too.
        Assert.Equal(HttpStatusCode.Found, (await app.Client("10.0.0.5", cookies: true).PageSignInAsync(email, AgentPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app.Client("10.0.0.5"), email, AgentPassword)).StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_pairs_count_again()
    {
        var (okno, app, _, email) = await DeskAsync();
        await using var _ = okno;
        await using var __ = app;
        var client = app.Client("10.2.0.1");
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, email, "wrong-password")).StatusCode);
        Assert.Equal(4, await app.FailuresAsync("pair", email, "10.2.0.1"));

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client, email, AgentPassword)).StatusCode);
        Assert.Equal(0, await app.FailuresAsync("pair", email, "10.2.0.1"));
        // Four more mistakes are four again, not eight: no wait yet.
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(client, email, "wrong-password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client, email, AgentPassword)).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_answers_429_and_says_how_long_to_wait_in_the_agents_language()
    {
        var (okno, app, _, email) = await DeskAsync();
        await using var _ = okno;
        await using var __ = app;
        var browser = app.Client("10.3.0.1", cookies: true);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru-RU");
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await browser.PageSignInAsync(email, "wrong-password")).StatusCode);

        var refused = await browser.PageSignInAsync(email, AgentPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"signin-throttled\"", page);
        Assert.Contains("повторите через 1 с", page);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("okno.auth=")));
    }

    [Fact]
    public async Task Sign_ins_beyond_the_password_check_limit_are_answered_429_at_once_while_health_still_answers()
    {
        var slow = new SlowHasher();
        var (okno, app, _, email) = await DeskAsync(
            new() { ["Okno:SignIn:PasswordChecks"] = "1", ["Okno:SignIn:PasswordCheckQueue"] = "0" },
            s => s.AddSingleton<IPasswordHasher<Agent>>(slow));
        await using var _ = okno;
        await using var __ = app;

        slow.Delay = TimeSpan.FromMilliseconds(700);
        var attempts = Enumerable.Range(1, 6).Select(i => TokenAsync(app.Client($"10.4.0.{i}"), email, "wrong-password")).ToList();
        var health = await app.Client("10.4.1.1").GetAsync("/health");
        var answers = await Task.WhenAll(attempts);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var busy = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(busy);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.Unauthorized }));
        foreach (var answer in busy)
        {
            Assert.Equal("auth.busy", (await answer.JsonAsync(HttpStatusCode.TooManyRequests)).Str("code"));
            Assert.Equal(TimeSpan.FromSeconds(1), answer.Headers.RetryAfter?.Delta);
        }
        Assert.True(slow.MostAtOnce <= 1, $"{slow.MostAtOnce} password checks ran at once");
    }

    /// <summary>The real hasher, made slow and watched: how many checks ran at the same time.</summary>
    private sealed class SlowHasher : IPasswordHasher<Agent>
    {
        private readonly PasswordHasher<Agent> _inner = new();
        private int _running;
        public TimeSpan Delay { get; set; }
        public int MostAtOnce { get; private set; }

        public string HashPassword(Agent user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Agent user, string hashedPassword, string providedPassword)
        {
            var now = Interlocked.Increment(ref _running);
            lock (this) MostAtOnce = Math.Max(MostAtOnce, now);
            try
            {
                Thread.Sleep(Delay);
                return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
            finally { Interlocked.Decrement(ref _running); }
        }
    }
}
