using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Platform.Data;
using Okno.Portal;
using Okno.Surveys;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Portal;

/// <summary>The customer portal on both databases. Isolation first: a contact of company A tries every id of company B's
/// (and, not being a manager, of a colleague's) tickets, messages, attachments, objects and equipment on every portal
/// route and gets the same 404; the agents' cookie and the portal's never open each other's pages; sign-in answers the
/// same for every address; links are single-use and expire; internal notes never show.</summary>
public sealed class PortalTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static OknoFactory App(string provider, Dictionary<string, string?>? extra = null, FakeTimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?> { ["Okno:Channels:RunJobs"] = "false", ["Okno:Notifications:BaseUrl"] = "https://desk.example.test/" };
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return OknoFactory.For(provider, settings, s =>
        {
            ClientAddress.Register(s);
            if (clock is not null) s.AddSingleton<TimeProvider>(clock);
        });
    }

    private static object MailboxSettings() => new
    {
        imapHost = (string?)null, imapPort = 143, imapSecurity = "none", imapUser = (string?)null, imapPassword = (string?)null, imapFolder = "INBOX",
        smtpHost = "127.0.0.1", smtpPort = 2525, smtpSecurity = "none", fromName = "Support", fromAddress = "support@desk.example.test", acknowledgeNew = false,
    };

    /// <summary>Two client companies: A with members Anna and Boris and manager Maria, B with member Viktor; each company has
    /// an object with equipment, each member a ticket with an attachment, an agent's reply and an internal note.</summary>
    private sealed record Desk(HttpClient Admin, long CompanyA, long CompanyB, Person Anna, Person Boris, Person Maria, Person Viktor,
        long ObjectA, long EquipmentA, long ObjectB, long EquipmentB);

    private sealed record Person(long ContactId, string Email, long TicketId, long ReplyId, long NoteId, long CustomerAttachmentId, long NoteAttachmentId,
        string Reference, string Subject);

    private static async Task<Desk> DeskAsync(OknoFactory app)
    {
        var admin = await app.AdminClientAsync();
        await admin.PostJsonAsync("/api/v1/channels/email", new { name = "Support", settings = MailboxSettings() }, HttpStatusCode.Created);
        var a = (await admin.PostJsonAsync("/api/v1/companies", new { name = "Альфа" })).Id();
        var b = (await admin.PostJsonAsync("/api/v1/companies", new { name = "Бета" })).Id();
        var objectA = (await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = a, name = "Офис Альфы", kind = "office" }, HttpStatusCode.Created)).Id();
        var objectB = (await admin.PostJsonAsync("/api/v1/service-objects", new { companyId = b, name = "Склад Беты", kind = "warehouse" }, HttpStatusCode.Created)).Id();
        var equipmentA = (await admin.PostJsonAsync("/api/v1/equipment", new { companyId = a, type = "Принтер", model = "HP-A", serialNumber = "SN-ALPHA-1", serviceObjectId = objectA }, HttpStatusCode.Created)).Id();
        var equipmentB = (await admin.PostJsonAsync("/api/v1/equipment", new { companyId = b, type = "Сканер", model = "XB-9", serialNumber = "SN-BETA-1", serviceObjectId = objectB }, HttpStatusCode.Created)).Id();
        async Task<Person> PersonAsync(string name, string email, long company, bool manager)
        {
            var contact = (await admin.PostJsonAsync("/api/v1/contacts", new { name, companyId = company, emails = new[] { email } }, HttpStatusCode.Created)).Id();
            if (manager)
                await (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact}/companies/{company}", new { role = "manager" })).JsonAsync(HttpStatusCode.OK);
            await admin.PostJsonAsync($"/api/v1/contacts/{contact}/portal/invite", new { }, HttpStatusCode.OK);
            var subject = $"Заявка {name} {Guid.NewGuid():N}"[..30];
            var ticket = await admin.CreateTicketAsync(subject, email, new
            {
                attachments = new[] { new { fileName = $"{name}-photo.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("customer file"u8.ToArray()) } },
            });
            var reply = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new { body = $"Ответ агента для {name}" }, HttpStatusCode.Created);
            var note = await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id()}/messages", new
            {
                body = $"SECRET-NOTE {name}", @internal = true,
                attachments = new[] { new { fileName = "secret.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("secret"u8.ToArray()) } },
            }, HttpStatusCode.Created);
            var ids = await app.WithDbAsync(async db => (
                Customer: await db.Attachments.Where(x => x.Message.TicketId == ticket.Id() && !x.Message.IsInternal).Select(x => x.Id).SingleAsync(),
                Note: await db.Attachments.Where(x => x.Message.TicketId == ticket.Id() && x.Message.IsInternal).Select(x => x.Id).SingleAsync(),
                Reference: await db.Tickets.Where(t => t.Id == ticket.Id()).Select(t => t.Reference!).SingleAsync()));
            return new Person(contact, email, ticket.Id(), reply.Id(), note.Id(), ids.Customer, ids.Note, ids.Reference, subject);
        }
        return new Desk(admin, a, b, await PersonAsync("Анна", "anna@alfa.example", a, false), await PersonAsync("Борис", "boris@alfa.example", a, false),
            await PersonAsync("Мария", "maria@alfa.example", a, true), await PersonAsync("Виктор", "viktor@beta.example", b, false), objectA, equipmentA, objectB, equipmentB);
    }

    private static async Task AssertNotFoundEverywhereAsync(PortalVisitor visitor, Person other, Desk desk)
    {
        foreach (var url in new[]
        {
            $"/portal/tickets/{other.TicketId}", $"/portal/api/tickets/{other.TicketId}/messages", $"/portal/api/tickets/{other.TicketId}/messages?after=0",
            $"/portal/attachments/{other.CustomerAttachmentId}", $"/portal/attachments/{other.NoteAttachmentId}",
        })
            Assert.True((await visitor.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        // A reply and a rating posted to it: the same 404, and nothing written.
        var own = $"/portal/tickets/new";
        var reply = await visitor.PostFormAsync(own, "reply", new() { ["Reply.Text"] = "чужая заявка" }, action: $"/portal/tickets/{other.TicketId}");
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        var rate = await visitor.PostFormAsync(own, "rate", new() { ["Rate.Value"] = "1" }, action: $"/portal/tickets/{other.TicketId}");
        Assert.Equal(HttpStatusCode.NotFound, rate.StatusCode);
        // Search finds nothing of theirs, by subject or by reference.
        foreach (var q in new[] { other.Subject, other.Reference, Okno.Tickets.TicketReference.Format(other.Reference) })
        {
            var html = await visitor.GetStringAsync($"/portal/tickets?state=all&q={Uri.EscapeDataString(q)}");
            Assert.DoesNotContain($"data-ticket-id=\"{other.TicketId}\"", html);
            Assert.Contains("portal-no-tickets", html);   // the query is echoed in the search box, so only the results are checked
        }
        Assert.DoesNotContain($"data-ticket-id=\"{other.TicketId}\"", await visitor.GetStringAsync("/portal/tickets?state=all"));
        Assert.Equal(0, await CountMessagesAsync(desk, other.TicketId, "чужая заявка"));
    }

    private static async Task<int> CountMessagesAsync(Desk desk, long ticketId, string text)
    {
        var messages = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{ticketId}/messages");
        var list = messages.ValueKind == JsonValueKind.Array ? messages.EnumerateArray().ToList() : messages.Items().ToList();
        return list.Count(m => m.GetProperty("bodyText").GetString()?.Contains(text, StringComparison.Ordinal) == true);
    }

    [Theory]
    [BothDatabases]
    public async Task A_member_reaches_only_their_own_tickets_and_a_manager_only_their_companys_on_every_route(string provider)
    {
        await using var app = App(provider);
        var desk = await DeskAsync(app);

        var anna = new PortalVisitor(app);
        await anna.SignInByLinkAsync(desk.Anna.Email);
        // Her own ticket: the public timeline with the agent's reply and her file; never the internal note or its file.
        var page = await anna.GetAsync($"/portal/tickets/{desk.Anna.TicketId}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Ответ агента для Анна", html);
        Assert.Contains($"/portal/attachments/{desk.Anna.CustomerAttachmentId}", html);
        Assert.DoesNotContain("SECRET-NOTE", html);
        Assert.DoesNotContain($"/portal/attachments/{desk.Anna.NoteAttachmentId}", html);
        Assert.DoesNotContain("customer@", html);
        var live = await (await anna.GetAsync($"/portal/api/tickets/{desk.Anna.TicketId}/messages?after=0")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, live.Items().Count);
        Assert.DoesNotContain("SECRET-NOTE", live.GetRawText());
        var download = await anna.GetAsync($"/portal/attachments/{desk.Anna.CustomerAttachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("customer file", await download.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/portal/attachments/{desk.Anna.NoteAttachmentId}")).StatusCode);

        // Every id of a colleague's (she is no manager) and of the other company's: 404, the same as an id that does not exist.
        await AssertNotFoundEverywhereAsync(anna, desk.Boris, desk);
        await AssertNotFoundEverywhereAsync(anna, desk.Maria, desk);
        await AssertNotFoundEverywhereAsync(anna, desk.Viktor, desk);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync("/portal/tickets/99999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync("/portal/equipment")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/portal/equipment?company={desk.CompanyA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync($"/portal/equipment?company={desk.CompanyB}")).StatusCode);
        foreach (var company in new[] { "", $"?company={desk.CompanyA}", $"?company={desk.CompanyB}" })
            Assert.Equal(HttpStatusCode.NotFound, (await anna.GetAsync("/portal/statements" + company)).StatusCode);
        // The new-ticket pickers list her company's object and equipment only; another company's ids are refused as unknown ones.
        var form = await anna.GetStringAsync("/portal/tickets/new");
        Assert.Contains("Офис Альфы", form);
        Assert.DoesNotContain("Склад Беты", form);
        Assert.DoesNotContain("SN-BETA-1", form);
        var foreignObject = await anna.PostFormAsync("/portal/tickets/new", "new-ticket", new()
        {
            ["Input.Subject"] = "Чужой объект", ["Input.Text"] = "x", ["Input.Type"] = "Incident", ["Input.ServiceObjectId"] = desk.ObjectB.ToString(),
        });
        var unknownObject = await anna.PostFormAsync("/portal/tickets/new", "new-ticket", new()
        {
            ["Input.Subject"] = "Чужой объект", ["Input.Text"] = "x", ["Input.Type"] = "Incident", ["Input.ServiceObjectId"] = "99999999",
        });
        Assert.Equal(HttpStatusCode.BadRequest, foreignObject.StatusCode);
        var (unknownHtml, foreignHtml) = (PortalVisitor.Normalized(await unknownObject.Content.ReadAsStringAsync()), PortalVisitor.Normalized(await foreignObject.Content.ReadAsStringAsync()));
        Assert.Equal(unknownHtml, foreignHtml);
        var foreignEquipment = await anna.PostFormAsync("/portal/tickets/new", "new-ticket", new()
        {
            ["Input.Subject"] = "Чужое оборудование", ["Input.Text"] = "x", ["Input.Type"] = "Incident", ["Input.EquipmentId"] = desk.EquipmentB.ToString(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, foreignEquipment.StatusCode);

        // The manager of A sees every ticket of A, and still nothing of B.
        var maria = new PortalVisitor(app);
        await maria.SignInByLinkAsync(desk.Maria.Email);
        var list = await maria.GetStringAsync("/portal/tickets?state=all");
        foreach (var person in new[] { desk.Anna, desk.Boris, desk.Maria })
        {
            Assert.Contains($"data-ticket-id=\"{person.TicketId}\"", list);
            Assert.Equal(HttpStatusCode.OK, (await maria.GetAsync($"/portal/tickets/{person.TicketId}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await maria.GetAsync($"/portal/attachments/{person.CustomerAttachmentId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await maria.GetAsync($"/portal/attachments/{person.NoteAttachmentId}")).StatusCode);
        }
        await AssertNotFoundEverywhereAsync(maria, desk.Viktor, desk);
        var equipment = await maria.GetAsync("/portal/equipment");
        var equipmentHtml = await equipment.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, equipment.StatusCode);
        Assert.Contains("SN-ALPHA-1", equipmentHtml);
        Assert.Contains($"data-object-id=\"{desk.ObjectA}\"", equipmentHtml);
        Assert.DoesNotContain("SN-BETA-1", equipmentHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await maria.GetAsync($"/portal/equipment?company={desk.CompanyB}")).StatusCode);
        // Her company's statement of work for the month, never another company's (a material logged on each company's ticket).
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await desk.Admin.PostJsonAsync($"/api/v1/tickets/{desk.Boris.TicketId}/work-lines", new { name = "Кабель Альфа", price = 40m, unit = "m", quantity = 3m });
        await desk.Admin.PostJsonAsync($"/api/v1/tickets/{desk.Viktor.TicketId}/work-lines", new { name = "Кабель Бета", price = 50m, unit = "m", quantity = 2m });
        var statement = await maria.GetAsync($"/portal/statements?month={month}");
        var statementHtml = await statement.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, statement.StatusCode);
        Assert.Contains("Кабель Альфа", statementHtml);
        Assert.Contains("120.00", statementHtml);
        Assert.DoesNotContain("Кабель Бета", statementHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await maria.GetAsync($"/portal/statements?company={desk.CompanyB}&month={month}")).StatusCode);
        // A manager replies on a colleague's ticket as themselves.
        var managerReply = await maria.PostFormAsync($"/portal/tickets/{desk.Boris.TicketId}", "reply", new() { ["Reply.Text"] = "Ответ руководителя" });
        Assert.Equal(HttpStatusCode.Redirect, managerReply.StatusCode);
        Assert.Equal(1, await CountMessagesAsync(desk, desk.Boris.TicketId, "Ответ руководителя"));

        // Losing the manager role applies at the next request: Boris's ticket is gone for her.
        await (await desk.Admin.PutAsJsonAsync($"/api/v1/contacts/{desk.Maria.ContactId}/companies/{desk.CompanyA}", new { role = "member" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await maria.GetAsync($"/portal/tickets/{desk.Boris.TicketId}")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task The_agents_cookie_never_opens_the_portal_and_the_portal_cookie_never_opens_agent_pages_or_the_api(string provider)
    {
        await using var app = App(provider);
        var desk = await DeskAsync(app);
        var staff = await app.CookieClientAsync();
        foreach (var url in new[] { "/portal/tickets", $"/portal/tickets/{desk.Anna.TicketId}", "/portal/equipment" })
        {
            var answer = await staff.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith("/portal/signin", answer.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync($"/portal/api/tickets/{desk.Anna.TicketId}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync($"/portal/attachments/{desk.Anna.CustomerAttachmentId}")).StatusCode);

        var anna = new PortalVisitor(app);
        await anna.SignInByLinkAsync(desk.Anna.Email);
        var cookie = anna.Cookie(PortalAuth.CookieName)!;
        Assert.NotNull(cookie);
        async Task<HttpResponseMessage> WithPortalCookieAsync(string url, string name)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", $"{name}={cookie}");
            return await anna.SendAsync(request, withCookies: false);
        }
        // Sent where a browser never would (its path is /portal), under its own name and as if it were the agents' cookie.
        foreach (var name in new[] { PortalAuth.CookieName, "okno.auth" })
        {
            var home = await WithPortalCookieAsync("/inbox", name);
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.StartsWith("/signin", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await WithPortalCookieAsync($"/api/v1/tickets/{desk.Anna.TicketId}", name)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await WithPortalCookieAsync("/api/v1/tickets", name)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await WithPortalCookieAsync($"/api/v1/attachments/{desk.Anna.CustomerAttachmentId}", name)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await WithPortalCookieAsync("/portal/tickets", PortalAuth.CookieName)).StatusCode);

        // Signing out revokes the session on the server: the same cookie no longer opens anything.
        var signedOut = await anna.PostFormAsync("/portal/tickets", "", new(), action: "/portal/signout");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WithPortalCookieAsync("/portal/tickets", PortalAuth.CookieName)).StatusCode);

        // Revoking access ends every session at once.
        var again = new PortalVisitor(app);
        await again.SignInByLinkAsync(desk.Anna.Email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/portal/tickets")).StatusCode);
        var revoked = await (await desk.Admin.DeleteAsync($"/api/v1/contacts/{desk.Anna.ContactId}/portal")).JsonAsync(HttpStatusCode.OK);
        Assert.False(revoked.GetProperty("hasAccess").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/portal/tickets")).StatusCode);
    }

    [Theory]
    [BothDatabases]
    public async Task Sign_in_answers_the_same_for_a_known_an_unknown_and_an_uninvited_address_and_links_are_single_use_and_expire(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        // Many sign-in posts from one test client: the per-address limit (tested on its own below) is lifted.
        await using var app = App(provider, new() { ["Okno:Portal:SignInPerAddressPerMinute"] = "1000" }, clock);
        var desk = await DeskAsync(app);
        var uninvited = (await desk.Admin.PostJsonAsync("/api/v1/contacts", new { name = "Без доступа", companyId = desk.CompanyA, emails = new[] { "noaccess@alfa.example" } },
            HttpStatusCode.Created)).Id();
        Assert.False((await desk.Admin.GetJsonAsync($"/api/v1/contacts/{uninvited}/portal")).GetProperty("hasAccess").GetBoolean());

        var visitor = new PortalVisitor(app);
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var email in new[] { desk.Anna.Email, "nobody@nowhere.example", "noaccess@alfa.example" })
        {
            var response = await visitor.RequestLinkAsync(email);
            // The form shows back what was typed; apart from that, one answer.
            answers.Add((response.StatusCode, PortalVisitor.Normalized(await response.Content.ReadAsStringAsync()).Replace(email, "EMAIL")));
        }
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.OK, answers[0].Item1);
        var passwords = new List<(HttpStatusCode, string)>();
        foreach (var email in new[] { desk.Anna.Email, "nobody@nowhere.example", "noaccess@alfa.example" })
        {
            var response = await visitor.PasswordAsync(email, "wrong-password-123");
            passwords.Add((response.StatusCode, PortalVisitor.Normalized(await response.Content.ReadAsStringAsync()).Replace(email, "EMAIL")));
        }
        Assert.All(passwords, a => Assert.Equal(passwords[0], a));
        // Only the invited contact got a link.
        var token = await PortalVisitor.WaitForTokenAsync(app, desk.Anna.Email, "/portal/signin/link?token=");
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Okno.Channels.ChannelDelivery>().CountAsync(d => d.Recipient == "noaccess@alfa.example" || d.Recipient == "nobody@nowhere.example")));
        // Stored hashed only.
        Assert.False(await app.WithDbAsync(db => db.PortalTokens.AnyAsync(t => t.TokenHash == token)));

        // Opening the link spends nothing; the button's post does, once.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/portal/signin/link?token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.UseLinkAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal/tickets")).StatusCode);
        var second = await new PortalVisitor(app).UseLinkAsync(token);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("portal-link-expired", await second.Content.ReadAsStringAsync());

        // A fresh link that waits 16 minutes no longer works.
        var before = await PortalVisitor.LatestPortalMailIdAsync(app);
        await new PortalVisitor(app).RequestLinkAsync(desk.Anna.Email);
        var late = await PortalVisitor.WaitForTokenAsync(app, desk.Anna.Email, "/portal/signin/link?token=", before);
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.BadRequest, (await new PortalVisitor(app).UseLinkAsync(late)).StatusCode);

        // The invitation's set-password link sets a password, which then signs in (and a wrong one does not).
        var invitation = await PortalVisitor.WaitForTokenAsync(app, desk.Boris.Email, "/portal/password?token=");
        var boris = new PortalVisitor(app);
        var tooShort = await boris.PostFormAsync($"/portal/password?token={invitation}", "set-password",
            new() { ["Input.Token"] = invitation, ["Input.Password"] = "short", ["Input.Repeat"] = "short" });
        Assert.True(tooShort.StatusCode == HttpStatusCode.BadRequest, $"{tooShort.StatusCode}: {await tooShort.Content.ReadAsStringAsync()}");
        var set = await boris.PostFormAsync($"/portal/password?token={invitation}", "set-password",
            new() { ["Input.Token"] = invitation, ["Input.Password"] = "boris-secret-42", ["Input.Repeat"] = "boris-secret-42" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.StartsWith("AQAAAA", await app.WithDbAsync(db => db.PortalAccounts.Where(a => a.ContactId == desk.Boris.ContactId).Select(a => a.PasswordHash).SingleAsync()));
        var byPassword = new PortalVisitor(app);
        Assert.Equal(HttpStatusCode.Redirect, (await byPassword.PasswordAsync(desk.Boris.Email, "boris-secret-42")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await byPassword.GetAsync("/portal/tickets")).StatusCode);
        var wrong = await new PortalVisitor(app).PasswordAsync(desk.Boris.Email, "boris-secret-43");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("portal-signin-failed", await wrong.Content.ReadAsStringAsync());
    }

    [Theory]
    [BothDatabases]
    public async Task Sign_in_is_rate_limited_per_client_address_and_per_email_with_retry_after(string provider)
    {
        await using var app = App(provider, new() { ["Okno:Portal:SignInPerAddressPerMinute"] = "3", ["Okno:Portal:SignInPerEmailPerHour"] = "2" });
        await app.AdminClientAsync();
        var one = new PortalVisitor(app, "203.0.113.7");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await one.RequestLinkAsync($"someone{i}@example.test")).StatusCode);
        var limited = await one.RequestLinkAsync("someone9@example.test");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);
        // Another address is not held back by the first one's count...
        Assert.Equal(HttpStatusCode.OK, (await new PortalVisitor(app, "203.0.113.8").RequestLinkAsync("target@example.test")).StatusCode);
        // ...but one email is, whichever addresses ask for it.
        Assert.Equal(HttpStatusCode.OK, (await new PortalVisitor(app, "203.0.113.9").PasswordAsync("target@example.test", "guess-number-1")).StatusCode);
        var perEmail = await new PortalVisitor(app, "203.0.113.10").PasswordAsync("TARGET@example.test", "guess-number-2");
        Assert.Equal(HttpStatusCode.TooManyRequests, perEmail.StatusCode);
        Assert.True(perEmail.Headers.Contains("Retry-After"));
        Assert.Contains("portal-rate-limited", await perEmail.Content.ReadAsStringAsync());
    }

    [Theory]
    [BothDatabases]
    public async Task A_contact_creates_a_ticket_with_a_file_replies_sees_the_agents_reply_live_and_rates_the_resolution_once(string provider)
    {
        await using var app = App(provider);
        var desk = await DeskAsync(app);
        await (await desk.Admin.PutAsJsonAsync("/api/v1/surveys/csat/settings", new
        {
            @default = new { enabled = true, delayMinutes = 60, textEn = (string?)null, textRu = (string?)null },
            channels = Array.Empty<object>(), groups = Array.Empty<object>(), lowRatingThreshold = 2,
        })).JsonAsync(HttpStatusCode.OK);
        await desk.Admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "ticket", key = "floor", labelRu = "Этаж", labelEn = "Floor", type = "number" });
        await desk.Admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "ticket", key = "urgency", labelRu = "Срочность", labelEn = "Urgency", type = "one_of",
            options = new[] { new { key = "today", labelRu = "Сегодня", labelEn = "Today" }, new { key = "week", labelRu = "На неделе", labelEn = "This week" } } });
        await desk.Admin.PostJsonAsync("/api/v1/custom-fields", new { entity = "ticket", key = "requester", labelRu = "Заявитель", labelEn = "Requester", type = "contact_link" });
        var anna = new PortalVisitor(app);
        await anna.SignInByLinkAsync(desk.Anna.Email);
        // The ticket's custom fields are on the form, except links (a contact picker would list other clients' people).
        var form = await anna.GetStringAsync("/portal/tickets/new");
        Assert.Contains("portal-cf-floor", form);
        Assert.Contains("portal-cf-urgency", form);
        Assert.DoesNotContain("portal-cf-requester", form);
        var badField = await anna.PostFormAsync("/portal/tickets/new", "new-ticket", new()
        {
            ["Input.Subject"] = "Плохое поле", ["Input.Text"] = "x", ["Input.Type"] = "Incident", ["cf.urgency"] = "yesterday",
        });
        Assert.Equal(HttpStatusCode.BadRequest, badField.StatusCode);

        var created = await anna.PostFormAsync("/portal/tickets/new", "new-ticket", new()
        {
            ["Input.Subject"] = "Не печатает принтер", ["Input.Text"] = "Замятие бумаги", ["Input.Type"] = "Incident",
            ["Input.EquipmentId"] = desk.EquipmentA.ToString(), ["cf.floor"] = "3", ["cf.urgency"] = "today",
        }, files: [("files", "error.log", "paper jam"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var ticketId = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var ticket = await desk.Admin.GetJsonAsync($"/api/v1/tickets/{ticketId}");
        Assert.Equal(("incident", "portal", desk.Anna.ContactId), (ticket.Str("type"), ticket.Str("channel"), ticket.GetProperty("customer").Id()));
        Assert.Equal((3, "today"), (ticket.GetProperty("customFields").GetProperty("floor").GetInt32(), ticket.GetProperty("customFields").Str("urgency")));
        Assert.Equal(desk.EquipmentA, await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.EquipmentId).SingleAsync()));
        Assert.Equal(desk.ObjectA, await app.WithDbAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.ServiceObjectId).SingleAsync()));
        Assert.Equal("error.log", await app.WithDbAsync(db => db.Attachments.Where(a => a.Message.TicketId == ticketId).Select(a => a.FileName).SingleAsync()));

        // The agent answers; the page's live feed brings it after the last message shown.
        var shown = await (await anna.GetAsync($"/portal/api/tickets/{ticketId}/messages")).JsonAsync(HttpStatusCode.OK);
        var lastShown = shown.Items()[^1].Id();
        await desk.Admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "Заменили картридж" }, HttpStatusCode.Created);
        await desk.Admin.PostJsonAsync($"/api/v1/tickets/{ticketId}/messages", new { body = "SECRET-NOTE live", @internal = true }, HttpStatusCode.Created);
        var fresh = await (await anna.GetAsync($"/portal/api/tickets/{ticketId}/messages?after={lastShown}")).JsonAsync(HttpStatusCode.OK);
        var arrived = Assert.Single(fresh.Items());
        Assert.Contains("Заменили картридж", arrived.Str("text"));
        Assert.False(arrived.GetProperty("fromCustomer").GetBoolean());

        // Her reply, with a file, goes through the one write path as hers.
        var reply = await anna.PostFormAsync($"/portal/tickets/{ticketId}", "reply", new() { ["Reply.Text"] = "Спасибо, работает" },
            files: [("files", "photo.txt", "ok"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var last = await app.WithDbAsync(db => db.Messages.Where(m => m.TicketId == ticketId).OrderByDescending(m => m.Id)
            .Select(m => new { m.BodyText, m.AuthorKind, m.AuthorId, Files = m.Attachments.Count }).FirstAsync());
        Assert.Equal(("Спасибо, работает", Okno.Tickets.ActorKind.Contact, (long?)desk.Anna.ContactId, 1), (last.BodyText, last.AuthorKind, last.AuthorId, last.Files));
        var empty = await anna.PostFormAsync($"/portal/tickets/{ticketId}", "reply", new() { ["Reply.Text"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        // Resolved: she rates it once, through the CSAT answers.
        await desk.Admin.PatchAsync($"/api/v1/tickets/{ticketId}", new { status = "resolved" });
        await JobHelpers.UntilAsync(() => app.WithDbAsync(db => db.CsatSurveys.AnyAsync(s => s.TicketId == ticketId)), 30);
        Assert.Contains("portal-rate-5", await anna.GetStringAsync($"/portal/tickets/{ticketId}"));
        // Boris (same company, no manager) cannot rate it.
        var boris = new PortalVisitor(app);
        await boris.SignInByLinkAsync(desk.Boris.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await boris.PostFormAsync("/portal/tickets/new", "rate", new() { ["Rate.Value"] = "1" }, action: $"/portal/tickets/{ticketId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anna.PostFormAsync($"/portal/tickets/{ticketId}", "rate", new() { ["Rate.Value"] = "4" })).StatusCode);
        var survey = await app.WithDbAsync(db => db.CsatSurveys.SingleAsync(s => s.TicketId == ticketId));
        Assert.Equal((CsatStatus.Answered, (int?)4), (survey.Status, survey.Rating));
        var page = await anna.GetStringAsync($"/portal/tickets/{ticketId}");
        Assert.Contains("portal-rated", page);
        Assert.DoesNotContain("portal-rate-5", page);
        await anna.PostFormAsync($"/portal/tickets/{ticketId - 0}", "rate", new() { ["Rate.Value"] = "1" }, action: $"/portal/tickets/{ticketId}");
        Assert.Equal(4, await app.WithDbAsync(db => db.CsatSurveys.Where(s => s.TicketId == ticketId).Select(s => s.Rating).SingleAsync()));
    }
}
