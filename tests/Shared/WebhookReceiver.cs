using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Okno.Testing;

/// <summary>A company's webhook endpoint on a free loopback port: it keeps every request (headers and body) and answers
/// with <see cref="StatusCode"/> (and <see cref="Location"/> for a redirect).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly WebApplication _app;
    public ConcurrentQueue<Received> Requests { get; } = new();
    public int StatusCode { get; set; } = 200;
    public string? Location { get; set; }
    public string BaseUrl { get; }

    private WebhookReceiver(WebApplication app, string baseUrl) { _app = app; BaseUrl = baseUrl; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver!.Requests.Enqueue(new Received(http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase), body));
            http.Response.StatusCode = receiver.StatusCode;
            if (receiver.Location is { } location) http.Response.Headers.Location = location;
            await http.Response.WriteAsync(receiver.StatusCode < 300 ? "ok" : "nope");
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        receiver = new WebhookReceiver(app, url);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
