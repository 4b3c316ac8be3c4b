using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Okno.IntegrationTests.Channels.Telegram;

/// <summary>A Bot API server on a free loopback port, keeping Telegram's semantics where Okno relies on them
/// (https://core.telegram.org/bots/api): every method is <c>POST /bot{token}/{method}</c> answering
/// <c>{"ok":true,"result":…}</c> or <c>{"ok":false,"error_code":…,"description":…}</c>; a wrong token is 401.
/// <list type="bullet">
/// <item>Updates get increasing ids. getUpdates returns those from <c>offset</c> on; passing an offset confirms (forgets)
/// every earlier one; <c>timeout</c> waits for one to come; a second getUpdates ends a waiting one with 409; while a
/// webhook is set getUpdates is refused with 409.</item>
/// <item>setWebhook remembers the URL and the secret token and POSTs each update to it, one at a time in order, with
/// the <c>X-Telegram-Bot-Api-Secret-Token</c> header, retrying an update while the answer is not 2xx. The desk under
/// test runs in memory, so the POST goes through <see cref="WebhookClient"/> (the test server's client) to the URL's path.</item>
/// <item>getFile gives a file_path for a stored file (400 "file is too big" over 20 MB, like the real one) and
/// <c>GET /file/bot{token}/{file_path}</c> its bytes.</item>
/// <item>sendMessage, sendPhoto, sendDocument are recorded (<see cref="Sent"/>); <see cref="TooManyRequestsOnce"/> makes the
/// next send answer 429 with retry_after, <see cref="Blocked"/> chats answer 403 "Forbidden: bot was blocked by the user".</item>
/// </list></summary>
public sealed class FakeTelegram : IAsyncDisposable
{
    public const long BotId = 7000000001;
    public const string Token = "7000000001:AAH-fake_token_for_tests_0123456789abcdef";
    public const string BotUsername = "okno_test_bot";
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    public sealed record SentMessage(string Method, string ChatId, string? Text, JsonNode? ReplyMarkup, string? FileName, byte[]? File);

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _pending = [];
    private readonly Dictionary<string, (byte[] Content, string Path)> _files = [];
    private long _nextUpdateId = 744_100_000;
    private long _nextMessageId = 500;
    private TaskCompletionSource _news = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _waiting;
    private CancellationTokenSource? _pump;

    public string BaseUrl { get; }
    public string? WebhookUrl { get; private set; }
    public string? WebhookSecret { get; private set; }
    /// <summary>The desk's client the webhook POSTs go through (set by the test before setWebhook is called).</summary>
    public HttpClient? WebhookClient { get; set; }
    public List<SentMessage> Sent { get; } = [];
    public List<string> AnsweredCallbacks { get; } = [];
    public List<(long UpdateId, int Status)> WebhookAttempts { get; } = [];
    public List<string> Calls { get; } = [];
    public HashSet<string> Blocked { get; } = [];
    /// <summary>The next send answers 429 with this retry_after, once.</summary>
    public int? TooManyRequestsOnce { get; set; }
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    private FakeTelegram(WebApplication app, string baseUrl) { _app = app; BaseUrl = baseUrl; }

