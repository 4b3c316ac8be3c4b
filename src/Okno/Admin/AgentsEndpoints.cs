using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

public sealed record AgentView(long Id, string Email, string Name, AgentRole Role, bool IsActive, string? Language,
    IReadOnlyList<long> GroupIds, DateTimeOffset CreatedAt);

public sealed record CreateAgentRequest([property: Required] string? Email, [property: Required] string? Name, AgentRole? Role,
    [property: Required] string? Password, List<long>? GroupIds, string? Language);

public sealed record ChangeAgentRequest(Optional<string?> Name, Optional<AgentRole?> Role, Optional<string?> Password,
    Optional<List<long>?> GroupIds, Optional<bool?> IsActive, Optional<string?> Language);

/// <summary>Agents: every agent may list colleagues (to assign work); only admins create, change or deactivate.</summary>
public static class AgentsEndpoints
{
    public const int MinPasswordLength = 10;
    private static readonly string[] Languages = ["ru", "en"];

    public static IEndpointRouteBuilder MapAgentsEndpoints(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/v1/agents").RequireAuthorization().WithTags("Agents");

        agents.MapGet("/", async (int? limit, string? cursor, OknoDb db, CancellationToken ct) =>
        {
            var take = Paging.Limit(limit);
            var query = db.Agents.AsQueryable();
            if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(a => a.Id > lastId);
            var rows = await Project(query.OrderBy(a => a.Id).Take(take + 1)).ToListAsync(ct);
            return TypedResults.Ok(Paging.ToPage(rows, take, a => Paging.Encode(a.Id)));
        });

        agents.MapGet("/{id:long}", async (long id, OknoDb db, CancellationToken ct) => Results.Ok(await FindAsync(db, id, ct)));

        agents.MapPost("/", CreateAsync).RequireAuthorization(AdminModule.AdminPolicy);
        agents.MapPatch("/{id:long}", ChangeAsync).RequireAuthorization(AdminModule.AdminPolicy);
        agents.MapDelete("/{id:long}", DeactivateAsync).RequireAuthorization(AdminModule.AdminPolicy)
            .WithSummary("Deactivate an agent (history keeps pointing at them) and revoke their tokens");
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateAgentRequest request, OknoDb db, IPasswordHasher<Agent> hasher, Audit audit,
        TimeProvider clock, CurrentAgent admin, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Email("email", request.Email);
        errors.Text("name", request.Name, Agent.NameMaxLength);
        CheckPassword(request.Password, errors, required: true);
        CheckLanguage(request.Language, errors);
        await CheckGroupsAsync(db, request.GroupIds, errors, ct);
        errors.ThrowIfAny();

        var email = request.Email!.Trim().ToLowerInvariant();
        if (await db.Agents.AnyAsync(a => a.Email == email, ct))
            throw new OknoException(new Duplicate("email", $"An agent with the email {email} already exists."));
        var agent = new Agent
        {
            Email = email, Name = request.Name!.Trim(), Role = request.Role ?? AgentRole.Agent, Language = request.Language,
            CreatedAt = clock.GetUtcNow(), Groups = (request.GroupIds ?? []).Distinct().Select(g => new AgentGroup { GroupId = g }).ToList(),
        };
        agent.PasswordHash = hasher.HashPassword(agent, request.Password!);
        db.Agents.Add(agent);
        audit.Add(admin.Id, "agent.created", $"agent:{email}", $"role {agent.Role}", http.Connection.RemoteIpAddress?.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw new OknoException(new Duplicate("email", $"An agent with the email {email} already exists."));
        }
        return TypedResults.Created($"/api/v1/agents/{agent.Id}", await FindAsync(db, agent.Id, ct));
    }

    private static async Task<IResult> ChangeAsync(long id, ChangeAgentRequest request, OknoDb db, IPasswordHasher<Agent> hasher,
        Audit audit, TimeProvider clock, CurrentAgent admin, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Name.IsSet) errors.Text("name", request.Name.Value, Agent.NameMaxLength);
        if (request.Role is { IsSet: true, Value: null }) errors.Add("role", "Role cannot be empty.");
        if (request.IsActive is { IsSet: true, Value: null }) errors.Add("isActive", "isActive cannot be empty.");
        if (request.Password.IsSet) CheckPassword(request.Password.Value, errors, required: true);
        if (request.Language.IsSet) CheckLanguage(request.Language.Value, errors);
        if (request.GroupIds.IsSet) await CheckGroupsAsync(db, request.GroupIds.Value, errors, ct);
        errors.ThrowIfAny();

