using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;

namespace Okno.BrowserTests;

/// <summary>A page plus what the browser saw while the test ran: console errors, uncaught script errors, failed
/// requests and answers of 400 and above, and which Blazor circuits have rendered.</summary>
public sealed class BrowserTab
{
    private static readonly byte[] RenderBatch = Encoding.ASCII.GetBytes("JS.RenderBatch");
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<Task<string>> _errorBodies = new();
    private readonly List<Circuit> _circuits = [];
    private readonly string _name;

    public IPage Page { get; }

    public IReadOnlyCollection<string> Problems => _problems;

    public BrowserTab(IPage page, string name)
    {
        Page = page;
        _name = name;
        page.Console += (_, m) => { if (m.Type == "error") _problems.Enqueue($"console error: {m.Text} ({m.Location})"); };
        page.PageError += (_, error) => _problems.Enqueue($"page error: {error}");
        page.RequestFailed += (_, r) => _problems.Enqueue($"request failed: {r.Method} {r.Url}: {r.Failure}");
        page.Response += (_, r) =>
        {
            if (r.Status < 400) return;
            _problems.Enqueue($"HTTP {r.Status}: {r.Request.Method} {r.Url}");
            // Outside production a 500 carries the exception; keep it for the failure message.
            if (r.Status >= 500) _errorBodies.Enqueue(BodyOfAsync(r));
        };
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal)) return;
            var circuit = new Circuit();
            lock (_circuits) _circuits.Add(circuit);
            socket.SocketError += (_, error) => _problems.Enqueue($"circuit socket error: {error}");
            socket.Close += (_, _) => circuit.Closed = true;
            // The server sends "JS.RenderBatch" only from a live circuit that has rendered components: the one
            // signal that the page is interactive, whatever the markup looks like.
            socket.FrameReceived += (_, frame) =>
            {
                if ((frame.Binary is { } bytes && bytes.AsSpan().IndexOf(RenderBatch) >= 0)
                    || (frame.Text?.Contains("JS.RenderBatch", StringComparison.Ordinal) ?? false))
                    circuit.Rendered = true;
            };
        };
    }

    /// <summary>Opens a page and returns once its Blazor circuit has started and rendered. Until then the browser
    /// shows prerendered HTML, which can differ from what the circuit renders and does not react to clicks.</summary>
    public Task GotoInteractiveAsync(string url) => LoadsInteractiveAsync(() => Page.GotoAsync(url));

    /// <summary>Does something that loads a new page (a link outside the Blazor router, a form post, a forced
    /// navigation) and returns once the new page's circuit has rendered. Renders of the old page's circuit do
    /// not count: they can still arrive while the browser leaves it.</summary>
    public async Task LoadsInteractiveAsync(Func<Task> action)
    {
        int before;
        lock (_circuits) before = _circuits.Count;
        await action();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            lock (_circuits)
                if (_circuits.Skip(before).Any(c => c.Rendered && !c.Closed)) break;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No new Blazor circuit rendered {Page.Url} within 30 s.");
            await Task.Delay(50);
        }
        await PrerenderedMarkupReplacedAsync();
    }

    /// <summary>Runs in every document the tests open (<see cref="OknoInChromium"/> adds it to each context): keeps the
    /// first element the server prerendered inside the interactive root. Blazor empties the prerendered markup when the
    /// circuit's first render batch is applied, so that element leaves the document at that moment.</summary>
    public const string RememberPrerenderedScript = """
        document.addEventListener('DOMContentLoaded', () => {
          const comments = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
          for (let c = comments.nextNode(); c; c = comments.nextNode()) {
            if (!c.data.startsWith('Blazor:') || !c.data.includes('"type":"server"')) continue;
            let next = c.nextSibling;
            while (next && next.nodeType !== Node.ELEMENT_NODE && next.nodeType !== Node.COMMENT_NODE) next = next.nextSibling;
            if (next && next.nodeType === Node.ELEMENT_NODE) window.__oknoPrerendered = next;
            return;
          }
        });
        """;

    /// <summary>The socket frame that carries a render batch is seen here a moment before the browser applies it: until
    /// then the prerendered rows are on screen and a click on them does nothing (a CI run clicked "select page" there).</summary>
    private Task PrerenderedMarkupReplacedAsync() =>
        Page.WaitForFunctionAsync("() => !window.__oknoPrerendered || !window.__oknoPrerendered.isConnected", null,
            new() { Timeout = 30_000, PollingInterval = 50 });

    /// <summary>Saves a full-page PNG as TestResults/screenshots/{test}[.{suffix}].png and returns its path.</summary>
    public Task<string> ScreenshotAsync(string? suffix = null) => Screenshots.SaveAsync(Page, suffix is null ? _name : $"{_name}.{suffix}");

    /// <summary>Removes the failure screenshot of an earlier run, so the folder shows only this run's failures.</summary>
    public void ForgetEarlierFailure() => File.Delete(Path.Combine(Screenshots.Folder, $"{_name}.failed.png"));

    /// <summary>Everything that went wrong in the page, with the bodies of 5xx answers.</summary>
    public async Task<string> DescribeProblemsAsync()
    {
        var bodies = await Task.WhenAll(_errorBodies);
        var lines = _problems.Concat(bodies).ToList();
        return lines.Count == 0 ? "(none)" : string.Join("\n  ", lines);
    }

    private static async Task<string> BodyOfAsync(IResponse response)
    {
        try
        {
            var text = await response.TextAsync().WaitAsync(TimeSpan.FromSeconds(5));
            return $"body of {response.Url}: {(text.Length > 2000 ? text[..2000] + "…" : text)}";
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return $"body of {response.Url}: unavailable ({e.Message})";
        }
    }

    private sealed class Circuit
    {
        public volatile bool Rendered;
        public volatile bool Closed;
    }
}
