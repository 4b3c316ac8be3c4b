using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels;
using Okno.Channels.Chat;
using Okno.Testing;

namespace Okno.IntegrationTests.Channels.Chat;

/// <summary>Buttons in the chat widget (issue 18): a pressed button's payload is stored with the visitor's message and read
/// back as the inbound message's <see cref="InboundMessage.ButtonPayload"/>; a payload that is not short printable ASCII is
/// refused before anything is stored.</summary>
public sealed class ChatButtonsTests
{
    [Theory]
    [BothDatabases]
    public async Task A_pressed_buttons_payload_reaches_the_inbound_message_and_bad_payloads_are_refused(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var (key, accountId) = await ChatWidgetApiTests.CreateChannelAsync(admin);
        var (visitor, _) = await ChatWidgetApiTests.StartAsync(app, key);

        foreach (var bad in new[] { new string('a', 65), "scenario:стоп", "scenario:\u0001" })
        {
            var refused = await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-bad-" + bad.Length, text = "Оплата", buttonPayload = bad }))
                .JsonAsync(HttpStatusCode.BadRequest);
            Assert.Equal("chat.invalid_button_payload", refused.GetProperty("errorCodes").GetProperty("buttonPayload")[0].Str("code"));
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InboundItem>().CountAsync()));

        var sent = await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-0001", text = "Оплата", buttonPayload = "scenario:start:1" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Оплата", sent.Str("text"));
        var payload = await app.WithDbAsync(db => db.Set<InboundItem>().Where(i => i.AccountId == accountId).Select(i => i.Payload).SingleAsync());
        using var scope = app.Services.CreateScope();
        var parsed = ActivatorUtilities.CreateInstance<ChatAdapter>(scope.ServiceProvider).Parse(new ChatSettings(), payload);
        Assert.Equal(("scenario:start:1", "Оплата"), (parsed.ButtonPayload, parsed.Text));

        // A typed message carries none.
        await (await visitor.PostAsJsonAsync("messages", new { clientId = "client-0002", text = "А ещё вопрос" })).JsonAsync(HttpStatusCode.OK);
        var typed = await app.WithDbAsync(db => db.Set<InboundItem>().Where(i => i.ExternalId.EndsWith(":client-0002")).Select(i => i.Payload).SingleAsync());
        Assert.Null(ActivatorUtilities.CreateInstance<ChatAdapter>(scope.ServiceProvider).Parse(new ChatSettings(), typed).ButtonPayload);
    }
}
