using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;

namespace Okno.Platform.Security;

/// <summary>Authenticates `Authorization: Bearer okno_…` against the hashed tokens in the database.
/// The agent's role and groups are read fresh on every request, so a change takes effect at once.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<OknoDb> dbs, IAgentAccounts accounts, TimeProvider clock, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed token.");

        var hash = TokenCodec.Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateDbContextAsync(Context.RequestAborted);
        var found = await accounts.ByTokenHashAsync(db, hash, Context.RequestAborted);
        if (found is null || found.ExpiresAt <= now) return AuthenticateResult.Fail("Unknown, revoked or expired token.");

        // Last use is shown to the owner; writing it at most once a minute keeps reads read-only.
        if (found.LastUsedAt is null || found.LastUsedAt < now.AddMinutes(-1))
            await db.ApiTokens.Where(t => t.Id == found.TokenId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var principal = new ClaimsPrincipal(found.Agent.ToIdentity(SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 401, Title = "Unauthorized", Detail = "A valid bearer token is required." },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 403, Title = "Forbidden", Detail = "Your role does not allow this." },
        });
    }
}
