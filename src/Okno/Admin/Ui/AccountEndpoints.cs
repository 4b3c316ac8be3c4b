using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Ui;

namespace Okno.Admin.Ui;

/// <summary>Sign-out and the language switch of the agent UI (which is remembered in the agent's profile).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery, AgentSessions sessions, OknoDb db, CancellationToken ct) =>
        {
            // A form post from our own page only: another site cannot sign an agent out.
            await antiforgery.ValidateRequestAsync(http);
            // Ended on the server too: a copy of the cookie no longer opens anything, and the agent's open tabs close.
            if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(AgentSessions.Claim)?.Value is { } session)
                await sessions.RevokeAsync(db, session, CurrentAgent.From(http.User).Id, ct);
            await http.SignOutAsync(SecurityModule.CookieScheme);
            return Results.LocalRedirect("/signin");
        }).ExcludeFromDescription();

        // The language is remembered in a cookie and, for a signed-in agent, in their profile (so it follows them
        // to another browser). A full page load follows, since a running UI keeps the culture it started with.
        app.MapGet("/culture/{language}", async (string language, string? returnUrl, HttpContext http, OknoDb db, CancellationToken ct) =>
        {
            if (!UiModule.Cultures.Contains(language)) return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
            UiModule.RememberCulture(http.Response, language);
            if (http.User.Identity?.IsAuthenticated == true)
            {
                var id = CurrentAgent.From(http.User).Id;
                await db.Agents.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Language, language), ct);
            }
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).ExcludeFromDescription();
        return app;
    }
}
