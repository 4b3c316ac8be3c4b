using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Platform;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Api;

public sealed record TokenRequest([property: Required] string? Email, [property: Required] string? Password);

public sealed record TokenResponse(string Token, DateTimeOffset? ExpiresAt, AgentView Agent);

public sealed record PersonalTokenRequest([property: Required] string? Name, DateTimeOffset? ExpiresAt);

public sealed record PersonalTokenView(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt);

public sealed record NewPersonalToken(long Id, string Name, string Prefix, string Token, DateTimeOffset? ExpiresAt);

/// <summary>Sign-in for API clients (a bearer token for a session) and personal API tokens.</summary>
public static class AuthEndpoints
{
    public const string SignInLimit = "sign-in";
    private const string InvalidCredentials = "The email or password is incorrect.";

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInLimit, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<OknoOptions>>().Value.Limits;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local", _ =>
                    new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.SignInPermitLimit, Window = TimeSpan.FromSeconds(limits.SignInWindowSeconds), QueueLimit = 0,
                    });
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                var window = context.HttpContext.RequestServices.GetRequiredService<IOptions<OknoOptions>>().Value.Limits.SignInWindowSeconds;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: 429, title: "Too many requests",
                    detail: $"Too many attempts; try again in {retryAfter} seconds.", extensions: new Dictionary<string, object?>
                    {
                        [ProblemMapping.CodeKey] = ErrorCodes.RateLimited,
                        [ProblemMapping.ParametersKey] = ErrorParameters.Of(("retryAfter", retryAfter)),
                    }).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth").WithProblemResponses();

        auth.MapPost("/token", async (TokenRequest request, AgentSignIn signIn, OknoDb db, TimeProvider clock,
            IOptions<OknoOptions> options, HttpContext http, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.Text("email", request.Email, 254);
            if (string.IsNullOrEmpty(request.Password)) errors.Required("password");
            errors.ThrowIfAny();
            var signedIn = await signIn.VerifyAsync(request.Email!, request.Password!, http, ct);
            switch (signedIn.Outcome)
            {
                case SignInOutcome.Throttled:
                    return TooMany(http, signedIn.RetryAfterSeconds, ApiErrorCodes.SignInThrottled,
                        $"Too many failed sign-ins; try again in {signedIn.RetryAfterSeconds} seconds.");
                case SignInOutcome.Busy:
                    return TooMany(http, signedIn.RetryAfterSeconds, ApiErrorCodes.SignInBusy,
                        $"The server is busy with other sign-ins; try again in {signedIn.RetryAfterSeconds} seconds.");
                case SignInOutcome.Failed:
                    return ProblemMapping.Problem(401, "Unauthorized", InvalidCredentials, ApiErrorCodes.InvalidCredentials);
            }
            var agent = signedIn.Agent!;
            var expiresAt = clock.GetUtcNow().AddHours(options.Value.Limits.SessionTokenHours);
            var token = await IssueAsync(db, clock, agent.Id, ApiTokenKind.Session, "session", expiresAt, ct);
            return Results.Ok(new TokenResponse(token.Token, expiresAt, await AgentsEndpoints.FindAsync(db, agent.Id, ct)));
        }).RequireRateLimiting(SignInLimit).AllowAnonymous().WithSummary("Exchange email and password for a bearer token");

        auth.MapDelete("/token", async (HttpContext http, OknoDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var hash = TokenCodec.Hash(http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim());
            var now = clock.GetUtcNow();
            await db.ApiTokens.Where(t => t.Hash == hash).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
            return Results.NoContent();
        }).RequireAuthorization().WithSummary("Sign out: revoke the token of this request");

        var me = app.MapGroup("/api/v1/me").RequireAuthorization().WithTags("Auth").WithProblemResponses();
        // GET/PATCH /api/v1/me (who you are, your profile) live with the profile: Admin/MeEndpoints.

        me.MapGet("/tokens", async (CurrentAgent agent, OknoDb db, CancellationToken ct) =>
            Results.Ok(new
            {
                items = await db.ApiTokens
                    .Where(t => t.AgentId == agent.Id && t.Kind == ApiTokenKind.Personal && t.RevokedAt == null)
                    .OrderBy(t => t.Id)
                    .Select(t => new PersonalTokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt))
                    .ToListAsync(ct),
            }))
            .WithSummary("Your personal API tokens (never the tokens themselves)");

        me.MapPost("/tokens", async (PersonalTokenRequest request, CurrentAgent agent, OknoDb db, TimeProvider clock, Audit audit,
            CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.Text("name", request.Name, ApiToken.NameMaxLength);
            if (request.ExpiresAt <= clock.GetUtcNow()) errors.Add("expiresAt", ErrorCodes.NotInFuture, "Must be in the future.");
            errors.ThrowIfAny();
            if (await db.ApiTokens.CountAsync(t => t.AgentId == agent.Id && t.Kind == ApiTokenKind.Personal && t.RevokedAt == null, ct) >= 50)
                throw new OknoException(new StateConflict(ApiErrorCodes.TooManyTokens, "You already have 50 personal tokens; revoke one first.", ("max", 50)));
            audit.Add(agent.Id, "token.created", $"agent:{agent.Id}", request.Name!.Trim());
            var issued = await IssueAsync(db, clock, agent.Id, ApiTokenKind.Personal, request.Name!.Trim(), request.ExpiresAt?.ToUniversalTime(), ct);
            return Results.Created($"/api/v1/me/tokens/{issued.Id}", issued);
        }).RequireRateLimiting(SignInLimit).WithSummary("Create a named personal API token; the token is shown only in this answer");

        me.MapDelete("/tokens/{id:long}", async (long id, CurrentAgent agent, OknoDb db, TimeProvider clock, Audit audit, CancellationToken ct) =>
        {
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.AgentId == agent.Id && t.Kind == ApiTokenKind.Personal, ct)
                ?? throw new OknoException(new NotFound(ApiErrorCodes.TokenNotFound, "Token", id));
            token.RevokedAt ??= clock.GetUtcNow();
            audit.Add(agent.Id, "token.revoked", $"agent:{agent.Id}", token.Name);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>A 429 with Retry-After and the code that says why (the sign-in throttle, or a node busy with a flood).</summary>
    public static IResult TooMany(HttpContext http, int retryAfter, string code, string detail)
    {
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: 429, title: "Too many requests", detail: detail, extensions: new Dictionary<string, object?>
        {
            [ProblemMapping.CodeKey] = code,
            [ProblemMapping.ParametersKey] = ErrorParameters.Of(("retryAfter", retryAfter)),
        });
    }

    private static async Task<NewPersonalToken> IssueAsync(OknoDb db, TimeProvider clock, long agentId, ApiTokenKind kind, string name,
        DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var token = TokenCodec.NewToken();
        var row = new ApiToken
        {
            AgentId = agentId, Kind = kind, Name = name, Hash = TokenCodec.Hash(token), Prefix = TokenCodec.Preview(token),
            CreatedAt = clock.GetUtcNow(), ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new NewPersonalToken(row.Id, row.Name, row.Prefix, token, row.ExpiresAt);
    }
}
