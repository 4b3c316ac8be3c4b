using Okno.Automation.Webhooks;
using Okno.Platform.Web;

namespace Okno.Channels.Vk;

/// <summary>A VK community (group) that takes messages through the Callback API. <see cref="ConfirmationCode"/> is the
/// string VK shows in the community's Callback API settings and expects back once when the server address is added;
/// <see cref="SecretKey"/> is the "secret key" set there, which VK sends in every event; <see cref="AccessToken"/> is a
/// community token with the "messages" right (and "docs" for files). <see cref="ApiBaseUrl"/> is VK's API host
/// (tests point it at a fake server).</summary>
public sealed record VkSettings(
    long GroupId = 0, [property: Secret] string? AccessToken = null, string? ConfirmationCode = null, [property: Secret] string? SecretKey = null,
    string ApiBaseUrl = VkSettings.DefaultApiBaseUrl, string ApiVersion = VkSettings.DefaultApiVersion) : IChannelSettings
{
    public const string DefaultApiBaseUrl = "https://api.vk.com";
    public const string DefaultApiVersion = "5.199";

    public void Validate(FieldErrors errors)
    {
        if (GroupId <= 0) errors.Add("settings.groupId", ErrorCodes.OutOfRange, "The community's numeric id (a positive number).", ("min", 1), ("max", long.MaxValue));
        errors.Text("settings.accessToken", AccessToken, 500);
        errors.Text("settings.confirmationCode", ConfirmationCode, 100);
        // VK sends the secret key in every event: without one anybody who learns the address could post into the desk.
        errors.Text("settings.secretKey", SecretKey, 50);
        WebhookUrls.Check(errors, "settings.apiBaseUrl", ApiBaseUrl);
        errors.Text("settings.apiVersion", ApiVersion, 10);
    }
}