    public static async Task<FakeTelegram> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeTelegram? fake = null;
        app.Run(async http => await fake!.HandleAsync(http));
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        fake = new FakeTelegram(app, url);
        return fake;
    }

    /// <summary>Queues an update (a fixture without its update_id); returns the id it got.</summary>
    public long Push(JsonObject update)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            var copy = new JsonObject { ["update_id"] = id };
            foreach (var (key, value) in update) copy[key] = value?.DeepClone();
            _pending.Add(copy);
            var news = _news;
            _news = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            news.TrySetResult();
            return id;
        }
    }

    /// <summary>A file the user sent, as getFile will find it.</summary>
    public void AddFile(string fileId, byte[] content, string path)
    {
        lock (_gate) _files[fileId] = (content, path);
    }

    /// <summary>Updates Telegram still keeps (not yet confirmed by an offset or delivered to the webhook).</summary>
    public int PendingCount { get { lock (_gate) return _pending.Count; } }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            var rest = path["/file/bot".Length..];
            var slash = rest.IndexOf('/');
            if (slash < 0 || rest[..slash] != Token) { http.Response.StatusCode = 401; return; }
            var filePath = rest[(slash + 1)..];
            byte[]? content;
            lock (_gate) content = _files.Values.FirstOrDefault(f => f.Path == filePath).Content;
            if (content is null) { http.Response.StatusCode = 404; return; }
            http.Response.ContentLength = content.Length;
            await http.Response.Body.WriteAsync(content);
            return;
        }
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || path.LastIndexOf('/') is var cut && cut < 4)
        {
            await Answer(http, Error(404, "Not Found"));
            return;
        }
        var token = path[4..cut];
        var method = path[(cut + 1)..];
        if (token != Token)
        {
            await Answer(http, Error(401, "Unauthorized"));
            return;
        }
        var (args, file) = await ReadArgsAsync(http.Request);
        lock (_gate) Calls.Add(method);
        var result = method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Okno Test", ["username"] = BotUsername }),
            "setWebhook" => SetWebhook(args),
            "deleteWebhook" => DeleteWebhook(),
            "getWebhookInfo" => Ok(new JsonObject { ["url"] = WebhookUrl ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = PendingCount }),
            "getUpdates" => await GetUpdatesAsync(args, http.RequestAborted),
            "getFile" => GetFile(args),
            "sendMessage" or "sendPhoto" or "sendDocument" => Send(method, args, file),
            "answerCallbackQuery" => Callback(args),
            _ => Error(404, "Not Found: method not found"),
        };
        await Answer(http, result);
    }

    private static async Task Answer(HttpContext http, JsonObject body)
    {
        http.Response.StatusCode = body["ok"]!.GetValue<bool>() ? 200 : body["error_code"]!.GetValue<int>();
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    private static JsonObject Ok(JsonNode? result) => new() { ["ok"] = true, ["result"] = result };

    private static JsonObject Error(int code, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds) error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return error;
    }

    /// <summary>The method's parameters however they came (JSON, a form, multipart with a file, the query string).</summary>
    private static async Task<(JsonObject Args, (string Name, byte[] Content)? File)> ReadArgsAsync(HttpRequest request)
    {
        var args = new JsonObject();
        foreach (var (key, value) in request.Query) args[key] = value.ToString();
        (string, byte[])? file = null;
        if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            if (text.Length > 0)
                foreach (var (key, value) in JsonNode.Parse(text)!.AsObject()) args[key] = value?.DeepClone();
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form) args[key] = value.ToString();
            if (form.Files.FirstOrDefault() is { } upload)
            {
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer);
                file = (upload.FileName, buffer.ToArray());
                args[upload.Name] = "attach";
            }
        }
        return (args, file);
    }

    private static string? Arg(JsonObject args, string name) => args[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    private JsonObject SetWebhook(JsonObject args)
    {
        var url = Arg(args, "url");
        if (string.IsNullOrEmpty(url)) return DeleteWebhook();
        if (!url.StartsWith("https://", StringComparison.Ordinal) && !url.StartsWith("http://", StringComparison.Ordinal))
            return Error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        lock (_gate)
        {
            WebhookUrl = url;
            WebhookSecret = Arg(args, "secret_token");
            _waiting?.Cancel();
            _pump?.Cancel();
            var pump = _pump = new CancellationTokenSource();
            _ = Task.Run(() => PumpAsync(pump.Token));
        }
        return Ok(true);
    }

    private JsonObject DeleteWebhook()
    {
        lock (_gate)
        {
            WebhookUrl = null;
            WebhookSecret = null;
            _pump?.Cancel();
            _pump = null;
        }
        return Ok(true);
    }

    /// <summary>Delivers pending updates to the webhook, oldest first; an update leaves the queue on a 2xx answer only.</summary>
    private async Task PumpAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            JsonObject? next;
            Task news;
            string? url, secret;
            lock (_gate)
            {
                next = _pending.FirstOrDefault();
                news = _news.Task;
                (url, secret) = (WebhookUrl, WebhookSecret);
            }
            if (next is null || url is null || WebhookClient is null)
            {
                try { await news.WaitAsync(TimeSpan.FromMilliseconds(200), stop); } catch (TimeoutException) { } catch (OperationCanceledException) { return; }
                continue;
            }
            var id = next["update_id"]!.GetValue<long>();
            int status;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url).PathAndQuery)
                {
                    Content = new StringContent(next.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
                using var response = await WebhookClient.SendAsync(request, stop);
                status = (int)response.StatusCode;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                status = 0;
            }
            lock (_gate)
            {
                WebhookAttempts.Add((id, status));
                if (status is >= 200 and < 300) _pending.Remove(next);
            }
            if (status is < 200 or >= 300)
                try { await Task.Delay(WebhookRetryDelay, stop); } catch (OperationCanceledException) { return; }
        }
    }

    private async Task<JsonObject> GetUpdatesAsync(JsonObject args, CancellationToken aborted)
    {
        CancellationTokenSource mine;
        Task news;
        lock (_gate)
        {
            if (WebhookUrl is not null)
                return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            // A later getUpdates ends the one still waiting, as Telegram does.
            _waiting?.Cancel();
            mine = _waiting = new CancellationTokenSource();
            if (long.TryParse(Arg(args, "offset"), out var offset)) _pending.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
            news = _news.Task;
        }
        var limit = int.TryParse(Arg(args, "limit"), out var l) ? Math.Clamp(l, 1, 100) : 100;
        var timeout = int.TryParse(Arg(args, "timeout"), out var t) ? t : 0;
        var until = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            lock (_gate)
            {
                if (_pending.Count > 0 || DateTime.UtcNow >= until)
                    return Ok(new JsonArray(_pending.Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray()));
                news = _news.Task;
            }
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(mine.Token, aborted);
                await news.WaitAsync(until - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero, linked.Token);
            }
            catch (TimeoutException) { }
            catch (OperationCanceledException) when (mine.IsCancellationRequested)
            {
                return Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
            }
        }
    }

    private JsonObject GetFile(JsonObject args)
    {
        var id = Arg(args, "file_id") ?? "";
        lock (_gate)
        {
            if (!_files.TryGetValue(id, out var file)) return Error(400, "Bad Request: invalid file_id");
            if (file.Content.Length > MaxDownloadBytes) return Error(400, "Bad Request: file is too big");
            return Ok(new JsonObject { ["file_id"] = id, ["file_unique_id"] = "u" + id, ["file_size"] = file.Content.Length, ["file_path"] = file.Path });
        }
    }

    private JsonObject Send(string method, JsonObject args, (string Name, byte[] Content)? file)
    {
        var chat = Arg(args, "chat_id") ?? "";
        lock (_gate)
        {
            if (TooManyRequestsOnce is { } retryAfter)
            {
                TooManyRequestsOnce = null;
                return Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
            }
            if (Blocked.Contains(chat)) return Error(403, "Forbidden: bot was blocked by the user");
            if (!long.TryParse(chat, out var chatId)) return Error(400, "Bad Request: chat not found");
            var markup = args["reply_markup"] is JsonValue text && text.TryGetValue<string>(out var s) ? JsonNode.Parse(s) : args["reply_markup"]?.DeepClone();
            Sent.Add(new SentMessage(method, chat, Arg(args, "text") ?? Arg(args, "caption"), markup, file?.Name, file?.Content));
            var message = new JsonObject
            {
                ["message_id"] = _nextMessageId++,
                ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Okno Test", ["username"] = BotUsername },
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            };
            if (Arg(args, "text") is { } t) message["text"] = t;
            if (markup is not null) message["reply_markup"] = markup.DeepClone();
            return Ok(message);
        }
    }

    private JsonObject Callback(JsonObject args)
    {
        lock (_gate) AnsweredCallbacks.Add(Arg(args, "callback_query_id") ?? "");
        return Ok(true);
    }

    public SentMessage[] SentSnapshot() { lock (_gate) return Sent.ToArray(); }
    public (long UpdateId, int Status)[] WebhookAttemptsSnapshot() { lock (_gate) return WebhookAttempts.ToArray(); }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _pump?.Cancel();
            _waiting?.Cancel();
        }
        await _app.DisposeAsync();
    }
}