        var agent = await db.Agents.Include(a => a.Groups).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new OknoException(new NotFound("Agent", id));
        var changes = new List<string>();
        if (request.Name.IsSet) { agent.Name = request.Name.Value!.Trim(); changes.Add("name"); }
        if (request.Language.IsSet) { agent.Language = request.Language.Value; changes.Add("language"); }
        if (request.Role.Value is { } role && role != agent.Role)
        {
            if (agent.Role == AgentRole.Admin) await EnsureAnotherAdminAsync(db, agent.Id, ct);
            changes.Add($"role {agent.Role} → {role}");
            agent.Role = role;
        }
        if (request.IsActive.Value is { } active && active != agent.IsActive)
        {
            if (!active) await EnsureCanDeactivateAsync(db, agent, admin, ct);
            agent.IsActive = active;
            changes.Add(active ? "activated" : "deactivated");
        }
        if (request.Password.IsSet)
        {
            agent.PasswordHash = hasher.HashPassword(agent, request.Password.Value!);
            agent.FailedSignIns = 0;
            agent.LockedUntil = null;
            changes.Add("password");
        }
        if (request.GroupIds.IsSet)
        {
            var wanted = (request.GroupIds.Value ?? []).Distinct().ToList();
            agent.Groups.RemoveAll(g => !wanted.Contains(g.GroupId));
            agent.Groups.AddRange(wanted.Where(g => agent.Groups.All(x => x.GroupId != g)).Select(g => new AgentGroup { GroupId = g }));
            changes.Add($"groups [{string.Join(", ", wanted)}]");
        }
        audit.Add(admin.Id, "agent.changed", $"agent:{agent.Id}", string.Join("; ", changes), http.Connection.RemoteIpAddress?.ToString());
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            if (!agent.IsActive) await RevokeTokensAsync(db, agent.Id, clock, ct);
            await transaction.CommitAsync(ct);
        }
        return Results.Ok(await FindAsync(db, agent.Id, ct));
    }

    private static async Task<IResult> DeactivateAsync(long id, OknoDb db, Audit audit, TimeProvider clock, CurrentAgent admin, HttpContext http,
        CancellationToken ct)
    {
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new OknoException(new NotFound("Agent", id));
        if (agent.IsActive)
        {
            await EnsureCanDeactivateAsync(db, agent, admin, ct);
            agent.IsActive = false;
            audit.Add(admin.Id, "agent.deactivated", $"agent:{agent.Id}", agent.Email, http.Connection.RemoteIpAddress?.ToString());
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await RevokeTokensAsync(db, agent.Id, clock, ct);
            await transaction.CommitAsync(ct);
        }
        return Results.NoContent();
    }

    private static Task<int> RevokeTokensAsync(OknoDb db, long agentId, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.ApiTokens.Where(t => t.AgentId == agentId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    private static async Task EnsureCanDeactivateAsync(OknoDb db, Agent agent, CurrentAgent admin, CancellationToken ct)
    {
        if (agent.Id == admin.Id) throw new OknoException(new Forbidden("You cannot deactivate yourself."));
        if (agent.Role == AgentRole.Admin) await EnsureAnotherAdminAsync(db, agent.Id, ct);
    }

    /// <summary>The desk must always keep one active admin, or nobody could administer it again.</summary>
    private static async Task EnsureAnotherAdminAsync(OknoDb db, long agentId, CancellationToken ct)
    {
        if (!await db.Agents.AnyAsync(a => a.Id != agentId && a.IsActive && a.Role == AgentRole.Admin, ct))
            throw new OknoException(new StateConflict("This is the last active admin; make another agent admin first."));
    }

    private static void CheckPassword(string? password, FieldErrors errors, bool required)
    {
        if (string.IsNullOrEmpty(password)) { if (required) errors.Add("password", "This field is required."); return; }
        if (password.Length < MinPasswordLength) errors.Add("password", $"At least {MinPasswordLength} characters.");
        if (password.Length > 200) errors.Add("password", "At most 200 characters.");
    }

    private static void CheckLanguage(string? language, FieldErrors errors)
    {
        if (language is not null && !Languages.Contains(language)) errors.Add("language", $"One of: {string.Join(", ", Languages)}, or null.");
    }

    private static async Task CheckGroupsAsync(OknoDb db, List<long>? groupIds, FieldErrors errors, CancellationToken ct)
    {
        if (groupIds is not { Count: > 0 }) return;
        var wanted = groupIds.Distinct().ToList();
        var found = await db.Groups.Where(g => wanted.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
        foreach (var missing in wanted.Except(found)) errors.Add("groupIds", $"There is no group {missing}.");
    }

    internal static async Task<AgentView> FindAsync(OknoDb db, long id, CancellationToken ct) =>
        await Project(db.Agents.Where(a => a.Id == id)).SingleOrDefaultAsync(ct) ?? throw new OknoException(new NotFound("Agent", id));

    private static IQueryable<AgentView> Project(IQueryable<Agent> agents) => agents.Select(a => new AgentView(
        a.Id, a.Email, a.Name, a.Role, a.IsActive, a.Language, a.Groups.Select(g => g.GroupId).ToList(), a.CreatedAt));
}
