using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>The signed-in agent's own profile (<see cref="MyProfile"/>): name, language, signatures, picture, password.
/// Agents' pictures are served to any signed-in agent (colleagues see each other's in the workspace).</summary>
public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        // Under "Auth", beside the tokens, where /api/v1/me has always been.
        var me = app.MapGroup("/api/v1/me").RequireAuthorization().WithTags("Auth").WithProblemResponses();

        me.MapGet("/", async (MyProfile profile, CurrentAgent agent, CancellationToken ct) => TypedResults.Ok(await profile.GetAsync(agent.Id, ct)))
            .WithSummary("Who you are (id, email, name, role, groups) and your profile: UI language, reply signatures (ru, en), picture address");

        me.MapPatch("/", async (ChangeProfileRequest request, MyProfile profile, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await profile.ChangeAsync(agent.Id, request, ct)))
            .WithSummary("Change your name, UI language (ru, en, or null to follow the browser) or reply signatures (plain text; " +
                "null or empty removes one); fields left out stay as they are");

        me.MapPut("/avatar", async (HttpContext http, MyProfile profile, CurrentAgent agent, CancellationToken ct) =>
        {
            // Read one byte past the limit, never more: a larger body is refused without being held in memory.
            var content = await RequestBodies.ReadAtMostAsync(http.Request.Body, MyProfile.AvatarMaxBytes + 1, ct);
            return TypedResults.Ok(await profile.SetAvatarAsync(agent.Id, content, ct));
        }).WithSummary("Set your picture: the request body is a PNG, JPEG, WebP or GIF image of at most 1 MB (its type is told " +
            "from its content, not from Content-Type)");

        me.MapDelete("/avatar", async (MyProfile profile, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await profile.RemoveAvatarAsync(agent.Id, ct))).WithSummary("Remove your picture");

        me.MapPost("/password", async (ChangePasswordRequest request, MyProfile profile, CurrentAgent agent, HttpContext http,
            CancellationToken ct) =>
        {
            await profile.ChangePasswordAsync(agent.Id, http.User.FindFirst(AgentSessions.Claim)?.Value, request, AgentsEndpoints.IpOf(http), ct);
            return Results.NoContent();
        }).WithSummary("Change your password (the current one is required). Your other sessions are signed out and your API tokens " +
            "revoked, this one included when you call with a token");

        // In a route group like the rest of /api/v1/agents, so the API docs list it among them.
        app.MapGroup("/api/v1/agents").RequireAuthorization().WithTags("Agents").WithProblemResponses()
            .MapGet("/{id:long}/avatar", ServeAvatarAsync).WithSummary("An agent's picture (404 when they have none)");
        // The same for the workspace's <img> tags, which carry the cookie (the /api paths take bearer tokens only).
        app.MapGet("/agents/{id:long}/avatar", ServeAvatarAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAvatarAsync(long id, MyProfile profile, HttpContext http, CancellationToken ct)
    {
        if (await profile.OpenAvatarAsync(id, ct) is not var (content, type))
            return ProblemMapping.ToResult(new NotFound(ErrorCodes.FileNotFound, "Avatar", id));
        // Only the four checked image types are ever stored, and they are sent as exactly that type, unsniffable and
        // inert even when opened directly.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(content, type);
    }
}
