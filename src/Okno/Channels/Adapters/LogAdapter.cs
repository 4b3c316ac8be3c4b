using System.Collections.Concurrent;
using Okno.Platform.Web;

namespace Okno.Channels.Adapters;

/// <summary>Settings of a log account. <see cref="Fail"/> makes every send fail ("retryable" or "permanent"), for
/// trying out and testing what the queue does then; <see cref="Token"/> is a secret that does nothing, there to show
/// how secrets are kept.</summary>
public sealed record LogSettings(string? Label = null, string? Fail = null, [property: Secret] string? Token = null) : IChannelSettings
{
    public void Validate(FieldErrors errors)
    {
        errors.Text("settings.label", Label, 200, required: false);
        if (Fail is not (null or "retryable" or "permanent")) errors.Add("settings.fail", ErrorCodes.NotOneOf, "Use \"retryable\", \"permanent\" or leave it out.", ("value", Fail), ("allowed", "retryable, permanent"));
        errors.Text("settings.token", Token, 500, required: false);
    }
}

/// <summary>Sends nowhere: writes what it would send to the log and keeps it in <see cref="LogChannelOutbox"/>. For
/// development, the demo and tests. Reads the small JSON items of <see cref="SimpleInboundJson"/>.</summary>
public sealed class LogAdapter(LogChannelOutbox outbox, ILogger<LogAdapter> logger) : IChannelAdapter<LogSettings>
{
    public Task<DeliveryResult> SendAsync(LogSettings settings, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (settings.Fail is { } fail)
        {
            logger.LogInformation("Log channel {Label}: failing message {MessageId} on purpose ({Fail})", settings.Label, message.MessageId, fail);
            return Task.FromResult(DeliveryResult.Failed($"The log account is set to fail ({fail}).", retryable: fail == "retryable"));
        }
        var externalId = $"log-{message.IdempotencyKey}";
        outbox.Add(message, externalId);
        logger.LogInformation("Log channel {Label}: would send message {MessageId} of ticket {Number} to {Recipient}: {Text}",
            settings.Label, message.MessageId, message.TicketNumber, message.RecipientId ?? message.RecipientEmail, message.BodyText);
        return Task.FromResult(DeliveryResult.Sent(externalId));
    }

    public InboundMessage Parse(LogSettings settings, string payload) => SimpleInboundJson.Read(payload).ToMessage();
}

/// <summary>What log accounts "sent", newest last (the last thousand), so tests and developers can read it.</summary>
public sealed class LogChannelOutbox
{
    private const int Keep = 1000;
    private readonly ConcurrentQueue<(OutboundMessage Message, string ExternalId)> _sent = new();

    public IReadOnlyList<(OutboundMessage Message, string ExternalId)> Sent => _sent.ToList();

    internal void Add(OutboundMessage message, string externalId)
    {
        _sent.Enqueue((message, externalId));
        while (_sent.Count > Keep) _sent.TryDequeue(out _);
    }
}
