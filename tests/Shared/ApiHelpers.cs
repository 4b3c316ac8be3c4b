using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Okno.Testing;

/// <summary>Short ways to drive the REST API from tests.</summary>
public static class ApiHelpers
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> CreateTicketAsync(this HttpClient client, string subject, string email = "customer@example.com",
        object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["body"] = "Please help: " + subject,
            ["customer"] = new { email, name = "Test Customer" },
        };
        if (extra is not null)
            foreach (var p in JsonSerializer.SerializeToElement(extra, JsonSerializerOptions.Web).EnumerateObject())
                body[p.Name] = p.Value;
        return await (await client.PostAsJsonAsync("/api/v1/tickets", body)).JsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> PatchAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PatchAsJsonAsync(url, body)).JsonAsync(expected);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).JsonAsync(expected);

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body,
        HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.PostAsJsonAsync(url, body)).JsonAsync(expected);

    /// <summary>Creates an agent through the admin API and returns a client signed in as them.</summary>
    public static async Task<(long Id, HttpClient Client)> CreateAgentAsync(this OknoFactory app, HttpClient admin, string role = "agent",
        long[]? groupIds = null)
    {
        var email = $"agent-{Guid.NewGuid():N}@test.okno";
        const string password = "agent-password-1";
        var agent = await admin.PostJsonAsync("/api/v1/agents", new { email, name = "Agent " + role, role, password, groupIds = groupIds ?? [] });
        return (agent.GetProperty("id").GetInt64(), await app.ClientAsync(email, password));
    }

    public static async Task<long> CreateGroupAsync(this HttpClient admin, string? name = null) =>
        (await admin.PostJsonAsync("/api/v1/groups", new { name = name ?? "Group " + Guid.NewGuid().ToString("N")[..8] }))
        .GetProperty("id").GetInt64();

    public static long Id(this JsonElement e) => e.GetProperty("id").GetInt64();

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    public static IReadOnlyList<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    /// <summary>The field names of a 400 ValidationProblem.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
}

/// <summary>xunit class fixture: one Okno on SQLite per test class, with an admin client.</summary>
public sealed class SqliteOkno : IAsyncLifetime
{
    public OknoFactory App { get; } = OknoFactory.Sqlite();
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync() => Admin = await App.AdminClientAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
