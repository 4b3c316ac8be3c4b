using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Okno.Bench.Api;
using Okno.Bots.Answer;

namespace Okno.Bench.AnswerBot;

/// <summary>`answerbot`: asks every labelled question of bench/answerbot/questions.tsv through GET /api/v1/kb/suggestions
/// (the answer bot's own ArticleSuggestions) of an Okno with the demo knowledge base that runs with both thresholds at 0,
/// so every scored article comes back; the thresholds are then applied here exactly as ArticleSuggestions applies them,
/// which gives the figures at the configured thresholds and a sweep over others from one pass.</summary>
public static class AnswerBotBench
{
    private sealed record Question(int Line, string Language, string Expected, string Text);
    private sealed record Scored(long ArticleId, double Score);
    private sealed record Figures(double Threshold, double Relative, int Questions, int Answerable, int Top1, int Top3, int Answered,
        int NoneQuestions, int FalseAnswers, int WrongTop1)
    {
        public double P1 => Answerable == 0 ? 0 : (double)Top1 / Answerable;
        public double P3 => Answerable == 0 ? 0 : (double)Top3 / Answerable;
        public double AnsweredShare => Questions == 0 ? 0 : (double)Answered / Questions;
        public double FalseShare => NoneQuestions == 0 ? 0 : (double)FalseAnswers / NoneQuestions;
    }

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var file = args.Optional("questions") ?? "bench/answerbot/questions.tsv";
        var defaults = new AnswerBotOptions();
        var threshold = args.Double("threshold") ?? defaults.Threshold;
        var relative = args.Double("relative") ?? defaults.RelativeThreshold;
        var output = args.Optional("out");
        var label = args.Optional("label");
        var misses = args.Optional("misses") is "yes";
        args.EnsureAllUsed();

        var questions = Read(file);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var slugs = await SlugsAsync(http, ct);
        foreach (var q in questions.Where(q => q.Expected != "none" && !slugs.ContainsKey(q.Expected)))
            throw new BenchException($"{file}:{q.Line}: no demo article has the slug '{q.Expected}'.");

