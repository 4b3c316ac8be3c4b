using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Okno.Bench.Live;

/// <summary>`live`: how long a ticket created through the API takes to appear in an agent's open inbox. Debian's
/// Chromium (driven by Playwright) signs in and keeps /inbox open; the page itself notes the moment each new row
/// enters the DOM (a MutationObserver and Date.now(), the same clock as this process), so the figure is not rounded
/// to a polling interval.</summary>
public static class LiveBench
{
    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var samples = args.Int("samples", 30, min: 3, max: 1000);
        var gapMs = args.Int("gap-ms", 300, min: 0, max: 10_000);
        var chromium = args.Optional("chromium") ?? "/usr/bin/chromium";
        var output = args.Optional("out");
        var label = args.Optional("label");
        args.EnsureAllUsed();
        var baseUri = Api.ApiBench.LoopbackOnly(url);
        if (!File.Exists(chromium)) throw new BenchException($"No Chromium at {chromium} (apt-get install chromium, or --chromium PATH).");

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var token = (await Api.ApiBench.SignInAsync(http, email, password, ct)).Token;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new() { BaseURL = baseUri.ToString(), Locale = "en-US" });
        await page.GotoAsync("/signin?ReturnUrl=%2Finbox%3Fview%3Dall_open");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#signin-submit").ClickAsync();
        await page.WaitForURLAsync("**/inbox?view=all_open");
        // Interactive once the keyboard shortcuts are bound (the circuit has rendered and run its first JS call).
        await page.Locator("html[data-okno-keys='on']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.EvaluateAsync("""
            () => {
                window.__oknoSeen = {};
                new MutationObserver(() => {
                    for (const row of document.querySelectorAll('#inbox-table tr.inbox-row')) {
                        const subject = row.querySelector('.inbox-subject')?.textContent;
                        if (subject && !(subject in window.__oknoSeen)) window.__oknoSeen[subject] = Date.now();
                    }
                }).observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """);

        var fromSend = new List<double>();
        var fromAnswer = new List<double>();
        var run = Guid.NewGuid().ToString("N")[..6];
        Console.Error.WriteLine($"live: {samples} tickets, {gapMs} ms apart, inbox open in Chromium at {baseUri}");
        for (var i = 0; i < samples; i++)
        {
            var subject = $"Live bench {run} {i}";
            var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var watch = Stopwatch.StartNew();
            using (var response = await http.PostAsJsonAsync("/api/v1/tickets", new
                   {
                       subject, body = "Measuring how fast the inbox shows a new ticket.",
                       customer = new { email = $"live-{run}@bench.example", name = "Live bench" },
                   }, ct))
            {
                if (!response.IsSuccessStatusCode)
                    throw new BenchException($"Creating a ticket failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
            var answered = sent + watch.Elapsed.TotalMilliseconds;
            await page.WaitForFunctionAsync("s => s in window.__oknoSeen", subject, new() { Timeout = 10_000 });
            var seen = await page.EvaluateAsync<double>("s => window.__oknoSeen[s]", subject);
            fromSend.Add(seen - sent);
            fromAnswer.Add(seen - answered);
            if (gapMs > 0) await Task.Delay(gapMs, ct);
        }

        var send = Summarize(fromSend);
        var answer = Summarize(fromAnswer);
        var lines = new List<string>
        {
            "",
            $"## Live inbox{(label is null ? "" : " — " + label)} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)",
            "",
            $"`Okno.Bench live --samples {samples} --gap-ms {gapMs}`: a ticket created through the API, until its row is in the DOM of an " +
            "open `/inbox?view=all_open` in Chromium.",
            "",
            "| Measured from | p50 ms | p95 ms | max ms |",
            "|---|---|---|---|",
            $"| sending `POST /api/v1/tickets` | {send.P50:F0} | {send.P95:F0} | {send.Max:F0} |",
            $"| its 201 answer | {answer.P50:F0} | {answer.P95:F0} | {answer.Max:F0} |",
        };
        foreach (var line in lines) Console.WriteLine(line);
        if (output is not null) await File.AppendAllLinesAsync(output, lines, ct);
        return 0;
    }

    private static Summary Summarize(List<double> values)
    {
        var latencies = new Latencies();
        latencies.AddRange(values);
        return latencies.Summarize(TimeSpan.FromSeconds(1), errors: 0);
    }
}
