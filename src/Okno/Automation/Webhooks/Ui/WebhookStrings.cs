namespace Okno.Automation.Webhooks.Ui;

/// <summary>Marker for the webhook pages' strings in WebhookStrings.resx (English) and WebhookStrings.ru.resx (Russian).</summary>
public sealed class WebhookStrings;
