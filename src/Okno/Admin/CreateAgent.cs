using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

public sealed record CreateAgentRequest([property: Required] string? Email, [property: Required] string? Name, AgentRole? Role,
    [property: Required] string? Password, List<long>? GroupIds, string? Language);

/// <summary>An admin adds an agent with an initial password, a role, groups and a language.</summary>
public sealed class CreateAgent(OknoDb db, IPasswordHasher<Agent> hasher, Audit audit, TimeProvider clock)
{
    public async Task<AgentView> ExecuteAsync(CreateAgentRequest request, CurrentAgent actor, string? ipAddress, CancellationToken ct)
    {
        await AgentRules.EnsureAdminAsync(db, actor, ct);
        var errors = new FieldErrors();
        errors.Email("email", request.Email);
        errors.Text("name", request.Name, Agent.NameMaxLength);
        AgentRules.CheckPassword(request.Password, errors, required: true);
        AgentRules.CheckLanguage(request.Language, errors);
        await AgentRules.CheckGroupsAsync(db, request.GroupIds, errors, ct);
        errors.ThrowIfAny();

        var email = request.Email!.Trim().ToLowerInvariant();
        if (await db.Agents.AnyAsync(a => a.Email == email, ct)) throw Duplicate(email);
        var agent = new Agent
        {
            Email = email, Name = request.Name!.Trim(), Role = request.Role ?? AgentRole.Agent, Language = request.Language,
            CreatedAt = clock.GetUtcNow(), Groups = (request.GroupIds ?? []).Distinct().Select(g => new AgentGroup { GroupId = g }).ToList(),
        };
        agent.PasswordHash = hasher.HashPassword(agent, request.Password!);
        db.Agents.Add(agent);
        audit.Add(actor.Id, "agent.created", $"agent:{email}", $"role {agent.Role}", ipAddress);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw Duplicate(email);
        }
        return await AgentQueries.FindAsync(db, agent.Id, ct);
    }

    private static OknoException Duplicate(string email) => new(new Duplicate(AdminErrorCodes.AgentEmailTaken, "email", $"An agent with the email {email} already exists.", ("email", email)));
}
