using System.Diagnostics;
using System.Globalization;
using System.Text;
using Okno.Platform.Files;
using Okno.Platform.Text;

namespace Okno.Bench.Display;

/// <summary>What hiding remote content costs when a ticket is shown (it is done at display time, once per message and
/// page view): <see cref="RemoteContent.Rewrite"/> on a plain reply, a typical HTML email and a large newsletter full
/// of tracking images, hidden and through the proxy; and the first-bytes check every download makes.</summary>
public static class DisplayBench
{
    public static Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var seconds = args.Int("seconds", 3, min: 1, max: 60);
        var output = args.Optional("out");
        args.EnsureAllUsed();

        var bodies = new MessageBodies();
        var plain = bodies.FromText("Hello,\n\nthe printer on floor 3 prints blank pages again.\n\nThanks, Anna").Html;
        var email = bodies.FromHtml(Email(images: 3, paragraphs: 10)).Html;
        var newsletter = bodies.FromHtml(Email(images: 60, paragraphs: 120)).Html;
        static string Proxy(Uri u) => "/images/remote?u=" + Uri.EscapeDataString(u.AbsoluteUri);
        var head = new byte[ActiveContent.SniffLength];
        new Random(1).NextBytes(head);

        var lines = new List<string>
        {
            $"## Display-time rewriting, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores)",
            "",
            "| Case | Size | µs per message (mean) | p99 µs | per second |",
            "|---|---|---|---|---|",
        };
        foreach (var (name, html, proxy) in new (string, string, Func<Uri, string>?)[]
                 {
                     ("plain reply, hidden", plain, null), ("HTML email, 3 images, hidden", email, null),
                     ("HTML email, 3 images, via proxy", email, Proxy), ("newsletter, 60 images, hidden", newsletter, null),
                     ("newsletter, 60 images, via proxy", newsletter, Proxy),
                 })
            lines.Add(Measure(name, $"{html.Length / 1024.0:0.0} KB", () => RemoteContent.Rewrite(html, proxy), seconds, ct));
        lines.Add(Measure("download check (1 KB of content)", "1.0 KB", () => ActiveContent.IsActive("image/png", "photo.png", head), seconds, ct));
        lines.Add("");
        foreach (var line in lines) Console.WriteLine(line);
        var path = output ?? Path.Combine("bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-display.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.AppendAllLines(path, lines);
        Console.WriteLine($"Appended to {path}");
        return Task.FromResult(0);
    }

    private static string Measure(string name, string size, Func<object> work, int seconds, CancellationToken ct)
    {
        for (var i = 0; i < 200; i++) work();
        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds && !ct.IsCancellationRequested)
        {
            var one = Stopwatch.GetTimestamp();
            work();
            samples.Add(Stopwatch.GetElapsedTime(one).TotalMicroseconds);
        }
        samples.Sort();
        var p99 = samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(0.99 * samples.Count) - 1)];
        string F(double v) => v.ToString(v < 10 ? "0.00" : "0", CultureInfo.InvariantCulture);
        return $"| {name} | {size} | {F(samples.Average())} | {F(p99)} | {(samples.Count / total.Elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)} |";
    }

    private static string Email(int images, int paragraphs)
    {
        var html = new StringBuilder("<table width=\"100%\" background=\"https://mail.example.com/bg.png\"><tbody><tr><td>");
        for (var i = 0; i < paragraphs; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#333; font-size:14px\">Paragraph {i} of the offer, with <a href=\"https://shop.example.com/p/{i}\">a link</a> and <b>bold</b> text.</p>");
            if (i < images)
                html.Append(CultureInfo.InvariantCulture, $"<img src=\"https://cdn.example.com/img/{i}.jpg\" srcset=\"https://cdn.example.com/img/{i}@2x.jpg 2x\" alt=\"Product {i}\" width=\"300\">")
                    .Append(CultureInfo.InvariantCulture, $"<div style=\"background-image: url(https://cdn.example.com/bg/{i}.png)\">Sale</div>");
        }
        html.Append("<img src=\"https://track.example.com/open.gif?u=12345\" width=\"1\" height=\"1\"></td></tr></tbody></table>");
        return html.ToString();
    }
}
