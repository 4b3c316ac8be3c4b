using System.Diagnostics;
using System.Text;
using Okno.Channels.Email.Mime;

namespace Okno.Bench.Mime;

/// <summary>The email parser in process (issue 13): mails per second for a typical reply and a newsletter, and time,
/// allocation and memory held for one mail at the 25 MB limit (an 18 MB attachment, base64).</summary>
public static class MimeBench
{
    public static Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var seconds = args.Int("seconds", 3, min: 1, max: 60);
        var output = args.Optional("out");
        args.EnsureAllUsed();

        var lines = new List<string>
        {
            $"## Email parser, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores, one thread)",
            "",
            "| Mail | Size | mails/s | µs per mail (mean) |",
            "|---|---|---|---|",
        };
        foreach (var (name, raw) in new[] { ("Gmail-style reply with quote, text+html", Reply()), ("newsletter, 120 paragraphs, html only", Newsletter()) })
        {
            var limits = new EmailParseLimits();
            for (var i = 0; i < 200; i++) EmailParser.Parse(new MemoryStream(raw), limits);
            var count = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds && !ct.IsCancellationRequested)
            {
                EmailParser.Parse(new MemoryStream(raw), limits);
                count++;
            }
            lines.Add($"| {name} | {raw.Length / 1024.0:0.0} KB | {count / watch.Elapsed.TotalSeconds:0} | {watch.Elapsed.TotalMilliseconds * 1000 / count:0} |");
        }

        // One mail near the limit, read from a file as a transport would hand it over.
        var path = Path.Combine(Path.GetTempPath(), $"okno-mime-bench-{Environment.ProcessId}.eml");
        File.WriteAllBytes(path, Large(18 * 1024 * 1024));
        try
        {
            var size = new FileInfo(path).Length;
            GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
            var before = GC.GetTotalMemory(true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            ParsedEmail mail;
            using (var stream = File.OpenRead(path)) mail = EmailParser.Parse(stream, new EmailParseLimits());
            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var held = GC.GetTotalMemory(true) - before;
            GC.KeepAlive(mail);
            lines.Add("");
            lines.Add($"One {size / 1048576.0:0.0} MB mail (an {mail.Attachments[0].Size / 1048576.0:0.0} MB attachment, base64): parsed in " +
                      $"{watch.Elapsed.TotalMilliseconds:0} ms; allocated {allocated / 1048576.0:0.0} MB while parsing; " +
                      $"{held / 1048576.0:0.0} MB held afterwards by the result (the decoded attachment).");
        }
        finally { File.Delete(path); }
        lines.Add("");
        foreach (var line in lines) Console.WriteLine(line);
        var file = output ?? Path.Combine("bench", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-mime.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.AppendAllLines(file, lines);
        Console.WriteLine($"Appended to {file}");
        return Task.FromResult(0);
    }

    private static byte[] Reply() => Encoding.UTF8.GetBytes("""
        Message-ID: <CAF=bench@mail.example>
        In-Reply-To: <reply-10073-1@okno.test>
        References: <req-10073@example.com> <reply-10073-1@okno.test>
        Date: Mon, 7 Dec 2026 10:00:00 +0000
        From: =?UTF-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <ivan@example.ru>
        To: Okno Support <support@okno.test>
        Subject: Re: [#10073] =?UTF-8?B?0J/RgNC40L3RgtC10YAg0L3QtSDQv9C10YfQsNGC0LDQtdGC?=
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: 8bit

        Спасибо, принтер снова печатает. Картридж заменили утром.

        пт, 4 дек. 2026 г. в 17:00, Служба поддержки <support@okno.test>:

        > Здравствуйте, Иван!
        > Мастер придёт завтра в 10:00.
        > Служба поддержки

        --b1
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: 8bit

        <div dir="ltr">Спасибо, принтер снова печатает. Картридж заменили утром.</div><br><div class="gmail_quote"><div class="gmail_attr">пт, 4 дек. 2026 г. в 17:00, Служба поддержки &lt;support@okno.test&gt;:<br></div><blockquote class="gmail_quote">Здравствуйте, Иван!<br>Мастер придёт завтра в 10:00.<br>Служба поддержки</blockquote></div>

        --b1--
        """.Replace("\n", "\r\n"));

    private static byte[] Newsletter()
    {
        var html = new StringBuilder("<html><head><style>p{margin:0}</style></head><body>");
        for (var i = 0; i < 120; i++)
            html.Append($"<p>Paragraph {i}: <a href=\"https://news.example.com/a/{i}\">read more</a> <img src=\"https://t.example.com/{i}.gif\"></p>");
        html.Append("</body></html>");
        return Encoding.UTF8.GetBytes("Message-ID: <nl@news.example.com>\r\nFrom: news@news.example.com\r\nSubject: News\r\nPrecedence: bulk\r\n" +
            "Content-Type: text/html; charset=utf-8\r\n\r\n" + html);
    }

    private static byte[] Large(int attachmentBytes)
    {
        var content = new byte[attachmentBytes];
        new Random(13).NextBytes(content);
        var text = new StringBuilder("Message-ID: <large@example.com>\r\nFrom: a@example.com\r\nSubject: Large\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=\"L\"\r\n\r\n--L\r\nContent-Type: text/plain\r\n\r\nSee the file.\r\n--L\r\n" +
            "Content-Type: application/octet-stream; name=\"big.bin\"\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\n" +
            "Content-Transfer-Encoding: base64\r\n\r\n");
        text.Append(Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks)).Append("\r\n--L--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
