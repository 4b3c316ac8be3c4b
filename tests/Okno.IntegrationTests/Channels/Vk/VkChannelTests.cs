using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Customers;
using Okno.Channels.Vk;
using Okno.Platform.Files;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Channels.Vk;

/// <summary>The VK community channel against a fake VK (<see cref="FakeVk"/>) on both databases: the Callback API
/// handshake, the secret key checked before anything is stored, VK's resends a no-op, photos and documents downloaded
/// through the SSRF guard, replies by messages.send with a stable random_id and an inline keyboard, flood errors tried
/// again and a user who forbade messages failing with the reason. The jobs are off: each test processes and delivers by
/// hand.</summary>
public sealed class VkChannelTests
{
    private const long Group = 229_000_111;
    private const string Secret = "s3cr3t-key-of-the-community";

    private static OknoFactory App(string provider) => OknoFactory.For(provider, new Dictionary<string, string?>
    {
        ["Okno:Channels:RunJobs"] = "false", ["Okno:Channels:InboundAttempts"] = "1", ["Okno:Channels:DeliveryBackoff"] = "00:00:00",
    });

    private static Task<int> ProcessAsync(OknoFactory app) => app.Services.GetRequiredService<InboundProcessor>().RunDueAsync(CancellationToken.None);
    private static Task<int> DeliverAsync(OknoFactory app) => app.Services.GetRequiredService<DeliverMessages>().RunDueAsync(CancellationToken.None);

    private static async Task<long> CommunityAsync(HttpClient admin, FakeVk vk) =>
        (await admin.PostJsonAsync("/api/v1/channels/vk", new
        {
            name = "ВКонтакте: Магазин",
            settings = new { groupId = Group, accessToken = "vk1.a.token", confirmationCode = "a1b2c3d4", secretKey = Secret, apiBaseUrl = vk.BaseUrl },
        }, HttpStatusCode.Created)).Id();

