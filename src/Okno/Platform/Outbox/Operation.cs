namespace Okno.Platform.Outbox;

/// <summary>The operation the current code runs for (an HTTP request, a job run, a handler's run): its id groups the
/// events that operation writes, so a handler can tell "one agent's one save" from "many changes". Ambient, like a
/// log scope; where none was begun, each save is its own operation.</summary>
public static class Operation
{
    private static readonly AsyncLocal<Guid?> Ambient = new();

    /// <summary>The current operation's id, or null outside one.</summary>
    public static Guid? Current => Ambient.Value;

    /// <summary>Starts an operation that lasts until the returned handle is disposed.</summary>
    public static IDisposable Begin(Guid? id = null)
    {
        var outer = Ambient.Value;
        Ambient.Value = id ?? Guid.CreateVersion7();
        return new Scope(outer);
    }

    private sealed class Scope(Guid? outer) : IDisposable
    {
        public void Dispose() => Ambient.Value = outer;
    }
}

/// <summary>One operation per HTTP request. Not for a Blazor circuit's connection, which lasts as long as the agent's
/// tab: an operation there would group every click of the session, so each save of a screen is its own operation.</summary>
public sealed class OperationPerRequest(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_blazor"))
        {
            await next(context);
            return;
        }
        using (Operation.Begin()) await next(context);
    }
}
