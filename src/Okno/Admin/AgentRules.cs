using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>Rules shared by the agent use cases: password and language checks, group existence, the last-admin
/// protection and token revocation on deactivation.</summary>
public static class AgentRules
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 200;
    public static readonly IReadOnlyList<string> Languages = ["ru", "en"];

    /// <summary>Admin actions re-read the actor: a Blazor circuit keeps the claims it started with for hours, so a
    /// demoted or deactivated admin must not keep administering through an open page.</summary>
    public static async Task EnsureAdminAsync(OknoDb db, CurrentAgent actor, CancellationToken ct)
    {
        if (!actor.IsAdmin || !await db.Agents.AnyAsync(a => a.Id == actor.Id && a.IsActive && a.Role == AgentRole.Admin, ct))
            throw new OknoException(new Forbidden("Only admins may do this."));
    }

    public static void CheckPassword(string? password, FieldErrors errors, bool required)
    {
        if (string.IsNullOrEmpty(password)) { if (required) errors.Required("password"); return; }
        if (password.Length < MinPasswordLength) errors.TooShort("password", MinPasswordLength);
        if (password.Length > MaxPasswordLength) errors.TooLong("password", MaxPasswordLength);
    }

    public static void CheckLanguage(string? language, FieldErrors errors)
    {
        if (language is not null && !Languages.Contains(language)) errors.Add("language", ErrorCodes.NotOneOf, $"One of: {string.Join(", ", Languages)}, or null.", ("value", language), ("allowed", string.Join(", ", Languages)));
    }

    public static async Task CheckGroupsAsync(OknoDb db, IReadOnlyCollection<long>? groupIds, FieldErrors errors, CancellationToken ct)
    {
        if (groupIds is not { Count: > 0 }) return;
        var wanted = groupIds.Distinct().ToList();
        var found = await db.Groups.Where(g => wanted.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
        foreach (var missing in wanted.Except(found)) errors.Add("groupIds", AdminErrorCodes.GroupNotFound, $"There is no group {missing}.", ("id", missing));
    }

    public static async Task EnsureCanDeactivateAsync(OknoDb db, Agent agent, CurrentAgent actor, CancellationToken ct)
    {
        if (agent.Id == actor.Id) throw new OknoException(new Forbidden(AdminErrorCodes.DeactivateYourself, "You cannot deactivate yourself."));
        if (agent.Role == AgentRole.Admin) await EnsureAnotherAdminAsync(db, agent.Id, ct);
    }

    /// <summary>The desk must always keep one active admin, or nobody could administer it again.</summary>
    public static async Task EnsureAnotherAdminAsync(OknoDb db, long agentId, CancellationToken ct)
    {
        if (!await db.Agents.AnyAsync(a => a.Id != agentId && a.IsActive && a.Role == AgentRole.Admin, ct))
            throw new OknoException(new StateConflict(AdminErrorCodes.LastAdmin, "This is the last active admin; make another agent admin first."));
    }
}
