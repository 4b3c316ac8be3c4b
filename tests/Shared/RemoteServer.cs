using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Okno.Testing;

/// <summary>Someone else's web server on a free loopback port (a sender's tracking pixel, an image host): it answers
/// every path with a 1×1 GIF, or with what <see cref="Answers"/> says for that path, and counts the requests it got.</summary>
public sealed class RemoteServer : IAsyncDisposable
{
    public static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    private readonly WebApplication _app;
    public ConcurrentQueue<string> Requests { get; } = new();
    /// <summary>Path → (content type, body) for answers other than the GIF.</summary>
    public ConcurrentDictionary<string, (string Type, byte[] Body)> Answers { get; } = new();
    public string BaseUrl { get; }

    private RemoteServer(WebApplication app, string baseUrl) { _app = app; BaseUrl = baseUrl; }

    public static async Task<RemoteServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        RemoteServer? server = null;
        app.Run(async http =>
        {
            server!.Requests.Enqueue(http.Request.Path + http.Request.QueryString);
            var (type, body) = server.Answers.TryGetValue(http.Request.Path.Value ?? "", out var answer) ? answer : ("image/gif", Gif);
            http.Response.ContentType = type;
            await http.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        server = new RemoteServer(app, url);
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
