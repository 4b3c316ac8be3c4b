using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Files;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Channels.Chat;

/// <summary>The widget's endpoints under <c>/widget/v1/{key}</c>, and agent apps' live stream. Every widget call is
/// checked here before any use case runs: the channel (by its public key), the page's origin against the channel's
/// allowed origins (and answered with CORS headers for that origin only), the IP address's request rate, and — for
/// all but the session — the visitor's token (<c>Authorization: Bearer</c>).</summary>
public static class ChatWidgetEndpoints
{
    public const string Prefix = "/widget/v1/{key}";
    private const string ChannelItem = "okno.chat.channel";
    private const string VisitorItem = "okno.chat.visitor";

    public static IEndpointRouteBuilder MapChatWidgetEndpoints(this IEndpointRouteBuilder app)
    {
        var widget = app.MapGroup(Prefix).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().AddEndpointFilter(ChannelFilter);
        widget.MapMethods("/{**rest}", ["OPTIONS"], () => Results.NoContent());

        widget.MapPost("/session", async (ChatSessionRequest request, HttpContext http, ChatWidget chat, ChatRateLimits limits, CancellationToken ct) =>
        {
            var channel = ChannelOf(http);
            if (await chat.VisitorAsync(channel, request.Token, ct) is null && limits.NewVisitor(AddressOf(http)) is { } wait)
                return TooMany(http, wait);
            return Results.Ok(await chat.StartAsync(channel, request, ct));
        });

        var visitor = widget.MapGroup("").AddEndpointFilter(VisitorFilter);
        visitor.MapGet("/messages", async (long? before, int? limit, HttpContext http, ChatWidget chat, CancellationToken ct) =>
            Results.Ok(await chat.HistoryAsync(ChannelOf(http), VisitorOf(http), before, limit, ct)));

        visitor.MapPost("/messages", async (ChatSendRequest request, HttpContext http, ChatWidget chat, ChatRateLimits limits, CancellationToken ct) =>
        {
            if (limits.Message(VisitorOf(http).Id) is { } wait) return TooMany(http, wait);
            return Sent(await chat.SendAsync(ChannelOf(http), VisitorOf(http), request, null, ct));
        });

        visitor.MapPost("/files", async (HttpContext http, ChatWidget chat, ChatRateLimits limits, IOptions<ChatOptions> options, CancellationToken ct) =>
        {
            if (limits.Message(VisitorOf(http).Id) is { } wait) return TooMany(http, wait);
            var o = options.Value;
            if (http.Request.ContentLength > o.MaxFileBytes + 64 * 1024 || !http.Request.HasFormContentType)
                return http.Request.HasFormContentType ? FileTooLarge(o.MaxFileBytes)
                    : ProblemMapping.ToResult(InvalidInput.Field("file", ErrorCodes.Required, "Send the file as multipart/form-data."));
            var form = await http.Request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file) return ProblemMapping.ToResult(InvalidInput.Required("file"));
            if (file.Length > o.MaxFileBytes) return FileTooLarge(o.MaxFileBytes);
            var type = (file.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
            if (!o.FileTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
                return ProblemMapping.ToResult(InvalidInput.Field("file", ChatErrorCodes.FileTypeNotAllowed, $"Files of type '{type}' are not taken.", ("value", type)));
            using var content = new MemoryStream();
            await file.CopyToAsync(content, ct);
            var name = Path.GetFileName(file.FileName);
            if (string.IsNullOrWhiteSpace(name)) name = "file";
            if (name.Length > 200) name = name[^200..];
            var request = new ChatSendRequest(form["clientId"], form["text"], null, null, null, null);
            return Sent(await chat.SendAsync(ChannelOf(http), VisitorOf(http), request, new ChatUpload(name, type, content.ToArray()), ct));
        });

        visitor.MapPost("/profile", async (ChatProfileRequest request, HttpContext http, ChatWidget chat, CancellationToken ct) =>
            Results.Ok(await chat.UpdateProfileAsync(ChannelOf(http), VisitorOf(http), request, ct)));

        visitor.MapPost("/typing", async (TypingRequest request, HttpContext http, ChatWidget chat, CancellationToken ct) =>
        {
            await chat.TypingAsync(ChannelOf(http), VisitorOf(http), request.Typing, ct);
            return Results.NoContent();
        });

        visitor.MapPost("/seen", async (SeenRequest request, HttpContext http, ChatWidget chat, CancellationToken ct) =>
        {
            await chat.SeenAsync(ChannelOf(http), VisitorOf(http), request.UpTo, ct);
            return Results.NoContent();
        });

        visitor.MapPost("/page", async (ChatPage request, HttpContext http, ChatWidget chat, CancellationToken ct) =>
        {
            await chat.PageAsync(ChannelOf(http), VisitorOf(http), request, ct);
            return Results.NoContent();
        });

        visitor.MapPost("/transcript", async (TranscriptRequest request, HttpContext http, ChatMail mail, CancellationToken ct) =>
        {
            await mail.TranscriptAsync(ChannelOf(http), VisitorOf(http), request.Email, ct);
            return Results.Accepted();
        });

        visitor.MapPost("/rating", async (RatingRequest request, HttpContext http, ChatWidget chat, CancellationToken ct) =>
        {
            await chat.RateAsync(ChannelOf(http), VisitorOf(http), request.Score, request.Comment, ct);
            return Results.NoContent();
        });

        visitor.MapPost("/close", async (HttpContext http, ChatWidget chat, CancellationToken ct) =>
        {
            await chat.CloseAsync(ChannelOf(http), VisitorOf(http), ct);
            return Results.NoContent();
        });

        visitor.MapGet("/events", async (HttpContext http, ChatStreams streams, CancellationToken ct) =>
        {
            var lastId = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
            await streams.VisitorAsync(http, ChannelOf(http), VisitorOf(http), lastId, ct);
            return Results.Empty;
        });

        // A file of the conversation, by the signed address the messages carry (an <img> sends no token).
        widget.MapGet("/files/{id:long}", async (long id, string? sig, HttpContext http, ChatMessages messages, OknoDb db, AttachmentStore store,
            CancellationToken ct) =>
        {
            var channel = ChannelOf(http);
            if (!messages.IsValidFileSignature(channel, id, sig))
                return ProblemMapping.ToResult(new NotFound(ChatErrorCodes.FileNotFound, "File", id));
            var file = await db.Set<Tickets.Attachment>().AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.Sha256, a.ContentType, a.FileName }).FirstOrDefaultAsync(ct);
            if (file is null) return ProblemMapping.ToResult(new NotFound(ChatErrorCodes.FileNotFound, "File", id));
            http.Response.Headers.CacheControl = "private, max-age=86400";
            return FileDownloads.Serve(store, http, "File", id, file.Sha256, file.ContentType, file.FileName, inline: true);
        });

