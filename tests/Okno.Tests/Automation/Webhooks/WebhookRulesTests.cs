using System.Net;
using System.Text.Json;
using Okno.Automation.Webhooks;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Tests.Automation.Webhooks;

/// <summary>The rules of outgoing webhooks that need no server: the signature, which addresses count as public, what a
/// URL and an allowed host may be, the retry schedule, and the shape of what is sent.</summary>
public sealed class WebhookRulesTests
{
    [Fact]
    public void The_signature_is_sha256_hex_hmac_of_timestamp_dot_body_with_the_secret()
    {
        // Computed independently (Python's hmac module) for the README's example.
        Assert.Equal("sha256=dda077da95ae5bd6ff75893a73008b6bb0559026b51c1164969b281ae4c0caf3",
            WebhookSignature.Sign("whsec-test", 1700000000, "{\"id\":1,\"event\":\"ping\"}"));
        Assert.NotEqual(WebhookSignature.Sign("whsec-test", 1700000000, "{}"), WebhookSignature.Sign("whsec-test", 1700000001, "{}"));
    }

    [Fact]
    public void Secrets_are_32_random_bytes_in_base64url()
    {
        var a = WebhookSecrets.NewSecret();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", a);
        Assert.NotEqual(a, WebhookSecrets.NewSecret());
    }

