using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Channels.Adapters;
using Okno.Platform.Web;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.Tests.Channels;

public sealed class ChannelKindTests
{
    [Theory]
    [InlineData("email", "email")]
    [InlineData(" Telegram ", "telegram")]
    [InlineData("max_messenger2", "max_messenger2")]
    public void A_kind_is_a_lower_case_word(string given, string expected)
    {
        Assert.True(ChannelKind.TryParse(given, out var kind));
        Assert.Equal(expected, kind.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("e-mail")]
    [InlineData("почта")]
    [InlineData("a_kind_that_is_much_longer_than_32")]
    public void Anything_else_is_not_a_kind(string given)
    {
        Assert.False(ChannelKind.TryParse(given, out _));
        var errors = new FieldErrors();
        Assert.Null(ChannelKind.Read(given.Length == 0 ? "?" : given, "channel", errors));
        Assert.True(errors.Any);
    }

    [Fact]
    public void Two_adapters_for_one_kind_fail_at_start_up()
    {
        var builder = new ChannelsBuilder(new ServiceCollection()).AddAdapter<LogAdapter, LogSettings>("log");
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddAdapter<WebFormAdapter, WebFormSettings>("log"));
        Assert.Contains("'log'", error.Message);
        Assert.Throws<ArgumentException>(() => builder.AddAdapter<WebFormAdapter, WebFormSettings>("Web Form"));
    }

    [Fact]
    public void Waits_double_after_each_failure_up_to_the_cap()
    {
        var options = new ChannelsOptions { MaxBackoff = TimeSpan.FromMinutes(3) };
        var first = TimeSpan.FromSeconds(30);
        Assert.Equal([30, 60, 120, 180, 180], new[] { 1, 2, 3, 4, 10 }.Select(n => options.Backoff(first, n).TotalSeconds));
    }
}

/// <summary>The web form's push endpoint, end to end with the jobs running: checked, stored, acknowledged, and turned
/// into a ticket in the account's group by the inbound job it wakes.</summary>
public sealed class WebFormChannelTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task A_form_post_is_checked_stored_once_and_becomes_a_web_ticket_in_the_accounts_group()
    {
        var group = await okno.Admin.CreateGroupAsync();
        var token = "form-token-" + Guid.NewGuid().ToString("N");
        var account = await okno.Admin.PostJsonAsync("/api/v1/channels", new { kind = "web", name = "Site form " + token[^6..], groupId = group, settings = new { token } });
        var url = account.Str("inboundUrl");
        var anonymous = okno.App.CreateClient();
        var external = Guid.NewGuid().ToString("N");
        var form = new { id = external, from = "visitor-" + external, name = "Мария", subject = "Не приходит счёт", text = "Счёт за май не пришёл" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(url, form)).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(form) };
        request.Headers.Add(WebFormAdapter.TokenHeader, token);
        var first = await (await anonymous.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("stored").GetInt32());
        var again = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(form) };
        again.Headers.Add(WebFormAdapter.TokenHeader, token);
        Assert.Equal(0, (await (await anonymous.SendAsync(again)).JsonAsync(HttpStatusCode.OK)).GetProperty("stored").GetInt32());

        var ticket = await JobHelpers.EventuallyAsync(() => okno.App.WithDbAsync(db => db.Tickets
            .Where(t => t.Contact.ExternalIds.Any(x => x.ExternalId == form.from)).FirstOrDefaultAsync()));
        Assert.Equal((ChannelKind.Web, group, "Не приходит счёт"), (ticket.Channel, ticket.GroupId!.Value, ticket.Subject));
        var read = await okno.Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id}");
        Assert.Equal("web", read.Str("channel"));

        // A web form cannot carry the answer back: the agent's reply fails for good, and a note says so.
        var reply = await okno.Admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { body = "Отправили повторно" }, HttpStatusCode.Created);
        Assert.Equal("queued", reply.Str("delivery"));
        await JobHelpers.UntilAsync(async () =>
            (await okno.Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id}/messages")).Items().Single(m => m.Id() == reply.Id()).Str("delivery") == "failed");
        Assert.Contains((await okno.Admin.GetJsonAsync($"/api/v1/tickets/{ticket.Id}/messages")).Items(),
            m => m.GetProperty("internal").GetBoolean() && m.Str("bodyText").Contains("web form", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tickets_accept_any_channel_word_and_filter_by_it()
    {
        var email = $"kinds-{Guid.NewGuid():N}@example.com";
        var ticket = await okno.Admin.CreateTicketAsync("From the kiosk", email, new { channel = "Kiosk" });
        Assert.Equal("kiosk", ticket.Str("channel"));
        Assert.Equal([ticket.Id()], (await okno.Admin.GetJsonAsync($"/api/v1/tickets?channel=kiosk&customerId={ticket.GetProperty("customer").Id()}")).Items().Select(t => t.Id()));
        var bad = await (await okno.Admin.PostAsJsonAsync("/api/v1/tickets", new
        {
            subject = "x", body = "y", customer = new { email }, channel = "kiosk #2",
        })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["channel"], bad.ErrorFields());
    }
}
