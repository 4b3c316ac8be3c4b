using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>Groups (support lines): every agent may list them; only admins change them, through the use cases
/// <see cref="CreateGroup"/>, <see cref="ChangeGroup"/> and <see cref="DeleteGroup"/>.</summary>
public static class GroupsEndpoints
{
    public static IEndpointRouteBuilder MapGroupsEndpoints(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/api/v1/groups").RequireAuthorization().WithTags("Groups").WithProblemResponses();

        groups.MapGet("/", async (int? limit, string? cursor, GroupQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(limit, cursor, ct)));

        groups.MapGet("/{id:long}", async (long id, GroupQueries queries, CancellationToken ct) => Results.Ok(await queries.GetAsync(id, ct)));

        groups.MapGet("/{id:long}/members", async (long id, int? limit, string? cursor, GroupQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.MembersAsync(id, limit, cursor, ct)))
            .WithSummary("The agents of a group, by agent id");

        groups.MapPost("/", async (GroupRequest request, CreateGroup create, CurrentAgent admin, HttpContext http, CancellationToken ct) =>
        {
            var group = await create.ExecuteAsync(request, admin, AgentsEndpoints.IpOf(http), ct);
            return Results.Created($"/api/v1/groups/{group.Id}", group);
        }).RequireAuthorization(AdminModule.AdminPolicy);

        groups.MapPut("/{id:long}", async (long id, GroupRequest request, ChangeGroup change, CurrentAgent admin, HttpContext http,
            CancellationToken ct) => Results.Ok(await change.ExecuteAsync(id, request, admin, AgentsEndpoints.IpOf(http), ct)))
            .RequireAuthorization(AdminModule.AdminPolicy);

        groups.MapDelete("/{id:long}", async (long id, DeleteGroup delete, CurrentAgent admin, HttpContext http, CancellationToken ct) =>
        {
            await delete.ExecuteAsync(id, admin, AgentsEndpoints.IpOf(http), ct);
            return Results.NoContent();
        }).RequireAuthorization(AdminModule.AdminPolicy);
        return app;
    }
}
