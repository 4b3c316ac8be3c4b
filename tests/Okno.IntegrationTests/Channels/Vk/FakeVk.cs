using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Okno.IntegrationTests.Channels.Vk;

/// <summary>VK's API on a free loopback port, as far as the channel uses it: <c>messages.send</c> (every call recorded,
/// answered with a message id, or with the next of <see cref="Errors"/>, VK's <c>{"error": …}</c> with HTTP 200 as VK
/// does, or a bare HTTP status when <see cref="HttpStatus"/> is set), and files under <c>/files/…</c> as VK's CDN serves
/// photos and documents. <see cref="DeliverAsync"/> plays VK's Callback API: it POSTs an event to Okno and sends it
/// again until the answer is the literal "ok".</summary>
public sealed class FakeVk : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _nextMessageId = 500;

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Sent { get; } = new();
    /// <summary>Error codes the next messages.send calls answer with, one per call.</summary>
    public ConcurrentQueue<int> Errors { get; } = new();
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();
    /// <summary>Uploaded documents by the key the upload answered: name and bytes.</summary>
    public ConcurrentDictionary<string, (string Name, byte[] Content)> Uploaded { get; } = new();
    /// <summary>users.get: "first last" by user id; others are VK's error 113.</summary>
    public ConcurrentDictionary<string, string> Names { get; } = new();
    public string BaseUrl { get; }

    private FakeVk(WebApplication app, string baseUrl) { _app = app; BaseUrl = baseUrl; }

    public static async Task<FakeVk> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeVk? vk = null;
        app.MapPost("/method/messages.send", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            vk!.Sent.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            if (vk.Errors.TryDequeue(out var code))
                return Results.Json(new { error = new { error_code = code, error_msg = code switch
                {
                    9 => "Flood control", 6 => "Too many requests per second", 901 => "Can't send messages for users without permission", _ => "Error",
                } } });
            return Results.Json(new { response = Interlocked.Increment(ref vk._nextMessageId) });
        });
        app.MapPost("/method/users.get", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            return vk!.Names.TryGetValue(form["user_ids"].ToString(), out var name)
                ? Results.Json(new { response = new[] { new { id = long.Parse(form["user_ids"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                    first_name = name.Split(' ')[0], last_name = name.Split(' ')[1] } } })
                : Results.Json(new { error = new { error_code = 113, error_msg = "Invalid user id" } });
        });
        // Documents: an upload address, the upload (the file kept), docs.save naming the document.
        app.MapPost("/method/docs.getMessagesUploadServer", () => Results.Json(new { response = new { upload_url = vk!.BaseUrl + "/upload/doc" } }));
        app.MapPost("/upload/doc", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var file = form.Files["file"]!;
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            var key = $"up{Interlocked.Increment(ref vk!._nextMessageId)}";
            vk.Uploaded[key] = (file.FileName, copy.ToArray());
            return Results.Json(new { file = key });
        });
        app.MapPost("/method/docs.save", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var key = form["file"].ToString();
            return vk!.Uploaded.ContainsKey(key)
                ? Results.Json(new { response = new { type = "doc", doc = new { id = 7000 + long.Parse(key[2..], System.Globalization.CultureInfo.InvariantCulture),
                    owner_id = -229000111, title = form["title"].ToString() } } })
                : Results.Json(new { error = new { error_code = 100, error_msg = "file is undefined" } });
        });
        app.MapGet("/files/{name}", (string name) =>
            vk!.Files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, name.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "application/octet-stream")
                : Results.NotFound());
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        vk = new FakeVk(app, url);
        return vk;
    }

    /// <summary>VK's delivery of one event: POSTed, and again (at most <paramref name="tries"/> times) until the answer is
    /// "ok". Returns every answer (status, body).</summary>
    public static async Task<List<(HttpStatusCode Status, string Body)>> DeliverAsync(HttpClient okno, long accountId, JsonObject @event, int tries = 5)
    {
        var answers = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < tries; i++)
        {
            using var response = await okno.PostAsync($"/api/v1/channels/{accountId}/inbound",
                new StringContent(@event.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            answers.Add((response.StatusCode, body));
            if (response.StatusCode == HttpStatusCode.OK && body == "ok") break;
        }
        return answers;
    }

    /// <summary>A <c>message_new</c> event as VK 5.199 sends it.</summary>
    public static JsonObject MessageNew(long groupId, string? secret, long messageId, long fromId, string text, JsonArray? attachments = null,
        string? payload = null)
    {
        var message = new JsonObject
        {
            ["date"] = 1733390000, ["from_id"] = fromId, ["id"] = messageId, ["out"] = 0, ["version"] = 10000123, ["attachments"] = attachments ?? [],
            ["conversation_message_id"] = messageId, ["fwd_messages"] = new JsonArray(), ["important"] = false, ["is_hidden"] = false,
            ["peer_id"] = fromId, ["random_id"] = 0, ["text"] = text,
        };
        if (payload is not null) message["payload"] = payload;
        var e = new JsonObject
        {
            ["group_id"] = groupId, ["type"] = "message_new", ["event_id"] = $"ev{messageId:x}", ["v"] = "5.199",
            ["object"] = new JsonObject
            {
                ["message"] = message,
                ["client_info"] = new JsonObject { ["button_actions"] = new JsonArray("text", "callback"), ["keyboard"] = true, ["inline_keyboard"] = true, ["lang_id"] = 0 },
            },
        };
        if (secret is not null) e["secret"] = secret;
        return e;
    }

    public JsonObject Photo(long id, string smallName, string bigName) => new()
    {
        ["type"] = "photo",
        ["photo"] = new JsonObject
        {
            ["album_id"] = -3, ["date"] = 1733390000, ["id"] = id, ["owner_id"] = 1001,
            ["sizes"] = new JsonArray(
                new JsonObject { ["height"] = 75, ["width"] = 100, ["type"] = "s", ["url"] = $"{BaseUrl}/files/{smallName}" },
                new JsonObject { ["height"] = 600, ["width"] = 800, ["type"] = "y", ["url"] = $"{BaseUrl}/files/{bigName}" }),
        },
    };

    public JsonObject Doc(long id, string title, string ext, string name) => new()
    {
        ["type"] = "doc",
        ["doc"] = new JsonObject { ["id"] = id, ["owner_id"] = 1001, ["title"] = title, ["size"] = 10, ["ext"] = ext, ["url"] = $"{BaseUrl}/files/{name}", ["type"] = 1 },
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
