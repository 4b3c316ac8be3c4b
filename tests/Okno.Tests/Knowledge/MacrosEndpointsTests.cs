using System.Net;
using System.Net.Http.Json;
using Okno.Knowledge;
using Okno.Testing;

namespace Okno.Tests.Knowledge;

public sealed class MacrosEndpointsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    [Fact]
    public async Task A_macro_is_filled_for_a_ticket_and_unknown_variables_stay_visible()
    {
        var ticket = await Admin.CreateTicketAsync("Принтер не печатает", $"anna-{Guid.NewGuid():N}@example.com");
        var macro = await Admin.PostJsonAsync("/api/v1/macros", new
        {
            name = "Greeting", body = "Здравствуйте, {{customer.name}}!\nЗаявка №{{ ticket.number }} «{{ticket.subject}}» ({{customer.email}}).\n{{agent.name}}, {{order.id}}",
        });
        Assert.True(macro.GetProperty("shared").GetBoolean());
        var preview = await Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/macros/{macro.Id()}/preview", new { }, HttpStatusCode.OK);
        var email = ticket.GetProperty("customer").Str("email");
        Assert.Equal($"Здравствуйте, Test Customer!\nЗаявка №{ticket.GetProperty("number").GetInt64()} «Принтер не печатает» ({email}).\n" +
            "Administrator, {{order.id}}", preview.Str("text"), ignoreLineEndingDifferences: true);
    }

    [Fact]
    public async Task Values_are_inserted_as_text_never_as_markup_or_as_more_variables()
    {
        var ticket = await Admin.PostJsonAsync("/api/v1/tickets", new
        {
            subject = "<img src=x onerror=alert(1)> {{agent.name}}", body = "hi",
            customer = new { email = $"evil-{Guid.NewGuid():N}@example.com", name = "<script>alert('x')</script>" },
        });
        var macro = await Admin.PostJsonAsync("/api/v1/macros", new { name = "Injection", body = "Hi {{customer.name}}, re: {{ticket.subject}}" });
        var preview = await Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/macros/{macro.Id()}/preview", new { }, HttpStatusCode.OK);
        Assert.Equal("Hi <script>alert('x')</script>, re: <img src=x onerror=alert(1)> {{agent.name}}", preview.Str("text"));
        Assert.DoesNotContain("<script", preview.Str("html"));
        Assert.DoesNotContain("<img", preview.Str("html"));
        Assert.Contains("&lt;script&gt;", preview.Str("html"));
    }

    [Theory]
    [InlineData("{{customer.name}}", "Ann")]
    [InlineData("{{CUSTOMER.NAME}}", "Ann")]
    [InlineData("{{ customer.name }}", "Ann")]
    [InlineData("{customer.name}", "{customer.name}")]
    [InlineData("{{customer.phone}}", "{{customer.phone}}")]
    [InlineData("{{ticket.number}}-{{agent.name}}", "10042-Bob")]
    [InlineData("{{customer.email}}", "")]
    public void Renderer_fills_known_variables_and_leaves_others(string body, string expected) =>
        Assert.Equal(expected, MacroRenderer.Render(body, new MacroContext("Ann", null, 10042, "Subj", "Bob")));

    [Fact]
    public async Task Personal_macros_are_seen_only_by_their_owner_and_shared_ones_by_everyone()
    {
        var (_, agent) = await okno.App.CreateAgentAsync(Admin);
        var personal = await agent.PostJsonAsync("/api/v1/macros", new { name = "Mine", body = "x", shared = false });
        Assert.False(personal.GetProperty("shared").GetBoolean());
        var shared = await Admin.PostJsonAsync("/api/v1/macros", new { name = "Ours " + Guid.NewGuid().ToString("N")[..6], body = "y" });

        var adminList = (await Admin.GetJsonAsync("/api/v1/macros?limit=100")).Items().Select(m => m.Id()).ToList();
        Assert.DoesNotContain(personal.Id(), adminList);
        Assert.Contains(shared.Id(), adminList);
        var agentList = (await agent.GetJsonAsync("/api/v1/macros?limit=100")).Items().Select(m => m.Id()).ToList();
        Assert.Contains(personal.Id(), agentList);
        Assert.Contains(shared.Id(), agentList);

        await Admin.GetJsonAsync($"/api/v1/macros/{personal.Id()}", HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync($"/api/v1/macros/{personal.Id()}")).JsonAsync(HttpStatusCode.NotFound);
        var changed = await (await agent.PutAsJsonAsync($"/api/v1/macros/{personal.Id()}", new { name = "Mine 2", body = "z" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Mine 2", changed.Str("name"));
        Assert.False(changed.GetProperty("shared").GetBoolean());
        await (await agent.DeleteAsync($"/api/v1/macros/{personal.Id()}")).JsonAsync(HttpStatusCode.NoContent);

        var invalid = await Admin.PostJsonAsync("/api/v1/macros", new { name = "", body = new string('b', Macro.BodyMaxLength + 1) }, HttpStatusCode.BadRequest);
        Assert.Equal(["body", "name"], invalid.ErrorFields().Order());
        var ticket = await Admin.CreateTicketAsync("Preview 404s");
        await Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/macros/987654321/preview", new { }, HttpStatusCode.NotFound);
        await Admin.PostJsonAsync($"/api/v1/tickets/987654321/macros/{shared.Id()}/preview", new { }, HttpStatusCode.NotFound);
    }
}
