using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Okno.Knowledge.HelpCenter;

/// <summary>The help center's non-page addresses: <c>/help</c> picks a language, <c>/help/api/suggest</c> feeds the
/// search box's suggestions (anonymous, rate-limited per address).</summary>
public static class HelpCenterEndpoints
{
    public const string SuggestLimit = "help-suggest";

    public static IServiceCollection AddHelpCenter(this IServiceCollection services)
    {
        services.AddScoped<HelpCenterSite>().AddScoped<OpenHelpRequest>().AddSingleton<HelpCenterRateLimits>();
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
        return app;
    }
}
