using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>Agents: every agent may list colleagues (to assign work); only admins create, change or deactivate.
/// The rules live in the use cases (<see cref="CreateAgent"/>, <see cref="ChangeAgent"/>, <see cref="DeactivateAgent"/>),
/// which the admin pages call too.</summary>
public static class AgentsEndpoints
{
    public const int MinPasswordLength = AgentRules.MinPasswordLength;

    public static IEndpointRouteBuilder MapAgentsEndpoints(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/v1/agents").RequireAuthorization().WithTags("Agents").WithProblemResponses();

        agents.MapGet("/", async (int? limit, string? cursor, string? role, AgentQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(limit, cursor, QueryValues.Enum<AgentRole>(role, "role"), ct)))
            .WithSummary("Agents by id; ?role=admin|supervisor|agent lists one role");

        agents.MapGet("/{id:long}", async (long id, AgentQueries queries, CancellationToken ct) => Results.Ok(await queries.GetAsync(id, ct)));

        agents.MapPost("/", async (CreateAgentRequest request, CreateAgent create, CurrentAgent admin, HttpContext http, CancellationToken ct) =>
        {
            var agent = await create.ExecuteAsync(request, admin, IpOf(http), ct);
            return TypedResults.Created($"/api/v1/agents/{agent.Id}", agent);
        }).RequireAuthorization(AdminModule.AdminPolicy);

        agents.MapPatch("/{id:long}", async (long id, ChangeAgentRequest request, ChangeAgent change, CurrentAgent admin, HttpContext http,
            CancellationToken ct) => Results.Ok(await change.ExecuteAsync(id, request, admin, IpOf(http), ct)))
            .RequireAuthorization(AdminModule.AdminPolicy);

        agents.MapDelete("/{id:long}", async (long id, DeactivateAgent deactivate, CurrentAgent admin, HttpContext http, CancellationToken ct) =>
        {
            await deactivate.ExecuteAsync(id, admin, IpOf(http), ct);
            return Results.NoContent();
        }).RequireAuthorization(AdminModule.AdminPolicy)
            .WithSummary("Deactivate an agent (history keeps pointing at them) and revoke their tokens");
        return app;
    }

    internal static string? IpOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    internal static Task<AgentView> FindAsync(OknoDb db, long id, CancellationToken ct) => AgentQueries.FindAsync(db, id, ct);
}
