using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Testing;
using Okno.Tickets;
using Okno.Customers;

namespace Okno.Tests.Tickets;

public sealed class TicketsEndpointsTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    private HttpClient Admin => okno.Admin;

    [Fact]
    public async Task Creating_a_ticket_answers_201_with_location_number_and_customer()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "  Принтер не печатает ",
            body = "Здравствуйте, принтер в бухгалтерии не печатает.",
            customer = new { email = "Buh@Romashka.example", name = "Анна" },
            priority = "high", type = "incident", tags = new[] { "Printer", "VIP" },
        });
        var ticket = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/tickets/{ticket.Id()}", response.Headers.Location?.OriginalString);
        Assert.True(ticket.GetProperty("number").GetInt64() >= 10001);
        Assert.Equal("Принтер не печатает", ticket.Str("subject"));
        Assert.Equal("new", ticket.Str("status"));
        Assert.Equal("high", ticket.Str("priority"));
        Assert.Equal("incident", ticket.Str("type"));
        Assert.Equal("buh@romashka.example", ticket.GetProperty("customer").Str("email"));
        Assert.Equal(["printer", "vip"], ticket.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order());

        var again = await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal(ticket.GetProperty("number").GetInt64(), again.GetProperty("number").GetInt64());
        var messages = await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages");
        var first = Assert.Single(messages.Items());
        Assert.Equal("in", first.Str("direction"));
        Assert.Equal("contact", first.GetProperty("author").Str("kind"));
    }

    [Fact]
    public async Task Same_customer_email_is_one_contact_and_numbers_increase()
    {
        var email = $"repeat-{Guid.NewGuid():N}@example.com";
        var a = await Admin.CreateTicketAsync("First", email);
        var b = await Admin.CreateTicketAsync("Second", email.ToUpperInvariant());
        Assert.Equal(a.GetProperty("customer").Id(), b.GetProperty("customer").Id());
        Assert.True(b.GetProperty("number").GetInt64() > a.GetProperty("number").GetInt64());

        var contacts = await Admin.GetJsonAsync($"/api/v1/contacts?email={Uri.EscapeDataString(email)}");
        var contact = Assert.Single(contacts.Items());
        var tickets = await Admin.GetJsonAsync($"/api/v1/contacts/{contact.Id()}/tickets");
        Assert.Equal([b.Id(), a.Id()], tickets.Items().Select(t => t.Id()));
        await Admin.GetJsonAsync("/api/v1/contacts/987654321/tickets", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_ticket_names_every_bad_field_and_writes_nothing()
    {
        var before = await okno.App.WithDbAsync(db => db.Tickets.CountAsync());
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = new string('x', 300), body = "  ", customer = new { email = "not-an-email" }, groupId = 999_999,
            tags = new[] { new string('t', 60) },
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["body", "customer.email", "groupId", "subject", "tags[0]"], problem.ErrorFields().Order());
        Assert.Equal(before, await okno.App.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.False(await okno.App.WithDbAsync(db => db.ContactEmails.AnyAsync(e => e.Address == "not-an-email")));
    }

    [Fact]
    public async Task Unknown_enum_value_and_malformed_json_are_400_naming_the_field()
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "x", body = "y", customer = new { email = "a@example.com" }, priority = "super-urgent",
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("priority", problem.ErrorFields());

        var broken = await Admin.PostAsync("/api/v1/tickets", new StringContent("{\"subject\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_ticket_is_404_problem()
    {
        var problem = await Admin.GetJsonAsync("/api/v1/tickets/987654321", HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        await Admin.PatchAsync("/api/v1/tickets/987654321", new { priority = "low" }, HttpStatusCode.NotFound);
        await Admin.GetJsonAsync("/api/v1/tickets/987654321/history", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_changes_fields_and_each_change_is_in_the_history()
    {
        var ticket = await Admin.CreateTicketAsync("Patch me");
        var group = await Admin.CreateGroupAsync();
        var changed = await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new
        {
            status = "pending", priority = "urgent", type = "bug", groupId = group, assigneeId = 1, tags = new[] { "billing" },
        });
        Assert.Equal("pending", changed.Str("status"));
        Assert.Equal("urgent", changed.Str("priority"));
        Assert.Equal(group, changed.GetProperty("groupId").GetInt64());
        Assert.Equal(1, changed.GetProperty("assigneeId").GetInt64());

        var unassigned = await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { assigneeId = (long?)null });
        Assert.Equal(JsonValueKind.Null, unassigned.GetProperty("assigneeId").ValueKind);
        Assert.Equal(group, unassigned.GetProperty("groupId").GetInt64());

        var history = (await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history?limit=100")).Items();
        var fields = history.Where(e => e.Str("kind") == "changed").Select(e => e.Str("field")).ToList();
        Assert.Equal(["assignee", "assignee", "group", "priority", "status", "tags", "type"], fields.Order());
        var status = history.Single(e => e.Str("kind") == "changed" && e.Str("field") == "status");
        Assert.Equal("new", status.Str("oldValue"));
        Assert.Equal("pending", status.Str("newValue"));
        Assert.Equal("agent", status.GetProperty("actor").Str("kind"));
        Assert.Equal(1, status.GetProperty("actor").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Illegal_status_change_is_409_and_nothing_of_the_request_is_saved()
    {
        var ticket = await Admin.CreateTicketAsync("Close then reopen");
        await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "resolved" });
        var problem = await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { priority = "urgent", status = "pending" },
            HttpStatusCode.Conflict);
        Assert.Contains("resolved", problem.Str("detail"));
        var after = await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal("resolved", after.Str("status"));
        Assert.Equal("normal", after.Str("priority"));

        await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "closed" });
        await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { status = "open" }, HttpStatusCode.Conflict);
        var reply = await Admin.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Hello?" });
        Assert.Equal(HttpStatusCode.Conflict, reply.StatusCode);
    }

    [Fact]
    public async Task Stale_version_is_refused_with_409()
    {
        var ticket = await Admin.CreateTicketAsync("Two agents at once");
        var version = ticket.GetProperty("version").GetInt64();
        await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { priority = "high", version });
        await Admin.PatchAsync($"/api/v1/tickets/{ticket.Id()}", new { priority = "low", version }, HttpStatusCode.Conflict);
        Assert.Equal("high", (await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).Str("priority"));
    }

    [Fact]
    public async Task Reply_sets_first_response_and_opens_note_does_not()
    {
        var ticket = await Admin.CreateTicketAsync("Reply to me");
        var note = await Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "Looks like the driver", @internal = true });
        Assert.True(note.GetProperty("internal").GetBoolean());
        var afterNote = await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal("new", afterNote.Str("status"));
        Assert.Equal(JsonValueKind.Null, afterNote.GetProperty("firstResponseAt").ValueKind);

        var response = await Admin.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "We are on it." });
        var reply = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/tickets/{ticket.Id()}/messages/{reply.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("out", reply.Str("direction"));
        var afterReply = await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}");
        Assert.Equal("open", afterReply.Str("status"));
        Assert.NotEqual(JsonValueKind.Null, afterReply.GetProperty("firstResponseAt").ValueKind);
        Assert.Equal(3, afterReply.GetProperty("messageCount").GetInt32());

        var kinds = (await Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history")).Items().Select(e => e.Str("kind")).ToList();
        Assert.Contains("note_added", kinds);
        Assert.Equal(2, kinds.Count(k => k == "message_added"));
    }

    [Fact]
    public async Task Html_from_outside_is_sanitized_and_text_is_never_markup()
    {
        var ticket = await Admin.CreateTicketAsync("XSS attempt");
        var html = await Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new
        {
            bodyHtml = "<p onclick=\"steal()\">Hi <img src=x onerror=alert(1)><script>alert(2)</script><a href=\"javascript:alert(3)\">link</a></p>",
        });
        var safe = html.Str("bodyHtml");
        Assert.DoesNotContain("script", safe, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", safe, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", safe, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", safe, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Hi", html.Str("bodyText"));

        var text = await Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = "<b>not bold</b> & <script>x</script>" });
        Assert.Equal("<b>not bold</b> & <script>x</script>", text.Str("bodyText"));
        Assert.Contains("&lt;b&gt;not bold&lt;/b&gt;", text.Str("bodyHtml"));
        Assert.DoesNotContain("<script>", text.Str("bodyHtml"));
    }

    [Fact]
    public async Task List_is_newest_first_filtered_and_keyset_paged_without_gaps_or_repeats()
    {
        var email = $"pager-{Guid.NewGuid():N}@example.com";
        var created = new List<long>();
        for (var i = 0; i < 5; i++) created.Add((await Admin.CreateTicketAsync($"Page {i}", email)).Id());
        var customer = (await Admin.GetJsonAsync($"/api/v1/tickets/{created[0]}")).GetProperty("customer").Id();

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items().Select(t => t.Id()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        } while (cursor is not null);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);

        await Admin.PatchAsync($"/api/v1/tickets/{created[1]}", new { status = "on_hold" });
        var onHold = await Admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&status=on_hold");
        Assert.Equal([created[1]], onHold.Items().Select(t => t.Id()));

        var byUpdate = await Admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&sort=updated&limit=1");
        Assert.Equal(created[1], Assert.Single(byUpdate.Items()).Id());
        var next = await Admin.GetJsonAsync($"/api/v1/tickets?customerId={customer}&sort=updated&limit=10&cursor={byUpdate.Str("nextCursor")}");
        Assert.DoesNotContain(created[1], next.Items().Select(t => t.Id()));
        Assert.Equal(4, next.Items().Count);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=%25%25garbage", "cursor")]
    [InlineData("status=sleeping", "status")]
    [InlineData("sort=random", "sort")]
    [InlineData("limit=abc", "limit")]
    [InlineData("assigneeId=12x", "assigneeId")]
    public async Task Bad_list_parameters_are_400_naming_the_parameter(string query, string field)
    {
        var problem = await Admin.GetJsonAsync($"/api/v1/tickets?{query}", HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem_not_a_page()
    {
        var response = await Admin.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Search_finds_by_number_subject_any_case_and_message_text_and_treats_wildcards_literally()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var bySubject = await Admin.CreateTicketAsync($"Сломался ПРИНТЕР {tag}");
        var byMessage = await Admin.CreateTicketAsync($"Other {tag}x");
        await Admin.PostJsonAsync($"/api/v1/tickets/{byMessage.Id()}/messages", new { body = $"Проверьте картридж {tag}-k" });

        async Task<List<long>> Search(string q) =>
            (await Admin.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}")).Items().Select(i => i.GetProperty("ticket").Id()).ToList();

        Assert.Equal([bySubject.Id()], await Search($"принтер {tag}"));
        Assert.Contains(byMessage.Id(), await Search($"КАРТРИДЖ {tag}-K"));
        Assert.Equal(bySubject.Id(), (await Search("#" + bySubject.GetProperty("number").GetInt64())).First());
        // Words, not substrings: a LIKE wildcard is punctuation and a prefix is not a word.
        Assert.Empty(await Search($"{tag[..4]}%"));
        Assert.Empty(await Search("_" + tag[1..] + "_"));
        Assert.Empty(await Search("   "));
    }

    [Fact]
    public async Task Attachment_is_stored_once_and_served_as_a_safe_download()
    {
        var ticket = await Admin.CreateTicketAsync("With files");
        var content = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        var message = await Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new
        {
            body = "Logs attached",
            attachments = new[]
            {
                new { fileName = "../../etc/pa\u200Bss\u202Ewd.html", contentType = "text/html", contentBase64 = Convert.ToBase64String(content) },
                new { fileName = "copy.html", contentType = "text/html", contentBase64 = Convert.ToBase64String(content) },
            },
        });
        var files = message.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.Equal("passwd.html", files[0].Str("fileName"));

        var download = await Admin.GetAsync(files[0].Str("url"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join("", download.Headers.GetValues("X-Content-Type-Options")));

        var shas = await okno.App.WithDbAsync(db => db.Attachments.Where(a => a.Message.TicketId == ticket.Id()).Select(a => a.Sha256).ToListAsync());
        Assert.Single(shas.Distinct());
        await Admin.GetJsonAsync("/api/v1/attachments/99999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Oversized_attachment_or_body_is_413_and_nothing_is_written()
    {
        await using var app = OknoFactory.Sqlite(new()
        {
            ["Okno:Limits:MaxAttachmentBytes"] = "1000", ["Okno:Limits:MaxRequestBytes"] = "20000",
        });
        var admin = await app.AdminClientAsync();
        var ticket = await admin.CreateTicketAsync("Big files");
        var tooBig = await admin.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new
        {
            body = "Here", attachments = new[] { new { fileName = "big.bin", contentBase64 = Convert.ToBase64String(new byte[2000]) } },
        });
        await tooBig.JsonAsync(HttpStatusCode.RequestEntityTooLarge);
        var hugeBody = await admin.PostAsync($"/api/v1/tickets/{ticket.Id()}/messages",
            new StringContent(JsonSerializer.Serialize(new { body = new string('a', 30000) }), Encoding.UTF8, "application/json"));
        await hugeBody.JsonAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).GetProperty("messageCount").GetInt32());
        Assert.False(await app.WithDbAsync(db => db.Attachments.AnyAsync()));
    }
}