    [Theory]
    [BothDatabases]
    public async Task The_handshake_answers_the_confirmation_code_and_a_wrong_secret_stores_nothing(string provider)
    {
        await using var vk = await FakeVk.StartAsync();
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        var account = await CommunityAsync(admin, vk);
        var view = await admin.GetJsonAsync($"/api/v1/channels/{account}");
        Assert.Equal("vk", view.Str("kind"));
        Assert.True(view.GetProperty("settings").GetProperty("secretKey").GetProperty("set").GetBoolean());
        Assert.DoesNotContain("vk1.a.token", view.GetRawText(), StringComparison.Ordinal);
        var anonymous = app.CreateClient();

        var confirm = await anonymous.PostAsync($"/api/v1/channels/{account}/inbound",
            JsonContent.Create(new { type = "confirmation", group_id = Group }));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("text/plain", confirm.Content.Headers.ContentType?.MediaType);
        Assert.Equal("a1b2c3d4", await confirm.Content.ReadAsStringAsync());
        // Another community's handshake gets no code.
        var other = await anonymous.PostAsync($"/api/v1/channels/{account}/inbound", JsonContent.Create(new { type = "confirmation", group_id = Group + 1 }));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.DoesNotContain("a1b2c3d4", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A wrong secret, or none: refused before anything is stored, however often VK tries.
        var wrong = await FakeVk.DeliverAsync(anonymous, account, FakeVk.MessageNew(Group, "guess", 11, 1001, "Привет"), tries: 3);
        Assert.Equal(3, wrong.Count);
        Assert.All(wrong, a => Assert.Equal(HttpStatusCode.Forbidden, a.Status));
        Assert.Contains("vk.wrong_secret", wrong[0].Body, StringComparison.Ordinal);
        var none = await FakeVk.DeliverAsync(anonymous, account, FakeVk.MessageNew(Group, null, 12, 1001, "Привет"), tries: 1);
        Assert.Equal(HttpStatusCode.Forbidden, Assert.Single(none).Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync()));

        // Events other than message_new are acknowledged and dropped; a body that is not JSON is a 400 with a code.
        var typing = await FakeVk.DeliverAsync(anonymous, account, new JsonObject { ["type"] = "message_typing_state", ["group_id"] = Group, ["secret"] = Secret,
            ["object"] = new JsonObject { ["state"] = "typing", ["from_id"] = 1001 } });
        Assert.Equal((HttpStatusCode.OK, "ok"), Assert.Single(typing));
        var junk = await anonymous.PostAsync($"/api/v1/channels/{account}/inbound", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Equal("vk.invalid_event", (await junk.JsonAsync(HttpStatusCode.BadRequest)).Str("code"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task A_message_sent_twice_is_one_message_with_its_photo_and_document_and_the_reply_goes_by_messages_send(string provider)
    {
        await using var vk = await FakeVk.StartAsync();
        vk.Files["small.jpg"] = [1, 2, 3];
        vk.Files["big.jpg"] = [0xFF, 0xD8, 0xFF, 0xE0, 9, 9, 9, 9];
        vk.Files["act.pdf"] = "%PDF-1.4 акт"u8.ToArray();
        vk.Names["1001"] = "Мария Иванова";
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        var account = await CommunityAsync(admin, vk);
        var anonymous = app.CreateClient();

        var @event = FakeVk.MessageNew(Group, Secret, 345, 1001, "Здравствуйте! Заказ пришёл битым, фото и акт прилагаю",
            new JsonArray(vk.Photo(457239017, "small.jpg", "big.jpg"), vk.Doc(6001, "акт", "pdf", "act.pdf")));
        Assert.Equal((HttpStatusCode.OK, "ok"), Assert.Single(await FakeVk.DeliverAsync(anonymous, account, @event)));
        // VK resends when an answer was lost: the same message again is "ok" and stores nothing.
        Assert.Equal((HttpStatusCode.OK, "ok"), Assert.Single(await FakeVk.DeliverAsync(anonymous, account, @event)));
        var item = await app.WithDbAsync(db => db.Set<InboundItem>().SingleAsync());
        Assert.Equal($"{Group}:345", item.ExternalId);
        Assert.DoesNotContain(Secret, item.Payload, StringComparison.Ordinal);
        Assert.Equal(1, await ProcessAsync(app));

        var (ticket, message, files, contact) = await app.WithDbAsync(async db => (
            await db.Tickets.SingleAsync(), await db.Messages.SingleAsync(),
            await db.Set<Attachment>().OrderBy(a => a.Id).ToListAsync(),
            await db.Contacts.Select(c => new { c.Name, Ids = c.ExternalIds.Select(x => x.Channel.Value + "/" + x.ExternalId).ToList() }).SingleAsync()));
        Assert.Equal(ChannelKind.Vk, ticket.Channel);
        Assert.Contains("Заказ пришёл битым", message.BodyText, StringComparison.Ordinal);
        Assert.Equal("Мария Иванова", contact.Name);
        Assert.Equal(["vk/1001"], contact.Ids);
        Assert.Equal(["photo-457239017.jpg", "акт.pdf"], files.Select(f => f.FileName));
        var store = app.Services.GetRequiredService<AttachmentStore>();
        // The largest size of the photo, not the first.
        Assert.Equal(vk.Files["big.jpg"], Read(store, files[0].Sha256));
        Assert.Equal(vk.Files["act.pdf"], Read(store, files[1].Sha256));

        await admin.PostJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new
        {
            body = "Пришлём замену завтра.",
            attachments = new[] { new { fileName = "накладная.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String("%PDF-1.4 накладная"u8.ToArray()) } },
        }, HttpStatusCode.Created);
        Assert.Equal(1, await DeliverAsync(app));
        var send = Assert.Single(vk.Sent);
        Assert.Equal("1001", send["peer_id"]);
        Assert.Equal("Пришлём замену завтра.", send["message"]);
        Assert.Equal("5.199", send["v"]);
        Assert.Equal("vk1.a.token", send["access_token"]);
        var delivery = await app.WithDbAsync(db => db.Set<ChannelDelivery>().SingleAsync());
        Assert.Equal(VkAdapter.RandomId($"okno-delivery-{delivery.Id}").ToString(System.Globalization.CultureInfo.InvariantCulture), send["random_id"]);
        Assert.False(send.ContainsKey("keyboard"));
        // The file went up as a document of the conversation and is attached to the message.
        var (upKey, up) = Assert.Single(vk.Uploaded);
        Assert.Equal("накладная.pdf", up.Name);
        Assert.Equal("%PDF-1.4 накладная"u8.ToArray(), up.Content);
        Assert.Equal($"doc-229000111_{7000 + long.Parse(upKey[2..], System.Globalization.CultureInfo.InvariantCulture)}", send["attachment"]);
        var reply = await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.Direction == MessageDirection.Out));
        Assert.Equal(DeliveryState.Sent, reply.Delivery);
        Assert.StartsWith($"{Group}:", reply.ExternalId, StringComparison.Ordinal);

        // A pressed button: its payload is what the keyboard put on it, the text its label.
        await using var scope = app.Services.CreateAsyncScope();
        var adapter = scope.ServiceProvider.GetRequiredService<VkAdapter>();
        var pressed = FakeVk.MessageNew(Group, null, 346, 1001, "Да, помогло", payload: "{\"b\":\"kb:yes\"}");
        var read = adapter.Parse(new VkSettings(Group), pressed.ToJsonString());
        Assert.Equal(("kb:yes", "Да, помогло", "1001"), (read.ButtonPayload, read.Text, read.SenderId));
        Assert.Null(adapter.Parse(new VkSettings(Group), FakeVk.MessageNew(Group, null, 347, 1001, "Начать", payload: "{\"command\":\"start\"}").ToJsonString()).ButtonPayload);
    }

    [Theory]
    [BothDatabases]
    public async Task Flood_control_is_tried_again_with_the_same_random_id_and_a_user_without_permission_fails_with_the_reason(string provider)
    {
        await using var vk = await FakeVk.StartAsync();
        await using var app = App(provider);
        var admin = await app.AdminClientAsync();
        await (await admin.PutAsJsonAsync("/api/v1/webhooks/allowed-hosts", new { hosts = new[] { "127.0.0.1" } })).JsonAsync(HttpStatusCode.OK);
        var account = await CommunityAsync(admin, vk);
        var anonymous = app.CreateClient();
        await FakeVk.DeliverAsync(anonymous, account, FakeVk.MessageNew(Group, Secret, 900, 2002, "Когда доставка?"));
        await FakeVk.DeliverAsync(anonymous, account, FakeVk.MessageNew(Group, Secret, 901, 3003, "А мне?"));
        Assert.Equal(2, await ProcessAsync(app));
        var tickets = await app.WithDbAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
        Assert.Equal(2, tickets.Count);

        vk.Errors.Enqueue(9);
        vk.Errors.Enqueue(6);
        await admin.PostJsonAsync($"/api/v1/tickets/{tickets[0]}/messages", new { body = "Завтра до обеда." }, HttpStatusCode.Created);
        Assert.Equal(1, await DeliverAsync(app));
        var delayed = await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.Direction == MessageDirection.Out));
        Assert.Equal(DeliveryState.Queued, delayed.Delivery);
        Assert.Contains("VK error 9", delayed.DeliveryError, StringComparison.Ordinal);
        Assert.Equal(1, await DeliverAsync(app));
        Assert.Equal(1, await DeliverAsync(app));
        Assert.Equal(DeliveryState.Sent, (await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.Id == delayed.Id))).Delivery);
        // Three attempts, one random_id: had VK taken an earlier one, it would drop the later.
        Assert.Equal(3, vk.Sent.Count);
        Assert.Single(vk.Sent.Select(s => s["random_id"]).Distinct());

