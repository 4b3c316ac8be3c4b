using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>Only the fields that are set change; a set null clears where that is allowed.</summary>
public sealed record ChangeAgentRequest(Optional<string?> Name, Optional<AgentRole?> Role, Optional<string?> Password,
    Optional<List<long>?> GroupIds, Optional<bool?> IsActive, Optional<string?> Language);

/// <summary>An admin changes an agent's name, role, groups, language, active flag or password. The last active admin
/// keeps their role; nobody deactivates themselves. A new password or a deactivation ends every session and API token of
/// the agent at once (on every node, open tabs included) — also the admin's own, when they set their own password.</summary>
public sealed class ChangeAgent(OknoDb db, IPasswordHasher<Agent> hasher, Audit audit, AgentSessions sessions, SessionRevocations revocations)
{
    public async Task<AgentView> ExecuteAsync(long id, ChangeAgentRequest request, CurrentAgent actor, string? ipAddress, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, actor, ct);
        var errors = new FieldErrors();
        if (request.Name.IsSet) errors.Text("name", request.Name.Value, Agent.NameMaxLength);
        if (request.Role is { IsSet: true, Value: null }) errors.Add("role", ErrorCodes.Required, "Role cannot be empty.");
        if (request.IsActive is { IsSet: true, Value: null }) errors.Add("isActive", ErrorCodes.Required, "isActive cannot be empty.");
        if (request.Password.IsSet) AgentRules.CheckPassword(request.Password.Value, errors, required: true);
        if (request.Language.IsSet) AgentRules.CheckLanguage(request.Language.Value, errors);
        if (request.GroupIds.IsSet) await AgentRules.CheckGroupsAsync(db, request.GroupIds.Value, errors, ct);
        errors.ThrowIfAny();

        var agent = await db.Agents.Include(a => a.Groups).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new OknoException(new NotFound(AdminErrorCodes.AgentNotFound, "Agent", id));
        var changes = new List<string>();
        if (request.Name.IsSet) { agent.Name = request.Name.Value!.Trim(); changes.Add("name"); }
        if (request.Language.IsSet) { agent.Language = request.Language.Value; changes.Add("language"); }
        if (request.Role.Value is { } role && role != agent.Role)
        {
            if (agent.Role == AgentRole.Admin) await AgentRules.EnsureAnotherAdminAsync(db, agent.Id, ct);
            changes.Add($"role {agent.Role} → {role}");
            agent.Role = role;
        }
        if (request.IsActive.Value is { } active && active != agent.IsActive)
        {
            if (!active) await AgentRules.EnsureCanDeactivateAsync(db, agent, actor, ct);
            agent.IsActive = active;
            changes.Add(active ? "activated" : "deactivated");
        }
        if (request.Password.IsSet)
        {
            agent.PasswordHash = hasher.HashPassword(agent, request.Password.Value!);
            changes.Add("password");
        }
        if (request.GroupIds.IsSet)
        {
            var wanted = (request.GroupIds.Value ?? []).Distinct().ToList();
            agent.Groups.RemoveAll(g => !wanted.Contains(g.GroupId));
            agent.Groups.AddRange(wanted.Where(g => agent.Groups.All(x => x.GroupId != g)).Select(g => new AgentGroup { GroupId = g }));
            changes.Add($"groups [{string.Join(", ", wanted)}]");
        }
        audit.Add(actor.Id, "agent.changed", $"agent:{agent.Id}", string.Join("; ", changes), ipAddress);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            if (!agent.IsActive || request.Password.IsSet) await sessions.RevokeAllAsync(db, agent.Id, ct);
            await transaction.CommitAsync(ct);
        }
        if (!agent.IsActive || request.Password.IsSet) revocations.Announce(agent.Id);
        return await AgentQueries.FindAsync(db, agent.Id, ct);
    }
}
