using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Okno.Channels.Telegram;

/// <summary>What a Bot API method answered: <c>{"ok": true, "result": …}</c>, or <c>{"ok": false, "error_code": 429,
/// "description": …, "parameters": {"retry_after": 5}}</c>.</summary>
public sealed record TelegramAnswer(bool Ok, JsonElement Result, int ErrorCode, string? Description, int? RetryAfter)
{
    public string Error => $"Telegram: {ErrorCode} {Description}".Trim();
}

/// <summary>The Bot API could not be reached, or answered something that is not the Bot API's JSON. The message never
/// holds the bot token (it is part of every method's URL).</summary>
public sealed class TelegramUnreachable(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Calls of the Bot API over one shared HTTP client (the adapter is scoped; connections are pooled across
/// calls). Every call is <c>POST {apiBaseUrl}/bot{token}/{method}</c>; files are read from
/// <c>{apiBaseUrl}/file/bot{token}/{file_path}</c>.</summary>
public static class TelegramBotApi
{
    /// <summary>Longer than the longest long poll (<see cref="TelegramAdapter.LongPollSeconds"/>) and an upload of a large file.</summary>
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(15),
    }) { Timeout = TimeSpan.FromSeconds(120) };

    private static string Base(TelegramSettings settings) => settings.ApiBaseUrl.Trim().TrimEnd('/');

    public static Task<TelegramAnswer> CallAsync(TelegramSettings settings, string method, object? parameters, CancellationToken ct) =>
        SendAsync(settings, method, parameters is null ? null : JsonContent.Create(parameters, options: Json), ct);

    public static Task<TelegramAnswer> CallMultipartAsync(TelegramSettings settings, string method, MultipartFormDataContent content, CancellationToken ct) =>
        SendAsync(settings, method, content, ct);

    internal static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static async Task<TelegramAnswer> SendAsync(TelegramSettings settings, string method, HttpContent? content, CancellationToken ct)
    {
        var token = settings.BotToken ?? "";
        HttpResponseMessage response;
        try
        {
            response = await Http.PostAsync($"{Base(settings)}/bot{token}/{method}", content, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new TelegramUnreachable($"The Bot API at {Base(settings)} could not be reached ({method}): {Scrub(e.Message, token)}", null);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                var ok = root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
                var result = root.TryGetProperty("result", out var r) ? r.Clone() : default;
                var code = root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : ok ? 0 : (int)response.StatusCode;
                var description = root.TryGetProperty("description", out var d) ? d.GetString() : null;
                int? retryAfter = root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object
                    && p.TryGetProperty("retry_after", out var ra) && ra.TryGetInt32(out var seconds) ? seconds : null;
                return new TelegramAnswer(ok, result, code, description is null ? null : Scrub(description, token), retryAfter);
            }
            catch (JsonException)
            {
                // A proxy's error page, a gateway timeout: not the Bot API speaking.
                throw new TelegramUnreachable($"The Bot API at {Base(settings)} answered {(int)response.StatusCode} without its JSON ({method}).");
            }
        }
    }

    /// <summary>A file's bytes by its <c>file_path</c> (from getFile), or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> DownloadAsync(TelegramSettings settings, string filePath, long maxBytes, CancellationToken ct)
    {
        var token = settings.BotToken ?? "";
        try
        {
            using var response = await Http.GetAsync($"{Base(settings)}/file/bot{token}/{filePath}", HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
                throw new TelegramUnreachable($"Downloading a file from the Bot API at {Base(settings)} failed: {(int)response.StatusCode}.");
            if (response.Content.Headers.ContentLength > maxBytes) return null;
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (HttpRequestException e)
        {
            throw new TelegramUnreachable($"Downloading a file from the Bot API at {Base(settings)} failed: {Scrub(e.Message, token)}");
        }
    }

    /// <summary>The token never reaches a log, a stored error or an admin's screen.</summary>
    private static string Scrub(string text, string token) => token.Length > 0 ? text.Replace(token, "***", StringComparison.Ordinal) : text;

    public static JsonObject Node(object value) => JsonSerializer.SerializeToNode(value, Json)!.AsObject();
}

/// <summary>Keeps sends within Telegram's limits, on this node: one message a second to one chat, thirty a second per
/// bot (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this). Each send takes the next free
/// slot of its chat and of its bot and waits for it. Several nodes each keep their own pace; a 429 that still comes
/// back is retried after its retry_after by the delivery queue.</summary>
public static class TelegramPace
{
    public static TimeSpan PerChat { get; set; } = TimeSpan.FromSeconds(1);
    public static TimeSpan PerBot { get; set; } = TimeSpan.FromMilliseconds(1000.0 / 30);

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, DateTimeOffset> NextFree = [];

    public static async Task WaitTurnAsync(string bot, string chat, TimeProvider clock, CancellationToken ct)
    {
        TimeSpan wait;
        lock (Gate)
        {
            var now = clock.GetUtcNow();
            if (NextFree.Count > 10_000)
                foreach (var stale in NextFree.Where(p => p.Value < now).Select(p => p.Key).ToList()) NextFree.Remove(stale);
            var chatKey = bot + "\n" + chat;
            var slot = new[] { now, NextFree.GetValueOrDefault(chatKey), NextFree.GetValueOrDefault(bot) }.Max();
            NextFree[chatKey] = slot + PerChat;
            NextFree[bot] = slot + PerBot;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
    }
}
