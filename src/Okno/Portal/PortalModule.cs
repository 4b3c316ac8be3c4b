using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Okno.Knowledge.HelpCenter;
using Okno.Platform.Data;
using Okno.Platform.Files;
using Okno.Platform.Security;
using Okno.Platform.Ui;
using Okno.Platform.Web;

namespace Okno.Portal;

/// <summary>The customer portal (issue 20): clients' staff sign in at /portal with their own cookie and see, create and
/// answer their tickets (a company's manager: all of the company's). See README "Customer portal".</summary>
public static class PortalModule
{
    /// <summary>The ASP.NET Core rate limiter policy of the sign-in forms: per client address, form posts only.</summary>
    public const string SignInLimit = "portal-signin";

    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section));
        PortalAuth.AddPortalAuth(services);
        services.AddSingleton<IPasswordHasher<PortalAccount>, PasswordHasher<PortalAccount>>();
        services.AddSingleton<PortalSessions>();
        services.AddSingleton<PortalSignInLimits>();
        services.AddSingleton<PortalLinkRequests>();
        services.AddHostedService<PortalLinkWorker>();
        services.AddScoped<PortalMail>();
        services.AddScoped<PortalSignIn>();
        services.AddScoped<PortalInvitations>();
        services.AddScoped<PortalTickets>();
        services.AddSingleton(new Customers.Ui.ContactPagePanel(typeof(Ui.PortalAccessPanel), 10));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(SignInLimit, http =>
        {
            if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("reads");
            var permits = http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.SignInPerAddressPerMinute;
            if (permits <= 0) return RateLimitPartition.GetNoLimiter("off");
            return RateLimitPartition.GetTokenBucketLimiter("portal:" + HelpCenterRateLimits.AddressOf(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromMinutes(1) / permits, QueueLimit = 0, AutoReplenishment = true,
            });
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapPost("/portal/signout", async (HttpContext http, IAntiforgery antiforgery, PortalSessions sessions, OknoDb db, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            if (PortalUser.From(http.User) is { } user) await sessions.RevokeAsync(db, user.SessionId, ct);
            await http.SignOutAsync(SecurityModule.PortalScheme);
            return Results.LocalRedirect("/portal/signin");
        }).ExcludeFromDescription();

        app.MapGet("/portal/lang/{language}", (string language, string? returnUrl, HttpContext http) =>
        {
            if (PortalLanguage.Languages.Contains(language)) PortalLanguage.Remember(http.Response, language);
            var back = LocalUrl.OrHome(returnUrl);
            return Results.LocalRedirect(back.StartsWith("/portal", StringComparison.Ordinal) ? back : "/portal");
        }).ExcludeFromDescription();

        var portal = app.MapGroup("/portal").RequireAuthorization(PortalAuth.Policy).ExcludeFromDescription();
        // A file of a public message of a ticket the user may see; anything else is the same 404.
        portal.MapGet("/attachments/{id:long}", async (long id, PortalUser user, PortalTickets tickets, AttachmentStore store, HttpContext http,
            CancellationToken ct) =>
        {
            var file = await tickets.AttachmentAsync(user, id, ct);
            return FileDownloads.Serve(store, http, "Attachment", id, file?.Sha256, file?.ContentType ?? "", file?.FileName ?? "");
        });
        // Live updates of a ticket page: the public messages after the last one shown, polled by js/portal.js; only for a
        // ticket the user may see (404 otherwise), checked on every poll.
        portal.MapGet("/api/tickets/{id:long}/messages", async (long id, long? after, PortalUser user, PortalTickets tickets, HttpContext http,
            CancellationToken ct) =>
        {
            var messages = await tickets.MessagesAfterAsync(user, id, Math.Max(0, after ?? 0), PortalLanguage.Of(http), ct);
            return messages is null
                ? ProblemMapping.ToResult(new NotFound(Tickets.TicketErrorCodes.NotFound, "Ticket", id))
                : Results.Ok(new { items = messages });
        });

        var agents = app.MapGroup("/api/v1/contacts/{id:long}/portal").RequireAuthorization().WithTags("Portal").WithProblemResponses();
        agents.MapGet("", async (long id, PortalInvitations invitations, CancellationToken ct) => TypedResults.Ok(await invitations.GetAsync(id, ct)))
            .WithSummary("The contact's access to the customer portal");
        agents.MapPost("/invite", async (long id, string? language, PortalInvitations invitations, CurrentAgent agent, CancellationToken ct) =>
                TypedResults.Ok(await invitations.InviteAsync(id, agent.Id, language is "ru" or "en" ? language : "ru", ct)))
            .WithSummary("Grant the contact portal access and mail them a link to set a password (7 days)");
        agents.MapDelete("", async (long id, PortalInvitations invitations, CancellationToken ct) => TypedResults.Ok(await invitations.RevokeAsync(id, ct)))
            .WithSummary("Revoke the contact's portal access: every session and unused link ends at once");
        return app;
    }
}
