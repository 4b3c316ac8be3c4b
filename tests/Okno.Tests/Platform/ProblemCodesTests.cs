using System.Net;
using System.Net.Http.Json;
using System.Text;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>API errors carry a stable code and parameters beside the English detail; bad fields keep ASP.NET's
/// <c>errors</c> of messages and add <c>errorCodes</c>; the OpenAPI document declares each endpoint's errors.</summary>
public sealed class ProblemCodesTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    [Fact]
    public async Task Bad_fields_answer_with_a_code_per_field_beside_the_messages()
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = new string('x', 1000), body = "Hello", customer = new { email = "not-an-email" },
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invalid_input", problem.Str("code"));
        Assert.Equal(["At most 250 characters."],
            problem.GetProperty("errors").GetProperty("subject").EnumerateArray().Select(e => e.GetString()));
        var subject = Assert.Single(problem.GetProperty("errorCodes").GetProperty("subject").EnumerateArray());
        Assert.Equal("field.too_long", subject.Str("code"));
        Assert.Equal(250, subject.GetProperty("parameters").GetProperty("max").GetInt32());
        var email = Assert.Single(problem.GetProperty("errorCodes").GetProperty("customer.email").EnumerateArray());
        Assert.Equal("field.invalid_email", email.Str("code"));
        Assert.Equal(problem.ErrorFields().Order(), problem.GetProperty("errorCodes").EnumerateObject().Select(p => p.Name).Order());

        var missing = await (await Admin.PostAsJsonAsync("/api/v1/tickets", new { body = "Hello", customer = new { email = "a@example.com" } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.required", Assert.Single(missing.GetProperty("errorCodes").GetProperty("subject").EnumerateArray()).Str("code"));
        Assert.Equal(["This field is required."], missing.GetProperty("errors").GetProperty("subject").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_closed_ticket_and_an_illegal_status_change_answer_with_their_codes()
    {
        var ticket = await Admin.CreateTicketAsync("Codes of refusals");
        await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "resolved" });

        var illegal = await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "pending" }, HttpStatusCode.Conflict);
        Assert.Equal("status.illegal_change", illegal.Str("code"));
        Assert.Equal("Illegal status change", illegal.Str("title"));
        Assert.Equal("resolved", illegal.GetProperty("parameters").Str("from"));
        Assert.Equal("pending", illegal.GetProperty("parameters").Str("to"));
        Assert.Contains("open", illegal.GetProperty("parameters").Str("allowed"));

        await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "closed" });
        var closed = await (await Admin.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Hello?" }))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("ticket.closed", closed.Str("code"));
        Assert.Equal(ticket.GetProperty("number").GetInt64(), closed.GetProperty("parameters").GetProperty("number").GetInt64());
        Assert.Contains("closed", closed.Str("detail"));
    }

    [Fact]
    public async Task Not_found_conflicts_and_the_frameworks_refusals_have_codes()
    {
        var missing = await Admin.GetJsonAsync("/api/v1/tickets/987654321", HttpStatusCode.NotFound);
        Assert.Equal("ticket.not_found", missing.Str("code"));
        Assert.Equal(987654321, missing.GetProperty("parameters").GetProperty("id").GetInt64());

        var self = await Admin.GetJsonAsync("/api/v1/me");
        var lastAdmin = await Admin.PatchAsync($"/api/v1/agents/{self.Id()}", new { role = "agent" }, HttpStatusCode.Conflict);
        Assert.Equal("agent.last_admin", lastAdmin.Str("code"));

        var badJson = await (await Admin.PostAsync("/api/v1/tickets", new StringContent(
                """{"subject": "s", "body": "b", "customer": {"email": "a@example.com"}, "priority": "whenever"}""", Encoding.UTF8, "application/json")))
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("field.invalid_value", Assert.Single(badJson.GetProperty("errorCodes").GetProperty("priority").EnumerateArray()).Str("code"));

        var badQuery = await Admin.GetJsonAsync("/api/v1/tickets?limit=abc", HttpStatusCode.BadRequest);
        Assert.Equal("field.invalid_value", Assert.Single(badQuery.GetProperty("errorCodes").GetProperty("limit").EnumerateArray()).Str("code"));
        var outOfRange = await Admin.GetJsonAsync("/api/v1/tickets?limit=1000", HttpStatusCode.BadRequest);
        var limit = Assert.Single(outOfRange.GetProperty("errorCodes").GetProperty("limit").EnumerateArray());
        Assert.Equal("field.out_of_range", limit.Str("code"));
        Assert.Equal(100, limit.GetProperty("parameters").GetProperty("max").GetInt32());

        var anonymous = await okno.App.CreateClient().GetJsonAsync("/api/v1/tickets", HttpStatusCode.Unauthorized);
        Assert.Equal("unauthorized", anonymous.Str("code"));
        var (_, agent) = await okno.App.CreateAgentAsync(Admin);
        var forbidden = await agent.PostJsonAsync("/api/v1/groups", new { name = "Not mine to make" }, HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", forbidden.Str("code"));
    }

    [Fact]
    public async Task The_openapi_document_declares_each_endpoints_errors_with_their_code()
    {
        var document = await okno.App.CreateClient().GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        IReadOnlyList<string> Statuses(string path, string method) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();

        var create = Statuses("/api/v1/tickets", "post");
        Assert.All(new[] { "400", "401", "403", "409", "413" }, s => Assert.Contains(s, create));
        Assert.DoesNotContain("404", create);
        var change = Statuses("/api/v1/tickets/{id}", "patch");
        Assert.All(new[] { "400", "401", "403", "404", "409", "413" }, s => Assert.Contains(s, change));
        var read = Statuses("/api/v1/tickets/{id}", "get");
        Assert.Contains("404", read);
        Assert.DoesNotContain("409", read);
        var signIn = Statuses("/api/v1/auth/token", "post");
        Assert.Contains("429", signIn);
        Assert.DoesNotContain("403", signIn);

        var validation = paths.GetProperty("/api/v1/tickets").GetProperty("post").GetProperty("responses").GetProperty("400")
            .GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var validationSchema = schemas.GetProperty(validation.GetProperty("$ref").GetString()!.Split('/')[^1]);
        Assert.True(validationSchema.GetProperty("properties").TryGetProperty("errorCodes", out _));
        Assert.True(validationSchema.GetProperty("properties").TryGetProperty("code", out _));
        Assert.True(schemas.GetProperty("ProblemDetails").GetProperty("properties").TryGetProperty("code", out _));
    }
}
