using Okno.Channels.Telegram;
using Okno.Channels.Telegram.Ui;
using Okno.Platform.Web;

namespace Okno.Tests.Channels;

/// <summary>The Telegram account's settings and the pieces of the adapter that need no server.</summary>
public sealed class TelegramSettingsTests
{
    private const string Token = "7000000001:AAH-fake_token_for_tests_0123456789abcdef";

    private static FieldErrors Check(TelegramSettings settings)
    {
        var errors = new FieldErrors();
        settings.Validate(errors);
        return errors;
    }

    [Theory]
    [InlineData(Token, true)]
    [InlineData("7000000001:short", false)]
    [InlineData("abc:AAH-fake_token_for_tests_0123456789abcdef", false)]
    [InlineData("7000000001:AAH fake token for tests 0123456789abcdef", false)]
    public void A_bot_token_has_the_shape_BotFather_gives(string token, bool valid) =>
        Assert.Equal(valid, !Check(new TelegramSettings(token, WebhookSecret: "s")).Any);

    [Fact]
    public void A_webhook_secret_is_generated_when_left_out_in_the_characters_Telegram_allows_and_kept_when_given()
    {
        var generated = (TelegramSettings)new TelegramSettings(Token).WithDefaults();
        Assert.Matches("^[A-Za-z0-9_-]{43}$", generated.WebhookSecret);
        Assert.NotEqual(generated.WebhookSecret, ((TelegramSettings)new TelegramSettings(Token).WithDefaults()).WebhookSecret);
        Assert.Equal("given", ((TelegramSettings)new TelegramSettings(Token, WebhookSecret: "given").WithDefaults()).WebhookSecret);
        Assert.True(Check(new TelegramSettings(Token, WebhookSecret: "has space")).Any);
        Assert.True(Check(new TelegramSettings(Token, WebhookSecret: new string('a', 257))).Any);
        Assert.True(Check(new TelegramSettings(Token, "push", "s")).Any);
        Assert.True(Check(new TelegramSettings(Token, WebhookSecret: "s", ApiBaseUrl: "ftp://api.telegram.org")).Any);
    }

    [Fact]
    public void A_long_reply_goes_in_parts_within_Telegrams_limit_cut_at_line_breaks()
    {
        var line = new string('я', 99) + "\n";
        var text = string.Concat(Enumerable.Repeat(line, 100)).TrimEnd();
        var parts = TelegramAdapter.Split(text);
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= TelegramAdapter.MaxTextLength));
        Assert.Equal(text.Replace("\n", ""), string.Concat(parts).Replace("\n", ""));
        Assert.All(parts, p => Assert.EndsWith("я", p));
        Assert.Single(TelegramAdapter.Split("Коротко."));
        Assert.Empty(TelegramAdapter.Split(""));
    }

    [Fact]
    public void The_form_sends_the_token_only_when_typed_and_never_the_webhook_secret()
    {
        var form = TelegramSettingsForm.From(new System.Text.Json.Nodes.JsonObject
        {
            ["botToken"] = new System.Text.Json.Nodes.JsonObject { ["set"] = true }, ["mode"] = "polling",
            ["webhookSecret"] = new System.Text.Json.Nodes.JsonObject { ["set"] = true }, ["apiBaseUrl"] = "https://tg.example",
        });
        Assert.True(form.BotToken.IsSet);
        Assert.Equal("polling", form.Mode);
        var settings = form.ToSettings();
        Assert.False(settings.ContainsKey("botToken"));
        Assert.False(settings.ContainsKey("webhookSecret"));
        Assert.Equal("https://tg.example", settings["apiBaseUrl"]!.GetValue<string>());
        form.BotToken.Value = " " + Token + " ";
        Assert.Equal(Token, form.ToSettings()["botToken"]!.GetValue<string>());
    }
}
