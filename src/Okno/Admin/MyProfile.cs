using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Files;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary>The signed-in agent's own profile: what an admin sees of them (<see cref="AgentView"/>) plus their reply
/// signatures and picture. <see cref="AvatarUrl"/> is null when they have no picture; it changes with the picture, so a
/// browser never shows a stale one from its cache.</summary>
public sealed record ProfileView(long Id, string Email, string Name, AgentRole Role, bool IsActive, string? Language,
    IReadOnlyList<long> GroupIds, DateTimeOffset CreatedAt, string? SignatureRu, string? SignatureEn, string? AvatarUrl);

/// <summary>Only the fields that are set change; a set null clears a signature or makes the language follow the browser.</summary>
public sealed record ChangeProfileRequest(Optional<string?> Name, Optional<string?> Language, Optional<string?> SignatureRu,
    Optional<string?> SignatureEn);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>What an agent changes about themselves: name, UI language, reply signatures, picture and password. Each
/// use case acts on the signed-in agent only (the id comes from the session, never from the request).</summary>
public sealed class MyProfile(OknoDb db, IPasswordHasher<Agent> hasher, Audit audit, AgentSessions sessions, SessionRevocations revocations,
    AttachmentStore store, PasswordChecks checks, Platform.Ui.IAgentAvatars avatars)
{
    public const int AvatarMaxBytes = 1024 * 1024;

    public async Task<ProfileView> GetAsync(long agentId, CancellationToken cancellationToken) =>
        await db.Agents.AsNoTracking().Where(a => a.Id == agentId && a.IsActive)
            .Select(a => new
            {
                a.Id, a.Email, a.Name, a.Role, a.IsActive, a.Language, GroupIds = a.Groups.Select(g => g.GroupId).ToList(), a.CreatedAt,
                a.SignatureRu, a.SignatureEn, a.AvatarSha256,
            })
            .SingleOrDefaultAsync(cancellationToken) is { } a
            ? new ProfileView(a.Id, a.Email, a.Name, a.Role, a.IsActive, a.Language, a.GroupIds, a.CreatedAt, a.SignatureRu, a.SignatureEn,
                AvatarUrl(a.Id, a.AvatarSha256))
            : throw new OknoException(new NotFound(AdminErrorCodes.AgentNotFound, "Agent", agentId));

    /// <summary>The address of an agent's picture, or null when they have none.</summary>
    public static string? AvatarUrl(long agentId, string? sha256) =>
        sha256 is null ? null : $"/api/v1/agents/{agentId}/avatar?v={sha256[..12]}";

    public async Task<ProfileView> ChangeAsync(long agentId, ChangeProfileRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Name.IsSet) errors.Text("name", request.Name.Value, Agent.NameMaxLength);
        if (request.Language.IsSet) AgentRules.CheckLanguage(request.Language.Value, errors);
        if (request.SignatureRu.IsSet) errors.Text("signatureRu", request.SignatureRu.Value, Agent.SignatureMaxLength, required: false);
        if (request.SignatureEn.IsSet) errors.Text("signatureEn", request.SignatureEn.Value, Agent.SignatureMaxLength, required: false);
        errors.ThrowIfAny();
        var agent = await ActiveAsync(agentId, cancellationToken);
        var changes = new List<string>();
        if (request.Name.IsSet) { agent.Name = request.Name.Value!.Trim(); changes.Add("name"); }
        if (request.Language.IsSet) { agent.Language = request.Language.Value; changes.Add("language"); }
        if (request.SignatureRu.IsSet) { agent.SignatureRu = Signature(request.SignatureRu.Value); changes.Add("signature ru"); }
        if (request.SignatureEn.IsSet) { agent.SignatureEn = Signature(request.SignatureEn.Value); changes.Add("signature en"); }
        if (changes.Count > 0) audit.Add(agentId, "profile.changed", $"agent:{agentId}", string.Join("; ", changes));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(agentId, cancellationToken);
    }

    /// <summary>A new password, given the current one. Every other session of the agent is signed out and every API token
    /// revoked (on every node), as when an admin sets a password: whoever knew the old one is out. The session this is
    /// done from, if any, stays signed in.</summary>
    public async Task ChangePasswordAsync(long agentId, string? currentSessionId, ChangePasswordRequest request, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword)) errors.Required("currentPassword");
        var rules = new FieldErrors();
        AgentRules.CheckPassword(request.NewPassword, rules, required: true);
        // The shared rules name the field "password"; here it is the new one.
        if (rules.Any)
        {
            if (string.IsNullOrEmpty(request.NewPassword)) errors.Required("newPassword");
            else if (request.NewPassword.Length < AgentRules.MinPasswordLength) errors.TooShort("newPassword", AgentRules.MinPasswordLength);
            else errors.TooLong("newPassword", AgentRules.MaxPasswordLength);
        }
        errors.ThrowIfAny();
        var agent = await ActiveAsync(agentId, cancellationToken);
        var (ran, result) = await checks.TryRunAsync(() => hasher.VerifyHashedPassword(agent, agent.PasswordHash, request.CurrentPassword!), cancellationToken);
        if (!ran) throw new OknoException(new StateConflict(ErrorCodes.RateLimited, "The server is busy; try again in a moment."));
        if (result == PasswordVerificationResult.Failed)
        {
            audit.Add(agentId, "password.change_refused", $"agent:{agentId}", "wrong current password", ipAddress);
            await db.SaveChangesAsync(cancellationToken);
            throw new OknoException(InvalidInput.Field("currentPassword", AdminErrorCodes.WrongPassword, "The current password is not right."));
        }
        agent.PasswordHash = hasher.HashPassword(agent, request.NewPassword!);
        audit.Add(agentId, "password.changed", $"agent:{agentId}", "by the agent", ipAddress);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await sessions.RevokeAllButAsync(db, agentId, currentSessionId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        revocations.Announce(agentId);
    }

    /// <summary>Sets the agent's picture: a PNG, JPEG, WebP or GIF (told by its first bytes, not by a name or a claimed
    /// type) of at most 1 MB. Stored content-addressed, like attachments.</summary>
    public async Task<ProfileView> SetAvatarAsync(long agentId, byte[] content, CancellationToken cancellationToken)
    {
        if (content.Length == 0) throw new OknoException(InvalidInput.Required("avatar"));
        if (content.Length > AvatarMaxBytes)
            throw new OknoException(InvalidInput.Field("avatar", AdminErrorCodes.AvatarTooLarge, "The picture is larger than 1 MB.", ("max", AvatarMaxBytes)));
        var type = ImageTypeOf(content)
            ?? throw new OknoException(InvalidInput.Field("avatar", AdminErrorCodes.AvatarNotAnImage, "Not a PNG, JPEG, WebP or GIF picture."));
        var agent = await ActiveAsync(agentId, cancellationToken);
        var (sha, _) = await store.SaveAsync(content, cancellationToken);
        agent.AvatarSha256 = sha;
        agent.AvatarContentType = type;
        audit.Add(agentId, "profile.avatar_set", $"agent:{agentId}", type);
        await db.SaveChangesAsync(cancellationToken);
        avatars.Forget();
        return await GetAsync(agentId, cancellationToken);
    }

    public async Task<ProfileView> RemoveAvatarAsync(long agentId, CancellationToken cancellationToken)
    {
        var agent = await ActiveAsync(agentId, cancellationToken);
        agent.AvatarSha256 = null;
        agent.AvatarContentType = null;
        await db.SaveChangesAsync(cancellationToken);
        avatars.Forget();
        return await GetAsync(agentId, cancellationToken);
    }

    /// <summary>An agent's picture and its type, or null when they have none (or its file is gone).</summary>
    public async Task<(Stream Content, string ContentType)?> OpenAvatarAsync(long agentId, CancellationToken cancellationToken)
    {
        var found = await db.Agents.AsNoTracking().Where(a => a.Id == agentId && a.AvatarSha256 != null)
            .Select(a => new { a.AvatarSha256, a.AvatarContentType }).SingleOrDefaultAsync(cancellationToken);
        return found is not null && store.Open(found.AvatarSha256!) is { } stream ? (stream, found.AvatarContentType!) : null;
    }

    /// <summary>The image type the bytes start with, or null: the signatures of PNG, JPEG, GIF and WebP.</summary>
    public static string? ImageTypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8) ? "image/gif"
        : content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    private static string? Signature(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    private async Task<Agent> ActiveAsync(long agentId, CancellationToken cancellationToken) =>
        await db.Agents.SingleOrDefaultAsync(a => a.Id == agentId && a.IsActive, cancellationToken)
        ?? throw new OknoException(new NotFound(AdminErrorCodes.AgentNotFound, "Agent", agentId));
}
