using Microsoft.AspNetCore.Components.Authorization;
using Okno.Platform.Security;

namespace Okno.Platform.Ui;

/// <summary>Runs one use case in its own DI scope. A Blazor circuit lives for hours; a DbContext injected into a
/// component would live as long and grow stale, so components resolve use cases per action through this.</summary>
public sealed class UiScope(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task RunAsync<TService>(Func<TService, Task> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

public static class UiAgent
{
    /// <summary>The signed-in agent of a component (pages of the workspace require authorization).</summary>
    public static async Task<CurrentAgent> CurrentAsync(this Task<AuthenticationState> state) =>
        CurrentAgent.From((await state).User);
}