    [Theory]
    [InlineData("127.0.0.1")] [InlineData("127.255.255.254")] [InlineData("0.0.0.0")] [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")] [InlineData("10.255.255.255")] [InlineData("172.16.0.1")] [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")] [InlineData("192.168.255.255")] [InlineData("100.64.0.1")] [InlineData("100.127.255.255")]
    [InlineData("169.254.0.1")] [InlineData("169.254.169.254")] [InlineData("224.0.0.1")] [InlineData("239.255.255.255")]
    [InlineData("240.0.0.1")] [InlineData("255.255.255.255")] [InlineData("192.0.2.1")] [InlineData("198.18.0.1")]
    [InlineData("::1")] [InlineData("::")] [InlineData("fc00::1")] [InlineData("fd12:3456::1")] [InlineData("fe80::1")] [InlineData("febf::1")]
    [InlineData("ff02::1")] [InlineData("ff0e::1")] [InlineData("2001:db8::1")] [InlineData("100::1")] [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b:1::7f00:1")] [InlineData("2002:7f00:1::")] [InlineData("::127.0.0.1")]
    [InlineData("::ffff:127.0.0.1")] [InlineData("::ffff:0.0.0.0")] [InlineData("::ffff:10.1.2.3")] [InlineData("::ffff:172.16.5.4")]
    [InlineData("::ffff:192.168.1.1")] [InlineData("::ffff:100.64.0.1")] [InlineData("::ffff:169.254.169.254")] [InlineData("::ffff:224.0.0.1")]
    public void Private_loopback_link_local_and_multicast_addresses_are_not_public(string address) =>
        Assert.False(PublicNetwork.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("8.8.8.8")] [InlineData("1.1.1.1")] [InlineData("172.32.0.1")] [InlineData("172.15.255.255")] [InlineData("100.128.0.1")]
    [InlineData("100.63.255.255")] [InlineData("169.253.1.1")] [InlineData("223.255.255.254")] [InlineData("93.184.216.34")]
    [InlineData("2a00:1450:4010:c0f::64")] [InlineData("2606:4700::1111")] [InlineData("::ffff:8.8.8.8")]
    public void Internet_addresses_are_public(string address) => Assert.True(PublicNetwork.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("https://crm.example.com/hooks/okno", true)]
    [InlineData("http://crm.example.com:8080/x?y=1", true)]
    [InlineData("https://10.0.0.5/hook", true)] // saved: whether it may be reached is decided at connection
    [InlineData("https://[2001:db8::1]/hook", true)]
    [InlineData("ftp://crm.example.com/x", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/relative/path", false)]
    [InlineData("crm.example.com/x", false)]
    [InlineData("https://user:pass@crm.example.com/x", false)]
    [InlineData("https://user@crm.example.com/x", false)]
    [InlineData("https://crm.example.com/x#fragment", false)]
    [InlineData("https://crm.example.com/a b", false)]
    [InlineData("https://crm.example.com/\nHost: evil", false)]
    public void Only_absolute_http_urls_without_credentials_are_valid(string url, bool valid) => Assert.Equal(valid, WebhookUrls.IsValid(url));

    [Fact]
    public void Urls_are_required_and_at_most_2000_characters()
    {
        var errors = new FieldErrors();
        WebhookUrls.Check(errors, "url", "https://example.com/" + new string('a', 2000));
        WebhookUrls.Check(errors, "empty", " ");
        WebhookUrls.Check(errors, "ok", "https://example.com/" + new string('a', 1900));
        Assert.True(errors.Has("url"));
        Assert.True(errors.Has("empty"));
        Assert.False(errors.Has("ok"));
    }

    [Theory]
    [InlineData("LOCALHOST.", "localhost")]
    [InlineData("crm.internal", "crm.internal")]
    [InlineData("10.0.0.5", "10.0.0.5")]
    [InlineData("[::1]", "::1")]
    [InlineData("0:0:0:0:0:0:0:1", "::1")]
    [InlineData("bad host", null)]
    [InlineData("<script>", null)]
    [InlineData("http://crm.internal", null)]
    [InlineData("", null)]
    public void Allowed_hosts_are_exact_names_or_addresses_in_one_form(string host, string? normal) => Assert.Equal(normal, WebhookUrls.NormalHost(host));

    [Fact]
    public void Retries_wait_30_s_2_min_10_min_1_h_3_h_6_h_and_then_the_delivery_fails()
    {
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6)],
            Enumerable.Range(1, 6).Select(a => WebhooksOptions.RetryAfter(a)!.Value));
        Assert.Null(WebhooksOptions.RetryAfter(7));
        Assert.Null(WebhooksOptions.RetryAfter(0));
    }

    [Fact]
    public void The_body_puts_the_delivery_id_first_and_keeps_the_rest()
    {
        var body = WebhookPayloads.Body(42, "{\"event\":\"ticket_created\",\"ticket\":{\"id\":7}}");
        Assert.Equal("{\"id\":42,\"event\":\"ticket_created\",\"ticket\":{\"id\":7}}", body);
        Assert.Equal(42, JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64());
        Assert.Equal("{\"id\":5}", WebhookPayloads.Body(5, "{}"));
    }

    public static TheoryData<TicketDomainEvent, string?> Mapped => new()
    {
        { new TicketCreated(10001, "S", "email", 1), WebhookEvents.TicketCreated },
        { new MessageReceived(1), WebhookEvents.MessageCreated },
        { new ReplySent(1), WebhookEvents.MessageCreated },
        { new NoteAdded(1), WebhookEvents.MessageCreated },
        { new TicketStatusChanged(TicketStatus.New, TicketStatus.Open), WebhookEvents.TicketUpdated },
        { new TicketTagsChanged([], ["vip"]), WebhookEvents.TicketUpdated },
        { new TicketMerged(false, 3, 10003), WebhookEvents.TicketUpdated },
        { new TicketCustomerChanged(1, 2), WebhookEvents.TicketUpdated },
        { new SlaAlertRaised("first_response", false, DateTimeOffset.UnixEpoch), WebhookEvents.SlaWarning },
        { new SlaAlertRaised("resolution", true, DateTimeOffset.UnixEpoch), WebhookEvents.SlaBreach },
    };

    [Theory]
    [MemberData(nameof(Mapped))]
    public void Ticket_events_map_to_webhook_events(TicketDomainEvent ticketEvent, string? expected)
    {
        Assert.Equal(expected, WebhookEvents.Of(ticketEvent));
        Assert.True(WebhookEvents.Maps(ticketEvent.TypeName));
    }

    [Fact]
    public void A_change_names_the_field_and_its_values_as_the_api_writes_them()
    {
        var status = WebhookPayloads.Change(new TicketStatusChanged(TicketStatus.Pending, TicketStatus.OnHold))!;
        Assert.Equal("{\"field\":\"status\",\"from\":\"pending\",\"to\":\"on_hold\"}", status.ToJsonString());
        var assignee = WebhookPayloads.Change(new TicketAssigneeChanged(null, 5))!;
        Assert.Equal("{\"field\":\"assignee\",\"from\":null,\"to\":5}", assignee.ToJsonString());
        var tags = WebhookPayloads.Change(new TicketTagsChanged(["a"], ["a", "vip"]))!;
        Assert.Equal("{\"field\":\"tags\",\"from\":[\"a\"],\"to\":[\"a\",\"vip\"]}", tags.ToJsonString());
        Assert.Null(WebhookPayloads.Change(new TicketCreated(1, "S", "api", 1)));
    }
}
