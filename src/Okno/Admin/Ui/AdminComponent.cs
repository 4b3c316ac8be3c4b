using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Security;
using Okno.Platform.Ui;

namespace Okno.Admin.Ui;

/// <summary>Shared plumbing of the admin pages and dialogs: their strings (the rest, refused actions shown as an
/// <see cref="ActionError"/> among them, comes from <see cref="ActionComponent"/>).</summary>
public abstract class AdminComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<AdminStrings> L { get; set; } = default!;

    /// <summary>The signed-in agent, or null when nobody is signed in.</summary>
    protected Task<CurrentAgent?> ActorAsync() => SignedInAgentAsync();

    protected string RoleName(AgentRole role) => L["Role" + role];

    protected string LanguageName(string? language) => language switch
    {
        "ru" => L["LanguageRu"],
        "en" => L["LanguageEn"],
        _ => L["LanguageBrowser"],
    };
}
