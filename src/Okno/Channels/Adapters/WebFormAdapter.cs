using System.Security.Cryptography;
using System.Text;
using Okno.Platform.Web;

namespace Okno.Channels.Adapters;

/// <summary>Settings of a web form account: the token a form (or the site behind it) sends in the
/// <c>X-Okno-Token</c> header, so nobody else can post into the desk.</summary>
public sealed record WebFormSettings([property: Secret] string? Token = null) : IChannelSettings
{
    public const int MinTokenLength = 16;

    public void Validate(FieldErrors errors)
    {
        errors.Text("settings.token", Token, 500);
        if (Token is { Length: > 0 and < MinTokenLength }) errors.TooShort("settings.token", MinTokenLength);
    }
}

/// <summary>A form on a website posts requests to <c>POST /api/v1/channels/{id}/inbound</c> as the small JSON item of
/// <see cref="SimpleInboundJson"/>. A form has no way to carry a reply back: sending fails for good and says so (the
/// answer goes by email once the email channel exists).</summary>
public sealed class WebFormAdapter : IPushChannelAdapter<WebFormSettings>
{
    public const string TokenHeader = "X-Okno-Token";

    public async Task<PushReceipt> ReceiveAsync(WebFormSettings settings, HttpRequest request, CancellationToken cancellationToken)
    {
        var given = request.Headers[TokenHeader].ToString();
        if (settings.Token is not { Length: > 0 } token
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token)))
            return PushReceipt.Refuse(StatusCodes.Status401Unauthorized, $"The {TokenHeader} header is missing or wrong.");
        if (request.ContentLength > SimpleInboundJson.MaxPayloadBytes)
            return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, "The item is too large.");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        if (payload.Length > SimpleInboundJson.MaxPayloadBytes) return PushReceipt.Refuse(StatusCodes.Status413PayloadTooLarge, "The item is too large.");
        SimpleInboundJson item;
        try
        {
            item = SimpleInboundJson.Read(payload);
            item.ToMessage();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            return PushReceipt.Refuse(StatusCodes.Status400BadRequest, $"Not a form item: {e.Message}");
        }
        // A form that posts twice (a double click, a retry after a timeout) sends the same id: stored once.
        var id = string.IsNullOrWhiteSpace(item.Id) ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payload))) : item.Id.Trim();
        return id.Length > InboundItem.ExternalIdMaxLength
            ? PushReceipt.Refuse(StatusCodes.Status400BadRequest, $"The id is longer than {InboundItem.ExternalIdMaxLength} characters.")
            : PushReceipt.Accept(new RawInboundItem(id, payload));
    }

    public Task<DeliveryResult> SendAsync(WebFormSettings settings, OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(DeliveryResult.Failed("A web form cannot carry a reply back to the customer; answer them by email or phone.", retryable: false));

    public InboundMessage Parse(WebFormSettings settings, string payload) => SimpleInboundJson.Read(payload).ToMessage();
}
