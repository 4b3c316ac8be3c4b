namespace Okno.Admin;

/// <summary>The codes of the errors of agents, groups and tokens (see <see cref="Platform.Web.ErrorCodes"/> for the
/// general ones).</summary>
public static class AdminErrorCodes
{
    /// <summary>{id}</summary>
    public const string AgentNotFound = "agent.not_found";
    /// <summary>{id}: an assignee that does not exist or is deactivated.</summary>
    public const string AgentNotActive = "agent.not_active";
    /// <summary>{id}; also a field error for a group id that does not exist.</summary>
    public const string GroupNotFound = "group.not_found";
    /// <summary>{field}, {email}</summary>
    public const string AgentEmailTaken = "agent.email_taken";
    /// <summary>{field}, {name}</summary>
    public const string GroupNameTaken = "group.name_taken";
    public const string LastAdmin = "agent.last_admin";
    public const string DeactivateYourself = "agent.deactivate_yourself";
    /// <summary>{name}</summary>
    public const string GroupHasTickets = "group.has_tickets";
    /// <summary>Changing one's own password with a wrong current one.</summary>
    public const string WrongPassword = "profile.wrong_password";
    /// <summary>{max}: an avatar over the size limit (bytes).</summary>
    public const string AvatarTooLarge = "profile.avatar_too_large";
    /// <summary>An avatar whose content is not a PNG, JPEG, WebP or GIF image.</summary>
    public const string AvatarNotAnImage = "profile.avatar_not_an_image";
}
