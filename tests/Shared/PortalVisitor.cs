using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Platform.Data;

namespace Okno.Testing;

/// <summary>A browser of the customer portal: its own cookie jar kept by hand (so a test can also send a cookie where a
/// browser would not: the portal cookie to an agent page), forms filled in as a browser does.</summary>
public sealed partial class PortalVisitor(OknoFactory app, string? address = null)
{
    private readonly Dictionary<string, string> _cookies = [];

    public HttpClient Client { get; } = Make(app, address);

    private static HttpClient Make(OknoFactory app, string? address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (address is not null) client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    public string? Cookie(string name) => _cookies.GetValueOrDefault(name);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool withCookies = true)
    {
        if (withCookies && _cookies.Count > 0)
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await Client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var line in set)
            {
                var pair = line.Split(';')[0];
                var at = pair.IndexOf('=');
                var (name, value) = (pair[..at], pair[(at + 1)..]);
                if (value.Length == 0 || line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
                else _cookies[name] = value;
            }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public async Task<string> GetStringAsync(string url) => await (await GetAsync(url)).Content.ReadAsStringAsync();

    /// <summary>Opens <paramref name="page"/>, then posts its form <paramref name="handler"/> with <paramref name="fields"/>
    /// (and files, as multipart) to <paramref name="action"/> (default: the page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string handler, Dictionary<string, string> fields,
        IReadOnlyList<(string Name, string FileName, byte[] Content)>? files = null, string? action = null)
    {
        var html = await GetStringAsync(page);
        var token = AntiforgeryOf(html);
        var all = new Dictionary<string, string>(fields) { ["_handler"] = handler, ["__RequestVerificationToken"] = token };
        HttpContent content;
        if (files is null) content = new FormUrlEncodedContent(all);
        else
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (k, v) in all) multipart.Add(new StringContent(v), k);
            foreach (var (name, fileName, bytes) in files)
            {
                var part = new ByteArrayContent(bytes);
                part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                multipart.Add(part, name, fileName);
            }
            content = multipart;
        }
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, action ?? page) { Content = content });
    }

    public static string AntiforgeryOf(string html) => AntiforgeryInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page: " + html[..Math.Min(html.Length, 400)]);

    /// <summary>The page without what differs between any two answers of the same page: the antiforgery token, the
    /// script nonce and the framework's encrypted state comment.</summary>
    public static string Normalized(string html) =>
        StateComment().Replace(Nonce().Replace(AntiforgeryInput().Replace(html, "name=\"__RequestVerificationToken\" value=\"\""), "nonce=\"\""), "");

    [GeneratedRegex("nonce=\"[0-9a-f]+\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex StateComment();

    public Task<HttpResponseMessage> RequestLinkAsync(string email) =>
        PostFormAsync("/portal/signin", "link", new() { ["Link.Email"] = email });

    public Task<HttpResponseMessage> PasswordAsync(string email, string password) =>
        PostFormAsync("/portal/signin", "password", new() { ["Password.Email"] = email, ["Password.Secret"] = password });

    public Task<HttpResponseMessage> UseLinkAsync(string token) =>
        PostFormAsync($"/portal/signin/link?token={token}", "use-link", new() { ["Input.Token"] = token });

    /// <summary>Signs in by a link: asks for it, reads it from the delivery queue (the fake outbox), uses it.</summary>
    public async Task SignInByLinkAsync(string email)
    {
        var before = await LatestPortalMailIdAsync(app);
        var asked = await RequestLinkAsync(email);
        if (asked.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Asking for a link answered {asked.StatusCode}.");
        var token = await WaitForTokenAsync(app, email, "/portal/signin/link?token=", before);
        var used = await UseLinkAsync(token);
        if (used.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Using the link answered {used.StatusCode}: {await used.Content.ReadAsStringAsync()}");
    }

    public static Task<long> LatestPortalMailIdAsync(OknoFactory app) =>
        app.WithDbAsync(async db => await db.Set<ChannelDelivery>().Where(d => d.DedupeKey!.StartsWith("portal:")).MaxAsync(d => (long?)d.Id) ?? 0);

    /// <summary>The token of the first portal mail to <paramref name="email"/> after <paramref name="afterId"/> whose link has
    /// <paramref name="linkPart"/>.</summary>
    public static async Task<string> WaitForTokenAsync(OknoFactory app, string email, string linkPart, long afterId = 0)
    {
        string? token = null;
        await JobHelpers.UntilAsync(async () =>
        {
            var bodies = await app.WithDbAsync(db => db.Set<ChannelDelivery>().AsNoTracking()
                .Where(d => d.Id > afterId && d.DedupeKey!.StartsWith("portal:") && d.Recipient == email.ToLowerInvariant())
                .OrderBy(d => d.Id).Select(d => d.BodyText).ToListAsync());
            token = bodies.Select(b => TokenIn(b ?? "", linkPart)).FirstOrDefault(t => t is not null);
            return token is not null;
        }, 30);
        return token!;
    }

    private static string? TokenIn(string body, string linkPart)
    {
        var at = body.IndexOf(linkPart, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = body[(at + linkPart.Length)..];
        var end = rest.IndexOfAny([' ', '\n', '\r']);
        return end < 0 ? rest : rest[..end];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
