using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Okno.Platform.Security;
using Okno.Platform.Ui;

namespace Okno.Admin.Ui;

/// <summary>Shared plumbing of the admin pages and dialogs: strings, the per-action scope, the signed-in admin, and
/// turning a refused or failed action into a <see cref="UiError"/> instead of a broken circuit.</summary>
public abstract class AdminComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _aborted = new();

    [Inject] protected IStringLocalizer<AdminStrings> L { get; set; } = default!;
    [Inject] protected UiScope Scope { get; set; } = default!;
    [Inject] private ILoggerFactory Logs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Cancelled when the component goes away (the agent left the page or closed the tab).</summary>
    protected CancellationToken Aborted => _aborted.Token;

    /// <summary>The signed-in agent, or null when nobody is signed in.</summary>
    protected async Task<CurrentAgent?> ActorAsync()
    {
        if (AuthenticationState is null) return null;
        var user = (await AuthenticationState).User;
        return user.Identity?.IsAuthenticated == true ? CurrentAgent.From(user) : null;
    }

    protected string RoleName(AgentRole role) => L["Role" + role];

    protected string LanguageName(string? language) => language switch
    {
        "ru" => L["LanguageRu"],
        "en" => L["LanguageEn"],
        _ => L["LanguageBrowser"],
    };

    /// <summary>Runs an action; returns the error to show if it failed.</summary>
    protected async Task<UiError?> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            return UiError.Of(e, L, Logs.CreateLogger(GetType()));
        }
    }

    public void Dispose()
    {
        // Cancelled, not disposed: an action still finishing may read the token once more.
        _aborted.Cancel();
        GC.SuppressFinalize(this);
    }
}