        app.MapGet("/api/v1/chat/events", async (HttpContext http, ChatStreams streams, CurrentAgent agent, CancellationToken ct) =>
        {
            await streams.AgentAsync(http, agent, ct);
            return Results.Empty;
        }).RequireAuthorization().WithTags("Chat").WithSummary("Server-Sent Events: visitors' chat messages and typing on the tickets the agent may see");

        app.MapPost("/api/v1/channels/chat", async (ChannelAccountRequest request, ChannelAccounts accounts, ChatChannels channels, CurrentAgent agent,
            HttpContext http, CancellationToken ct) =>
        {
            var account = await accounts.CreateAsync(request with { Kind = ChatChannels.Kind.Value }, agent, AgentsEndpoints.IpOf(http), ct);
            channels.Forget();
            return TypedResults.Created($"/api/v1/channels/{account.Id}", account);
        }).RequireAuthorization(AdminModule.AdminPolicy).WithTags("Channels").WithProblemResponses()
            .WithSummary("Add a chat widget channel (an account of kind chat); settings.key, generated when not given, goes in the site's script tag");
        return app;
    }

    private sealed record TypingRequest(bool Typing);
    private sealed record SeenRequest(long UpTo);
    private sealed record TranscriptRequest(string? Email);
    private sealed record RatingRequest(int Score, string? Comment);

    private static ChatChannel ChannelOf(HttpContext http) => (ChatChannel)http.Items[ChannelItem]!;
    private static ChatVisitor VisitorOf(HttpContext http) => (ChatVisitor)http.Items[VisitorItem]!;
    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    private static IResult Sent(ChatSendResult result) =>
        result.Message is { } message ? Results.Ok(message) : Results.Json(new { clientId = result.ClientId, pending = true }, statusCode: StatusCodes.Status202Accepted);

    private static IResult FileTooLarge(long max) =>
        ProblemMapping.ToResult(InvalidInput.Field("file", ChatErrorCodes.FileTooLarge, $"At most {max} bytes.", ("max", max)));

    private static IResult TooMany(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ProblemMapping.Problem(StatusCodes.Status429TooManyRequests, "Too many requests", $"Too many requests; try again in {seconds} s.", ChatErrorCodes.RateLimited);
    }

    /// <summary>The channel, the origin and the address's rate, for every widget call (the preflight included).</summary>
    private static async ValueTask<object?> ChannelFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.GetRouteValue("key") as string ?? "";
        var services = http.RequestServices;
        var channel = key.Length is > 0 and <= 100 ? await services.GetRequiredService<ChatChannels>().FindAsync(key, http.RequestAborted) : null;
        var origin = http.Request.Headers.Origin.ToString();
        if (channel is null)
            return ProblemMapping.Problem(StatusCodes.Status404NotFound, "Not found", "No chat channel has this key.", ChatErrorCodes.ChannelUnknown);
        var allowed = channel.Settings.Origins;
        if (origin.Length > 0)
        {
            var normal = ChatSettings.NormalOrigin(origin);
            // The refusal is readable by the page too (it says only "not here"), so the widget can stop for good.
            http.Response.Headers.AccessControlAllowOrigin = origin;
            if (allowed.Count > 0 && (normal is null || !allowed.Contains(normal)))
                return ProblemMapping.Problem(StatusCodes.Status403Forbidden, "Forbidden", $"The widget may not run on {origin}.", ChatErrorCodes.OriginNotAllowed);
            http.Response.Headers.Vary = "Origin";
            http.Response.Headers.AccessControlAllowHeaders = "authorization, content-type, last-event-id";
            http.Response.Headers.AccessControlAllowMethods = "GET, POST";
            http.Response.Headers.AccessControlMaxAge = "600";
        }
        else if (allowed.Count > 0 && !HttpMethods.IsGet(http.Request.Method))
            // Browsers send Origin on every cross-origin call and on same-origin POSTs; a call without it comes from no page.
            return ProblemMapping.Problem(StatusCodes.Status403Forbidden, "Forbidden", "The widget's calls come from a page of an allowed site.", ChatErrorCodes.OriginNotAllowed);
        if (HttpMethods.IsOptions(http.Request.Method)) return await next(context);
        if (services.GetRequiredService<ChatRateLimits>().Request(AddressOf(http)) is { } wait) return TooMany(http, wait);
        http.Items[ChannelItem] = channel;
        return await next(context);
    }

    private static async ValueTask<object?> VisitorFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var visitor = await http.RequestServices.GetRequiredService<ChatWidget>().VisitorAsync(ChannelOf(http), token, http.RequestAborted);
        if (visitor is null)
            return ProblemMapping.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Start a session first (POST session).", ChatErrorCodes.VisitorUnknown);
        http.Items[VisitorItem] = visitor;
        return await next(context);
    }
}