        var answers = new List<(Question Question, List<Scored> Scored, string[] Titles)>();
        var latencies = new List<double>();
        foreach (var q in questions)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/v1/kb/suggestions?max=10&language={q.Language}&q={Uri.EscapeDataString(q.Text)}", ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode) throw new BenchException($"Question {q.Line} failed: {(int)response.StatusCode} {text}");
            using var doc = JsonDocument.Parse(text);
            var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
            answers.Add((q, items.Select(i => new Scored(i.GetProperty("articleId").GetInt64(), i.GetProperty("score").GetDouble())).ToList(),
                items.Select(i => i.GetProperty("title").GetString() ?? "").ToArray()));
        }

        Figures Measure(double t, double r)
        {
            int answerable = 0, top1 = 0, top3 = 0, answered = 0, none = 0, falseAnswers = 0, wrongTop1 = 0;
            foreach (var (q, scored, _) in answers)
            {
                var kept = Keep(scored, t, r);
                if (kept.Count > 0) answered++;
                if (q.Expected == "none")
                {
                    none++;
                    if (kept.Count > 0) falseAnswers++;
                    continue;
                }
                answerable++;
                var expected = slugs[q.Expected];
                if (kept.Count > 0 && kept[0].ArticleId == expected) top1++;
                else if (kept.Count > 0) wrongTop1++;
                if (kept.Any(s => s.ArticleId == expected)) top3++;
            }
            return new Figures(t, r, answers.Count, answerable, top1, top3, answered, none, falseAnswers, wrongTop1);
        }

        var main = Measure(threshold, relative);
        var sweep = new[] { 0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7 }.Select(t => Measure(t, relative)).ToList();
        latencies.Sort();
        var report = new StringBuilder();
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        report.AppendLine(CultureInfo.InvariantCulture, $"# Answer bot: article suggestions against the demo knowledge base ({date} UTC{(label is null ? "" : ", " + label)})");
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{answers.Count} labelled questions from `{file}` ({answers.Count(a => a.Question.Language == "ru")} Russian, ") +
            string.Create(CultureInfo.InvariantCulture, $"{answers.Count(a => a.Question.Language == "en")} English; {main.NoneQuestions} the KB cannot answer). Each asked through `GET /api/v1/kb/suggestions` ") +
            "(ArticleSuggestions, up to 3 offered), one at a time. precision@1: the expected article is offered first; precision@3: it is among those " +
            "offered; both over the answerable questions. Answered: questions with at least one suggestion (all questions). False answers: \"none\" questions " +
            "that got a suggestion.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"At the configured thresholds (Threshold {threshold:0.##}, RelativeThreshold {relative:0.##}):");
        report.AppendLine();
        report.AppendLine("| | value |");
        report.AppendLine("|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| precision@1 | {main.P1:P1} ({main.Top1}/{main.Answerable}) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| precision@3 | {main.P3:P1} ({main.Top3}/{main.Answerable}) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| answered share | {main.AnsweredShare:P1} ({main.Answered}/{main.Questions}) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| false-answer share on \"none\" | {main.FalseShare:P1} ({main.FalseAnswers}/{main.NoneQuestions}) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| wrong article first (answerable) | {main.WrongTop1} |");
        foreach (var language in new[] { "ru", "en" })
        {
            var part = answers.Where(a => a.Question.Language == language).ToList();
            var saved = answers.ToList();
            answers.Clear();
            answers.AddRange(part);
            var f = Measure(threshold, relative);
            answers.Clear();
            answers.AddRange(saved);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {language}: p@1 / p@3 / answered / false | {f.P1:P1} / {f.P3:P1} / {f.AnsweredShare:P1} / {f.FalseShare:P1} |");
        }
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| latency per question, median / p95 / max | {latencies[latencies.Count / 2]:0.0} / {latencies[(int)(latencies.Count * 0.95)]:0.0} / {latencies[^1]:0.0} ms |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Threshold sweep (RelativeThreshold {relative:0.##}):");
        report.AppendLine();
        report.AppendLine("| Threshold | p@1 | p@3 | answered | false answers on \"none\" |");
        report.AppendLine("|---|---|---|---|---|");
        foreach (var f in sweep)
            report.AppendLine(CultureInfo.InvariantCulture, $"| {f.Threshold:0.00} | {f.P1:P1} | {f.P3:P1} | {f.AnsweredShare:P1} | {f.FalseShare:P1} |");
        if (misses)
        {
            report.AppendLine();
            report.AppendLine("Misses (expected → offered):");
            report.AppendLine();
            foreach (var (q, scored, titles) in answers)
            {
                var kept = Keep(scored, threshold, relative);
                var ok = q.Expected == "none" ? kept.Count == 0 : kept.Count > 0 && kept[0].ArticleId == slugs[q.Expected];
                if (ok) continue;
                var offered = string.Join("; ", scored.Take(3).Select((s, i) => string.Create(CultureInfo.InvariantCulture,
                    $"{titles[i]} {s.Score:0.00}{(kept.Contains(s) ? "" : " (dropped)")}")));
                report.AppendLine(CultureInfo.InvariantCulture, $"- {q.Language} `{q.Text}` — {q.Expected} → {(offered.Length == 0 ? "nothing" : offered)}");
            }
        }
        Console.Write(report.ToString());
        if (output is not null)
        {
            await File.AppendAllTextAsync(output, (File.Exists(output) ? "\n" : "") + report, ct);
            Console.Error.WriteLine($"answerbot: written to {output}");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT answerbot questions={main.Questions} p1={main.P1:0.000} p3={main.P3:0.000} answered={main.AnsweredShare:0.000} false={main.FalseShare:0.000}"));
        return 0;
    }

    /// <summary>What ArticleSuggestions keeps: at least the threshold and the given share of the best, at most three.</summary>
    private static List<Scored> Keep(List<Scored> scored, double threshold, double relative)
    {
        if (scored.Count == 0) return [];
        var floor = Math.Max(threshold, scored.Max(s => s.Score) * relative);
        return scored.Where(s => s.Score >= floor).Take(3).ToList();
    }

    private static List<Question> Read(string file)
    {
        var list = new List<Question>();
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[0] is not ("ru" or "en") || parts[1].Length == 0 || parts[2].Trim().Length == 0)
                throw new BenchException($"{file}:{i + 1}: expected 'language<TAB>slug or none<TAB>question'.");
            list.Add(new Question(i + 1, parts[0], parts[1], parts[2].Trim()));
        }
        return list;
    }

    /// <summary>Every article's slugs (each language's) → its id.</summary>
    private static async Task<Dictionary<string, long>> SlugsAsync(HttpClient http, CancellationToken ct)
    {
        var slugs = new Dictionary<string, long>(StringComparer.Ordinal);
        for (string? cursor = null; ;)
        {
            using var response = await http.GetAsync("/api/v1/kb/articles?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new BenchException($"Listing articles failed: {(int)response.StatusCode} {text}");
            using var doc = JsonDocument.Parse(text);
            foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
                slugs[item.GetProperty("slug").GetString()!] = item.GetProperty("id").GetInt64();
            cursor = doc.RootElement.GetProperty("nextCursor").GetString();
            if (cursor is null) return slugs;
        }
    }
}
