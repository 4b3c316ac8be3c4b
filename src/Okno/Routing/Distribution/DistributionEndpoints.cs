using Okno.Admin;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Routing.Distribution;

/// <summary>Distribution settings and state: groups' modes (admins), agents' caps, skills, working hours and pause
/// (admins and supervisors), and an agent's own pause.</summary>
public static class DistributionEndpoints
{
    public static IEndpointRouteBuilder MapDistributionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/distribution").RequireAuthorization().WithTags("Distribution").WithProblemResponses();
        api.MapGet("/groups", async (int? limit, string? cursor, DistributionSettings s, CancellationToken ct) =>
                TypedResults.Ok(await s.GroupsAsync(limit, cursor, ct)))
            .WithSummary("Groups by id (keyset-paged: limit, cursor) with their distribution mode (manual, round_robin, least_loaded), its backlog (unassigned tickets still " +
                "being worked), members and members available now");
        api.MapPut("/groups/{groupId:long}", async (long groupId, GroupDistributionRequest request, DistributionSettings s, CurrentAgent admin,
                CancellationToken ct) => TypedResults.Ok(await s.SetGroupModeAsync(groupId, request, admin.Id, ct)))
            .RequireAuthorization(AdminModule.AdminPolicy)
            .WithSummary("Set a group's mode: {mode: manual | round_robin | least_loaded}; an automatic mode hands out the backlog at once");
        api.MapGet("/agents", async (long? groupId, int? limit, string? cursor, DistributionSettings s, CancellationToken ct) =>
                TypedResults.Ok(await s.AgentsAsync(groupId, limit, cursor, ct)))
            .WithSummary("Active agents (of groupId when given) by id, keyset-paged (limit, cursor): presence (online, away, offline), paused, cap, open tickets, skills, " +
                "working-hours calendar, whether inside working hours and whether distribution may give them a ticket now");
        api.MapGet("/groups/{groupId:long}", async (long groupId, DistributionSettings s, CancellationToken ct) =>
                TypedResults.Ok(await s.GroupAsync(groupId, ct)))
            .WithSummary("One group's distribution mode, backlog and members");
        api.MapGet("/agents/{agentId:long}", async (long agentId, DistributionSettings s, CancellationToken ct) =>
                TypedResults.Ok(await s.AgentAsync(agentId, ct)))
            .WithSummary("One agent's distribution state");
        api.MapPatch("/agents/{agentId:long}", async (long agentId, AgentDistributionRequest request, DistributionSettings s, CurrentAgent by,
                CancellationToken ct) => TypedResults.Ok(await s.UpdateAgentAsync(agentId, request, by.Id, ct)))
            .RequireAuthorization(p => p.RequireRole(nameof(AgentRole.Admin), nameof(AgentRole.Supervisor)))
            .WithSummary($"Change an agent's maxOpenTickets (1…{AgentDistribution.MaxOpenTicketsLimit}, null: no cap), skills (tags, at most " +
                $"{AgentDistribution.MaxSkills}), calendarId (an SLA calendar as working hours, null: any time) or paused; fields left out keep their value");

        var me = app.MapGroup("/api/v1/me/distribution").RequireAuthorization().WithTags("Distribution").WithProblemResponses();
        me.MapGet("", async (DistributionSettings s, CurrentAgent agent, CancellationToken ct) => TypedResults.Ok(await s.AgentAsync(agent.Id, ct)))
            .WithSummary("Your own distribution state");
        me.MapPut("", async (PauseRequest request, DistributionSettings s, CurrentAgent agent, CancellationToken ct) =>
                TypedResults.Ok(await s.SetPausedAsync(agent.Id, request.Paused, ct)))
            .WithSummary("Pause or resume receiving tickets automatically: {paused: true|false}; resuming hands you the waiting backlog at once");
        return app;
    }
}

public sealed record PauseRequest(bool? Paused);
