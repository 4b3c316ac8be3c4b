using Okno.Platform.Security;

namespace Okno.Tickets;

/// <param name="To">Outside addresses the forward goes to (at least one).</param>
/// <param name="Cc">Addresses copied.</param>
/// <param name="MessageId">One message of the ticket to forward; none: the whole conversation (its public messages).</param>
/// <param name="Note">What the agent writes above the forwarded text.</param>
/// <param name="IncludeAttachments">Send the forwarded messages' files along (default true).</param>
/// <param name="AccountId">The mailbox to send from; none: the ticket's conversation mailbox, else the first one.</param>
public sealed record ForwardRequest(List<string?>? To, List<string?>? Cc = null, long? MessageId = null, string? Note = null,
    bool? IncludeAttachments = null, long? AccountId = null);

/// <summary>A mailbox a forward can go out from; <see cref="IsDefault"/> is the one used when none is chosen.</summary>
public sealed record ForwardMailbox(long Id, string Name, string Address, bool IsDefault);

/// <summary>"Forward this ticket to an outside address", as the ticket page offers it. Defined here so the page needs no
/// reference to the feature that sends mail (Channels implements it).</summary>
public interface ITicketForwarding
{
    Task<MessageView> ForwardAsync(long ticketId, ForwardRequest request, CurrentAgent agent, CancellationToken cancellationToken);

    /// <summary>The mailboxes a forward of this ticket can go out from (none: forwarding is not possible).</summary>
    Task<IReadOnlyList<ForwardMailbox>> MailboxesAsync(long ticketId, CurrentAgent agent, CancellationToken cancellationToken);
}
