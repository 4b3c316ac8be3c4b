using Okno.Platform.Security;

namespace Okno.Tickets;

/// <summary>"Try sending this reply again", as the ticket page offers it for a failed delivery. Defined here so the
/// page needs no reference to the feature that delivers (Channels implements it).</summary>
public interface IDeliveryRetry
{
    Task RetryAsync(long messageId, CurrentAgent agent, CancellationToken cancellationToken);
}
