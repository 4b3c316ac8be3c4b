using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Bench.Api;

namespace Okno.Bench.Automation;

/// <summary>Puts a desk's worth of enabled triggers on a running Okno (<c>--count 0</c> takes them away again), for bench/run.sh …
/// triggers, which measures ticket creation before and after: a realistic mix — subject words (Russian word forms),
/// customer domains, priority changes, urgent email — most of which do not match a given ticket and some of which do
/// (and then write: a tag, a note).</summary>
public static class TriggersBench
{
    public const string Prefix = "bench-trigger-";

    private static readonly string[] Words = ["принтер", "vpn", "оплата", "пароль", "доступ", "почта", "счёт", "ошибка", "договор", "сервер",
        "monitor", "invoice", "refund", "password", "license", "backup", "laptop", "phone", "wifi", "excel"];

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var count = args.Int("count", 100, min: 0, max: 500);
        args.EnsureAllUsed();

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            { BaseAddress = ApiBench.LoopbackOnly(url), Timeout = TimeSpan.FromSeconds(60) };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);

        var existing = (await http.GetFromJsonAsync<JsonElement>("/api/v1/triggers", ct)).GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("name").GetString()!.StartsWith(Prefix, StringComparison.Ordinal)).Select(t => t.GetProperty("id").GetInt64()).ToList();
        foreach (var id in existing) (await http.DeleteAsync($"/api/v1/triggers/{id}", ct)).EnsureSuccessStatusCode();
        if (count == 0)
        {
            Console.WriteLine($"triggers: deleted {existing.Count}");
            return 0;
        }
        for (var i = 0; i < count; i++)
        {
            var word = Words[i % Words.Length];
            object rule = (i % 4) switch
            {
                0 => new
                {
                    name = $"{Prefix}{i}", events = new[] { "ticket_created" },
                    conditions = new[] { new { field = "subject", @operator = "contains", values = new[] { word } } },
                    actions = new[] { new { type = "add_tags", values = new[] { "auto-" + word } } },
                },
                1 => new
                {
                    name = $"{Prefix}{i}", events = new[] { "ticket_created", "message_received" },
                    conditions = new[] { new { field = "contact_email", @operator = "contains", values = new[] { $"@client{i}.example" } } },
                    actions = new[] { new { type = "set_priority", value = "high" } },
                },
                2 => new
                {
                    name = $"{Prefix}{i}", events = new[] { "ticket_updated" },
                    conditions = new[] { new { field = "priority", @operator = "changed_to", values = new[] { "urgent" } } },
                    actions = new[] { new { type = "add_note", body = "Urgent now: {ticket.subject}" } },
                },
                _ => new
                {
                    name = $"{Prefix}{i}", events = new[] { "ticket_created" }, match = "all",
                    conditions = new object[]
                    {
                        new { field = "priority", @operator = "equals", values = new[] { "urgent" } },
                        new { field = "message", @operator = "contains", values = new[] { word } },
                    },
                    actions = new[] { new { type = "add_tags", values = new[] { "urgent-" + word } } },
                },
            };
            (await http.PostAsJsonAsync("/api/v1/triggers", rule, ct)).EnsureSuccessStatusCode();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"triggers: {count} enabled (deleted {existing.Count} from an earlier run first)"));
        return 0;
    }
}
