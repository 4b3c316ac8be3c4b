using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Okno.Platform.Localization;
using Okno.Platform.Security;

namespace Okno.Platform.Ui;

/// <summary>Base of workspace pages and dialogs that run actions: the per-action scope, the signed-in agent, a token
/// cancelled when the component goes away, and <see cref="TryAsync"/>, which turns a refused or failed action into
/// an <see cref="ActionError"/> in the page's language (by <see cref="ErrorText"/>) instead of a broken circuit.</summary>
public abstract class ActionComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _aborted = new();

    [Inject] protected UiScope Scope { get; set; } = default!;
    [Inject] private ILoggerFactory Logs { get; set; } = default!;
    [Inject] protected ErrorText Errors { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Cancelled when the component goes away (the agent left the page or closed the tab).</summary>
    protected CancellationToken Aborted => _aborted.Token;

    /// <summary>The signed-in agent, or null when nobody is signed in.</summary>
    protected async Task<CurrentAgent?> SignedInAgentAsync()
    {
        if (AuthenticationState is null) return null;
        var user = (await AuthenticationState).User;
        return user.Identity?.IsAuthenticated == true ? CurrentAgent.From(user) : null;
    }

    /// <summary>Runs an action; returns the error to show if it failed.</summary>
    protected async Task<ActionError?> TryAsync(Func<Task> action)
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
            return Describe(e, Logs.CreateLogger(GetType()));
        }
    }

    /// <summary>What to show for a failed action: an <c>OknoException</c> in words, or a general message for anything
    /// else (logged: it is a bug). A page may override it to show a message at another field too.</summary>
    protected virtual ActionError Describe(Exception exception, ILogger logger) => Errors.Action(exception, logger);

    public void Dispose()
    {
        // Cancelled, not disposed: an action still finishing may read the token once more.
        _aborted.Cancel();
        GC.SuppressFinalize(this);
    }
}
