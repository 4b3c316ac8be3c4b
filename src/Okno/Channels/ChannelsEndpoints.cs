using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Channels;

/// <summary>Channel accounts (admins), the inbound store's quarantine (admins), the push endpoint (the transport,
/// checked by its adapter) and "retry this delivery" (agents who see the ticket).</summary>
public static class ChannelsEndpoints
{
    public static string InboundUrl(long accountId) => $"/api/v1/channels/{accountId}/inbound";

    public static IEndpointRouteBuilder MapChannelsEndpoints(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/api/v1/channels").WithTags("Channels").WithProblemResponses();
        var admin = channels.MapGroup("").RequireAuthorization(AdminModule.AdminPolicy);

        admin.MapGet("/", async (int? limit, string? cursor, ChannelAccounts accounts, CancellationToken ct) =>
            TypedResults.Ok(await accounts.ListAsync(limit, cursor, ct))).WithSummary("Channel accounts by id; secrets only say whether they are set");

        admin.MapGet("/kinds", (ChannelAccounts accounts) => TypedResults.Ok(accounts.Kinds()))
            .WithSummary("The installed channel adapters (kinds an account can have)");

        admin.MapGet("/{id:long}", async (long id, ChannelAccounts accounts, CancellationToken ct) => TypedResults.Ok(await accounts.GetAsync(id, ct)));

        admin.MapPost("/", async (ChannelAccountRequest request, ChannelAccounts accounts, CurrentAgent agent, HttpContext http, CancellationToken ct) =>
        {
            var account = await accounts.CreateAsync(request, agent, AgentsEndpoints.IpOf(http), ct);
            return TypedResults.Created($"/api/v1/channels/{account.Id}", account);
        }).WithSummary("Add a channel account; settings are checked by its kind's adapter");

        // The typed shortcut for a mailbox: the same creation path, with the kind fixed.
        admin.MapPost("/email", async (ChannelAccountRequest request, ChannelAccounts accounts, CurrentAgent agent, HttpContext http, CancellationToken ct) =>
        {
            var account = await accounts.CreateAsync(request with { Kind = "email" }, agent, AgentsEndpoints.IpOf(http), ct);
            return TypedResults.Created($"/api/v1/channels/{account.Id}", account);
        }).WithSummary("Add a mailbox (an account of kind email); passwords are never echoed");

        admin.MapPost("/{id:long}/test", async (long id, ChannelAccounts accounts, CancellationToken ct) =>
            TypedResults.Ok(await accounts.TestConnectionAsync(id, ct)))
            .WithSummary("Try the account's settings against its servers; a failure is a 409 whose code says what is wrong");

        admin.MapPost("/{id:long}/fetch", async (long id, ChannelAccounts accounts, CancellationToken ct) =>
            TypedResults.Ok(await accounts.FetchNowAsync(id, ct)))
            .WithSummary("Fetch new items of a polling account now (stored, then processed by the inbound job)");

        admin.MapPut("/{id:long}", async (long id, ChannelAccountRequest request, ChannelAccounts accounts, CurrentAgent agent, HttpContext http,
            CancellationToken ct) => TypedResults.Ok(await accounts.UpdateAsync(id, request, agent, AgentsEndpoints.IpOf(http), ct)))
            .WithSummary("Change an account (enabled: false disables it); secrets left out keep their value");

        admin.MapDelete("/{id:long}", async (long id, ChannelAccounts accounts, CurrentAgent agent, HttpContext http, CancellationToken ct) =>
        {
            await accounts.DeleteAsync(id, agent, AgentsEndpoints.IpOf(http), ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete an account that never carried a message (otherwise disable it)");

        admin.MapGet("/inbound", async (string? status, int? limit, string? cursor, InboundItems items, CancellationToken ct) =>
            TypedResults.Ok(await items.ListAsync(QueryValues.Enum<InboundStatus>(status, "status"), limit, cursor, ct)))
            .WithSummary("Inbound items of a status (default quarantined), newest first, with their last error");

        admin.MapPost("/inbound/{id:long}/retry", async (long id, InboundItems items, CurrentAgent agent, CancellationToken ct) =>
        {
            await items.RetryAsync(null, id, agent, ct);
            return TypedResults.NoContent();
        }).WithSummary("Send a quarantined or ignored inbound item through the pipeline again");

        // The review of one account's inbound items: every item whatever became of it, as received, and the ways back in.
        admin.MapGet("/{id:long}/inbound", async (long id, string? state, int? limit, string? cursor, InboundItems items, CancellationToken ct) =>
            TypedResults.Ok(await items.ListAsync(id, QueryValues.Enum<InboundState>(state, "state"), limit, cursor, ct)))
            .WithSummary("An account's inbound items, newest first (state: imported, ignored, held, quarantined, pending), with sender, subject, " +
                "the reason it was ignored, held or quarantined, and the ticket it became");

        admin.MapGet("/{id:long}/inbound/{item:long}/raw", DownloadRawAsync).Produces(StatusCodes.Status200OK, typeof(byte[]), "message/rfc822", "application/json")
            .WithSummary("The item as received, as a download: an email's raw mail (<item id>.eml), other kinds' stored payload (JSON). " +
                "A mail over the size limit was never downloaded: 404 channel.inbound_raw_left_on_server");

        admin.MapPost("/{id:long}/inbound/{item:long}/retry", async (long id, long item, InboundItems items, CurrentAgent agent, CancellationToken ct) =>
        {
            await items.RetryAsync(id, item, agent, ct);
            return TypedResults.NoContent();
        }).WithSummary("Send a quarantined or ignored item through the pipeline again (attempts from zero, due now); 409 otherwise");

        admin.MapPost("/{id:long}/inbound/{item:long}/release", async (long id, long item, InboundItems items, CurrentAgent agent, CancellationToken ct) =>
        {
            await items.ReleaseAsync(id, item, agent, ct);
            return TypedResults.NoContent();
        }).WithSummary("Let a held item through: it is processed now and not held again; 409 if it is not held");

        // The transport calls this; its adapter checks the request (a token, a signature). Stored before the answer.
        channels.MapPost("/{id:long}/inbound", async (long id, HttpContext http, OknoDb db, ChannelAdapters adapters, InboundStore store,
            PushRateLimits limits, IServiceProvider services, CancellationToken ct) =>
        {
            var account = await db.Set<ChannelAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.IsEnabled, ct);
            if (account is null || adapters.Find(account.Kind) is not { Pushes: true } adapter)
                throw new OknoException(new NotFound(ChannelErrorCodes.AccountNotFound, "Channel account taking pushed items", id));
            if (limits.Take(account.Id) is { } wait)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ProblemMapping.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"Too many pushed requests for this account; try again in {seconds} s.", ErrorCodes.RateLimited);
            }
            var receipt = await adapter.ReceiveAsync(services, account, http.Request, ct);
            if (receipt.RefusedStatus is { } status)
                return ProblemMapping.Problem(status, "Refused", receipt.RefusedReason ?? "Refused.", receipt.RefusedCode ?? ProblemMapping.CodeOfStatus(status));
            var stored = await store.StoreAsync(account.Id, receipt.Items, ct);
            // Some transports want a word back, not JSON (VK: "ok", or the confirmation code).
            if (receipt.PlainTextAnswer is { } text) return Results.Text(text, "text/plain", System.Text.Encoding.UTF8);
            return Results.Ok(new InboundReceipt(receipt.Items.Count, stored));
        }).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Push endpoint of a channel account (web form, VK Callback API, connectors); rate-limited per account (429 with Retry-After)")
            .WithDescription(Connectors.ConnectorDocs.InboundDescription);

        // The admin page's download link (cookie-signed-in, like ticket attachments' /tickets/attachments/{id}).
        app.MapGet("/admin/channels/{id:long}/inbound/{item:long}/raw", DownloadRawAsync).RequireAuthorization(AdminModule.AdminPolicy).ExcludeFromDescription();
        // Every outgoing mail (replies and notifications): admins and supervisors.
        app.MapGet("/api/v1/outbox", async (string? to, long? ticketId, string? state, int? limit, string? cursor, OutboxList outbox, CancellationToken ct) =>
            TypedResults.Ok(await outbox.ListAsync(to, ticketId, state, limit, cursor, ct)))
            .RequireAuthorization(p => p.RequireRole(nameof(AgentRole.Admin), nameof(AgentRole.Supervisor)))
            .WithTags("Outbox").WithProblemResponses()
            .WithSummary("Every outgoing mail (replies and notifications), newest first: recipient, subject, state (queued, sent, failed), attempts, last error; filter by to, ticketId, state");

        // Owned here (it sends mail through a mailbox), listed with the ticket routes.
        app.MapPost("/api/v1/tickets/{id:long}/forward", async Task<Microsoft.AspNetCore.Http.HttpResults.Created<MessageView>> (long id, ForwardRequest request, ForwardTicket forward,
            CurrentAgent agent, CancellationToken ct) =>
        {
            var record = await forward.ForwardAsync(id, request, agent, ct);
            return TypedResults.Created($"/api/v1/tickets/{id}/messages/{record.Id}", record);
        }).RequireAuthorization().WithTags("Tickets").WithProblemResponses()
            .WithSummary("Forward the conversation (or one public message: messageId) by mail to outside addresses (to, cc; at most 20), " +
                "with a note above it and its files (includeAttachments, default true), from the ticket's mailbox or accountId; " +
                "answers the internal record, whose delivery shows queued, sent or failed");

        app.MapPost("/api/v1/messages/{id:long}/delivery/retry", async (long id, IDeliveryRetry retry, CurrentAgent agent, CancellationToken ct) =>
        {
            await retry.RetryAsync(id, agent, ct);
            return TypedResults.Accepted($"/api/v1/messages/{id}");
        }).RequireAuthorization().WithTags("Channels").WithSummary("Try a failed reply's delivery again, from the first attempt");
        return app;
    }

    private static async Task<IResult> DownloadRawAsync(long id, long item, InboundItems items, HttpContext http, CancellationToken ct)
    {
        var raw = await items.OpenRawAsync(id, item, ct);
        // Whatever the mail holds, nothing of it runs in the desk's origin: a download under a sandbox.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(raw.Content, raw.ContentType, raw.FileName);
    }

    /// <summary>What the push endpoint answers: items received, and how many of them were new.</summary>
    public sealed record InboundReceipt(int Received, int Stored);
}
