using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Okno.Channels;
using Okno.Channels.Connectors;
using Okno.Channels.Connectors.Ui;
using Okno.Channels.Vk;
using Okno.Platform.Web;

namespace Okno.Tests.Channels.Connectors;

/// <summary>The VK and connector settings, their dialog forms against the settings codec, the connector's signature and
/// its item ids, without a server.</summary>
public sealed class MessengerSettingsTests
{
    private readonly ChannelSettingsCodec _codec = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void A_vk_edit_that_leaves_the_secrets_empty_keeps_them_and_the_view_never_shows_them()
    {
        var stored = _codec.Protect(new VkSettings(229000111, "vk1.a.token", "a1b2c3", "secret-key"));
        var view = ChannelSettingsCodec.View(typeof(VkSettings), stored);
        Assert.DoesNotContain("vk1.a.token", view.ToJsonString(), StringComparison.Ordinal);
        var form = VkSettingsForm.From(view);
        Assert.True(form.AccessToken.IsSet);
        Assert.True(form.SecretKey.IsSet);
        Assert.Equal((229000111L, "a1b2c3", "5.199"), (form.GroupId, form.ConfirmationCode, form.ApiVersion));
        form.ConfirmationCode = "new-code";
        var merged = _codec.MergeSecrets(typeof(VkSettings), form.ToSettings(), stored);
        var back = _codec.Unprotect<VkSettings>(_codec.Protect(System.Text.Json.JsonSerializer.Deserialize<VkSettings>(merged, ChannelSettingsCodec.Json)!));
        Assert.Equal(new VkSettings(229000111, "vk1.a.token", "new-code", "secret-key"), back);
    }

    [Fact]
    public void Vk_settings_need_a_community_a_token_a_code_and_a_secret_key()
    {
        var errors = new FieldErrors();
        new VkSettings(ApiBaseUrl: "ftp://x").Validate(errors);
        Assert.All(new[] { "settings.groupId", "settings.accessToken", "settings.confirmationCode", "settings.secretKey", "settings.apiBaseUrl" },
            f => Assert.True(errors.Has(f), f));
        Assert.False(errors.Has("settings.apiVersion"));
    }

    [Fact]
    public void A_new_connector_form_comes_with_a_secret_to_copy_and_a_connector_needs_a_public_style_callback_url()
    {
        var form = ConnectorSettingsForm.From(null);
        Assert.Equal(43, form.Secret.Value?.Length);
        form.CallbackUrl = "https://bridge.example/okno";
        form.Messenger = "Viber";
        var json = form.ToSettings();
        Assert.Equal(form.Secret.Value, json["secret"]!.GetValue<string>());
        Assert.Equal("https://bridge.example/okno", json["callbackUrl"]!.GetValue<string>());
        var errors = new FieldErrors();
        new ConnectorSettings("short", "https://user:pw@bridge.example/").Validate(errors);
        Assert.True(errors.Has("settings.callbackUrl"));
        Assert.True(errors.Has("settings.secret"));
        Assert.False(errors.Has("settings.messenger"));
        // Left out, the secret is generated (an account is never stored unsigned).
        var defaulted = (ConnectorSettings)new ConnectorSettings(null, "https://bridge.example/").WithDefaults();
        Assert.Equal(43, defaulted.Secret?.Length);
    }

    [Fact]
    public void The_connector_signature_is_the_webhooks_one_over_the_exact_bytes()
    {
        const string body = "{\"text\":\"Привет\"}";
        Assert.Equal(Okno.Automation.Webhooks.WebhookSignature.Sign("s3cret", 1733390000, body),
            ConnectorAdapter.Sign("s3cret", 1733390000, Encoding.UTF8.GetBytes(body)));
        var signature = ConnectorAdapter.Sign("s3cret", 1733390000, Encoding.UTF8.GetBytes(body));
        Assert.True(ConnectorAdapter.Verify("s3cret", 1733390000, Encoding.UTF8.GetBytes(body), signature));
        Assert.False(ConnectorAdapter.Verify("s3cret", 1733390001, Encoding.UTF8.GetBytes(body), signature));
        Assert.False(ConnectorAdapter.Verify("other", 1733390000, Encoding.UTF8.GetBytes(body), signature));
        Assert.False(ConnectorAdapter.Verify("s3cret", 1733390000, Encoding.UTF8.GetBytes(body), signature.ToUpperInvariant()));
        Assert.False(ConnectorAdapter.Verify("s3cret", 1733390000, Encoding.UTF8.GetBytes(body), null));
    }

    [Theory]
    [InlineData("c1", "m1")]
    [InlineData("max:chat:42", "77:7")]
    [InlineData("a", "")]
    public void A_connector_items_id_gives_back_its_conversation_and_message(string conversation, string message)
    {
        var item = new ConnectorItem(conversation, "u", null, "t", message);
        Assert.Equal((conversation, message), ConnectorItem.FromExternalId(item.ExternalId));
    }

    [Fact]
    public void Ids_that_are_not_a_connectors_give_nothing()
    {
        Assert.Null(ConnectorItem.FromExternalId(null));
        Assert.Null(ConnectorItem.FromExternalId("msgid:abc@example.com"));
        Assert.Null(ConnectorItem.FromExternalId("9:short:x"));
    }

    [Fact]
    public void A_vk_keyboard_is_inline_with_one_button_a_row_and_the_payload_wrapped()
    {
        var keyboard = JsonNode.Parse(VkAdapter.Keyboard([new OutboundButton("yes", "Да"), new OutboundButton("no", new string('x', 50))]))!;
        Assert.True(keyboard["inline"]!.GetValue<bool>());
        var label = keyboard["buttons"]![1]![0]!["action"]!["label"]!.GetValue<string>();
        Assert.Equal(VkAdapter.MaxLabelLength, label.Length);
        Assert.Equal("{\"b\":\"yes\"}", keyboard["buttons"]![0]![0]!["action"]!["payload"]!.GetValue<string>());
        Assert.Equal(VkAdapter.RandomId("okno-delivery-1"), VkAdapter.RandomId("okno-delivery-1"));
        Assert.NotEqual(VkAdapter.RandomId("okno-delivery-1"), VkAdapter.RandomId("okno-delivery-2"));
        Assert.InRange(VkAdapter.RandomId("okno-delivery-3"), 1, int.MaxValue);
    }
}