        vk.Errors.Enqueue(901);
        await admin.PostJsonAsync($"/api/v1/tickets/{tickets[1]}/messages", new { body = "Ответ" }, HttpStatusCode.Created);
        Assert.Equal(1, await DeliverAsync(app));
        var failed = await app.WithDbAsync(db => db.Messages.SingleAsync(m => m.TicketId == tickets[1] && m.Direction == MessageDirection.Out && !m.IsInternal));
        Assert.Equal(DeliveryState.Failed, failed.Delivery);
        Assert.Contains("VK error 901", failed.DeliveryError, StringComparison.Ordinal);
        Assert.Contains("without permission", failed.DeliveryError, StringComparison.Ordinal);
        Assert.Equal(0, await DeliverAsync(app));
        Assert.Equal(4, vk.Sent.Count);

        // Buttons: an inline keyboard, each button's payload {"b": …}; more than VK's rows: a numbered menu instead.
        await using var scope = app.Services.CreateAsyncScope();
        var adapter = scope.ServiceProvider.GetRequiredService<VkAdapter>();
        var settings = new VkSettings(Group, "vk1.a.token", "x", Secret, vk.BaseUrl);
        var sent = await adapter.SendAsync(settings, new OutboundMessage(7, 10001, "", "Помогла статья?", "", "2002", null, null, "okno-delivery-77")
        {
            Buttons = [new OutboundButton("kb:yes", "Да"), new OutboundButton("kb:no", "Нет — позовите человека")],
        }, CancellationToken.None);
        Assert.True(sent.IsSent);
        var withKeyboard = vk.Sent.Last();
        Assert.Equal(VkAdapter.RandomId("okno-delivery-77").ToString(System.Globalization.CultureInfo.InvariantCulture), withKeyboard["random_id"]);
        var keyboard = JsonNode.Parse(withKeyboard["keyboard"])!;
        Assert.True(keyboard["inline"]!.GetValue<bool>());
        var rows = keyboard["buttons"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal("text", rows[0]![0]!["action"]!["type"]!.GetValue<string>());
        Assert.Equal("Нет — позовите человека", rows[1]![0]!["action"]!["label"]!.GetValue<string>());
        Assert.Equal("kb:no", JsonNode.Parse(rows[1]![0]!["action"]!["payload"]!.GetValue<string>())!["b"]!.GetValue<string>());
        var many = Enumerable.Range(1, 8).Select(i => new OutboundButton($"kb:{i}", $"Вариант {i}")).ToList();
        Assert.True((await adapter.SendAsync(settings, new OutboundMessage(8, 10001, "", "Выберите", "", "2002", null, null, "okno-delivery-78") { Buttons = many },
            CancellationToken.None)).IsSent);
        Assert.False(vk.Sent.Last().ContainsKey("keyboard"));
        Assert.Contains("8. Вариант 8", vk.Sent.Last()["message"], StringComparison.Ordinal);
    }

    private static byte[] Read(AttachmentStore store, string sha256)
    {
        using var stream = store.Open(sha256)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
