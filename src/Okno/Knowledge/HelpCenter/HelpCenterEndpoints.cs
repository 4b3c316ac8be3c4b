using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Knowledge.HelpCenter;

/// <summary>The help center's non-page addresses: <c>/help</c> picks a language, <c>/help/api/suggest</c> feeds the
/// search box's suggestions (anonymous, rate-limited per address); and, for agents, a ticket's help-center trail.</summary>
public static class HelpCenterEndpoints
{
    public const string SuggestLimit = "help-suggest";

    public static IServiceCollection AddHelpCenter(this IServiceCollection services)
    {
        services.AddScoped<HelpCenterSite>().AddScoped<OpenHelpRequest>().AddScoped<HelpCenterTrail>().AddSingleton<HelpCenterRateLimits>();
        services.AddOptions<HelpCenterOptions>().BindConfiguration(HelpCenterOptions.Section);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(SuggestLimit, http =>
            RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = 120, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            })));
        return services;
    }

    public static IEndpointRouteBuilder MapHelpCenterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/help", (HttpContext http) => TypedResults.Redirect(HelpCenterSite.Url(HelpVisit.LanguageOf(http))))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/help/api/suggest", async (string? q, string? lang, HttpContext http, HelpCenterSite site, CancellationToken ct) =>
            {
                var language = HelpVisit.Normalize(lang) ?? HelpVisit.LanguageOf(http);
                return TypedResults.Ok(new { items = await site.SuggestAsync(q, language, ct) });
            })
            .AllowAnonymous().RequireRateLimiting(SuggestLimit).ExcludeFromDescription();
        app.MapGet("/api/v1/tickets/{id:long}/help-center-trail", async (long id, HelpCenterTrail trail, CurrentAgent agent, CancellationToken ct) =>
                TypedResults.Ok(await trail.ExecuteAsync(id, agent, ct)))
            .RequireAuthorization().WithTags("Tickets").WithProblemResponses()
            .WithSummary("What the visitor did in the help center before opening this ticket through its contact form (searches, articles "
                + "read, votes; oldest first, at most 50); fromHelpCenter is false for a ticket from any other channel");
        return app;
    }
}
