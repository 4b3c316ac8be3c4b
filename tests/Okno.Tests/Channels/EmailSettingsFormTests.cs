using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Okno.Channels;
using Okno.Channels.Email;
using Okno.Channels.Ui;

namespace Okno.Tests.Channels;

/// <summary>The mailbox dialog's form against the settings codec: what it reads from the API's view and what an update
/// made from it stores.</summary>
public sealed class EmailSettingsFormTests
{
    private readonly ChannelSettingsCodec _codec = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void A_new_mailbox_form_starts_from_the_settings_defaults_and_sends_them_back_unchanged()
    {
        var form = EmailSettingsForm.From(null);

        Assert.Equal((993, EmailSettings.Tls, "INBOX"), (form.ImapPort, form.ImapSecurity, form.ImapFolder));
        Assert.Equal((587, EmailSettings.StartTls), (form.SmtpPort, form.SmtpSecurity));
        Assert.False(form.ImapPassword.IsSet);
        Assert.Equal(new EmailSettings(), Read(form.ToSettings()));
    }

    [Fact]
    public void An_edit_that_leaves_the_password_empty_keeps_the_stored_one_while_other_fields_change()
    {
        var stored = _codec.Protect(new EmailSettings(ImapHost: "imap.example.com", ImapUser: "support", ImapPassword: "old-secret",
            SmtpHost: "smtp.example.com", FromAddress: "support@example.com", PollSeconds: 120, IntakeSecret: "intake-secret-0123456789",
            ReplyToClosed: EmailSettings.Reopen, AcknowledgeNew: true));
        var form = EmailSettingsForm.From(ChannelSettingsCodec.View(typeof(EmailSettings), stored));
        Assert.True(form.ImapPassword.IsSet);
        Assert.False(form.SmtpPassword.IsSet);
        Assert.True(form.IntakeSecret.IsSet);
        Assert.Equal((120, EmailSettings.Reopen, true), (form.PollSeconds, form.ReplyToClosed, form.AcknowledgeNew));
        Assert.Null(form.ImapPassword.Value);

        form.FromName = "Support";
        form.PollSeconds = 600;
        form.IntakeSecret.Remove = true;
        var sent = form.ToSettings();
        Assert.False(sent.ContainsKey("imapPassword"));
        var saved = Read(_codec.MergeSecrets(typeof(EmailSettings), sent, stored));

        Assert.Equal("old-secret", saved.ImapPassword);
        Assert.Equal("", saved.IntakeSecret);
        Assert.Equal(("Support", 600, "imap.example.com", EmailSettings.Reopen, true), (saved.FromName, saved.PollSeconds, saved.ImapHost, saved.ReplyToClosed, saved.AcknowledgeNew));
    }

    [Fact]
    public void A_password_typed_on_edit_replaces_the_stored_one_and_blank_texts_are_sent_as_none()
    {
        var stored = _codec.Protect(new EmailSettings(ImapHost: "imap.example.com", ImapUser: "support", ImapPassword: "old-secret", SmtpHost: "smtp.example.com"));
        var form = EmailSettingsForm.From(ChannelSettingsCodec.View(typeof(EmailSettings), stored));
        form.ImapPassword.Value = "new-secret";
        form.SmtpUser = "   ";

        var saved = Read(_codec.MergeSecrets(typeof(EmailSettings), form.ToSettings(), stored));

        Assert.Equal("new-secret", saved.ImapPassword);
        Assert.Null(saved.SmtpUser);
    }

    /// <summary>Fails when EmailSettings gains a setting: EmailSettingsFields.razor needs a field for it (and the count here).</summary>
    [Fact]
    public void The_form_knows_every_setting_of_a_mailbox()
    {
        Assert.Equal(18, EmailSettingsForm.FieldNames.Count);
        Assert.Contains("settings.imapHost", EmailSettingsForm.FieldNames);
        Assert.Contains("settings.intakeSecret", EmailSettingsForm.FieldNames);
        Assert.DoesNotContain("settings.maxMessageBytes", EmailSettingsForm.FieldNames);
    }

    private static EmailSettings Read(System.Text.Json.Nodes.JsonObject json) => json.Deserialize<EmailSettings>(ChannelSettingsCodec.Json)!;
}
