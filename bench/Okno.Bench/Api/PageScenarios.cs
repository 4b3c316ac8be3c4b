using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Okno.Bench.Api;

/// <summary>What an agent's screens read at once, on purpose-made data: the ticket page of a ticket with 50 messages
/// (ticket, messages, history) and the customer card of a contact with 200 earlier tickets (contact, their tickets,
/// their company's tickets). The data is written through the API first, tagged with the run, so every run measures
/// the same shapes whatever the generator made.</summary>
internal static class PageScenarios
{
    public const int Messages = 50;
    public const int EarlierTickets = 200;

    public static async Task<IReadOnlyList<ApiBench.Scenario>> PrepareAsync(HttpClient http, string runTag, CancellationToken ct)
    {
        var email = $"card{runTag}@c7.example";
        var first = await CreateTicketAsync(http, email, 0, ct);
        var ticketId = first.GetProperty("id").GetInt64();
        var contactId = first.GetProperty("customer").GetProperty("id").GetInt64();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < EarlierTickets; n = Interlocked.Increment(ref next))
                await CreateTicketAsync(http, email, n, ct);
        }, ct)));
        // Replies in order: a conversation, every fifth one an internal note.
        for (var n = 1; n < Messages; n++)
        {
            using var reply = await http.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/messages",
                new { body = $"Ответ {n}: проверили настройки, попробуйте ещё раз и напишите, помогло ли.", @internal = n % 5 == 0 }, ct);
            if (reply.StatusCode != HttpStatusCode.Created)
                throw new BenchException($"Reply {n} to ticket {ticketId} failed: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync(ct)}");
        }
        using var contactResponse = await http.GetAsync($"/api/v1/contacts/{contactId}", ct);
        using var contact = JsonDocument.Parse(await contactResponse.Content.ReadAsStringAsync(ct));
        var companyId = contact.RootElement.TryGetProperty("company", out var c) && c.ValueKind == JsonValueKind.Object ? c.GetProperty("id").GetInt64() : (long?)null;
        Console.Error.WriteLine($"api: ticket {ticketId} with {Messages} messages; contact {contactId} with {EarlierTickets} tickets" +
            (companyId is null ? " (no company)" : $", company {companyId}"));

        var cardPaths = new List<string> { $"/api/v1/contacts/{contactId}", $"/api/v1/contacts/{contactId}/tickets?limit=25" };
        if (companyId is { } company) cardPaths.Add($"/api/v1/companies/{company}/tickets?limit=25");
        string[] ticketPaths = [$"/api/v1/tickets/{ticketId}", $"/api/v1/tickets/{ticketId}/messages?limit={Messages}", $"/api/v1/tickets/{ticketId}/history?limit=100"];
        return
        [
            new($"Ticket page: ticket + {Messages} messages + history (3 requests)", 1, (client, t) => GetAllAsync(client, ticketPaths, t)),
            new($"Customer card: contact + {EarlierTickets} earlier tickets + company's tickets ({cardPaths.Count} requests)", 1,
                (client, t) => GetAllAsync(client, cardPaths, t)),
        ];
    }

    private static async Task<JsonElement> CreateTicketAsync(HttpClient http, string email, int n, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = $"Заявка {n + 1} постоянного клиента", body = "Здравствуйте! Снова не работает VPN, помогите, пожалуйста.",
            customer = new { email, name = "Постоянный Клиент" },
        }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created) throw new BenchException($"Creating ticket {n} for {email} failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The requests one after another, as a screen that needs all of them; the first failure's status, else 200.</summary>
    private static async Task<HttpStatusCode> GetAllAsync(ApiBench.Client client, IReadOnlyList<string> paths, CancellationToken ct)
    {
        foreach (var path in paths)
        {
            var status = await ApiBench.GetAsync(client, path, ct);
            if (status != HttpStatusCode.OK) return status;
        }
        return HttpStatusCode.OK;
    }
}
