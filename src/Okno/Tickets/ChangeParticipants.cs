using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record ParticipantRequest(string? Address, string? Name);

/// <summary>An agent adds someone to a ticket's conversation by email (a CC on replies), or takes them off. Adding an
/// address that is already there changes nothing; the customer's own addresses are refused (they get every reply
/// anyway).</summary>
public sealed class ChangeParticipants(OknoDb db, TimeProvider clock)
{
    public async Task<ParticipantView> AddAsync(long ticketId, ParticipantRequest request, TicketAccessRule access, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Email("address", request.Address);
        errors.Text("name", request.Name, TicketParticipant.NameMaxLength, required: false);
        errors.ThrowIfAny();
        var address = ContactEmail.Normalize(request.Address!);
        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        return await db.WriteAsync(async ct =>
        {
            await db.LockTicketAsync(ticketId, ct);
            var ticket = await EditableAsync(ticketId, access, ct);
            if (await db.Set<ContactEmail>().AnyAsync(e => e.ContactId == ticket.ContactId && e.Address == address, ct)
                || string.Equals(ticket.Contact.UnverifiedEmail, address, StringComparison.OrdinalIgnoreCase))
                throw new OknoException(new StateConflict(TicketErrorCodes.ParticipantIsCustomer,
                    $"{address} is the customer's own address; the customer gets every reply anyway.", ("email", address)));
            var existing = await db.TicketParticipants.SingleOrDefaultAsync(p => p.TicketId == ticketId && p.Address == address, ct);
            if (existing is not null) return new ParticipantView(existing.Address, existing.Name, existing.AddedAt);
            // Whole microseconds (what PostgreSQL keeps), so this answer equals every later read.
            var now = clock.GetUtcNow();
            var participant = new TicketParticipant(ticketId, address, name, now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond)));
            db.TicketParticipants.Add(participant);
            await db.SaveChangesAsync(ct);
            return new ParticipantView(participant.Address, participant.Name, participant.AddedAt);
        }, cancellationToken);
    }

    public async Task RemoveAsync(long ticketId, string address, TicketAccessRule access, CancellationToken cancellationToken)
    {
        var normalized = ContactEmail.Normalize(address);
        await db.WriteAsync(async ct =>
        {
            await db.LockTicketAsync(ticketId, ct);
            await EditableAsync(ticketId, access, ct);
            var existing = await db.TicketParticipants.SingleOrDefaultAsync(p => p.TicketId == ticketId && p.Address == normalized, ct)
                ?? throw new OknoException(new NotFound(TicketErrorCodes.ParticipantNotFound, "Participant", normalized));
            db.TicketParticipants.Remove(existing);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>People a ticket's mail was addressed to join its conversation (no agent asked, so nothing is refused):
    /// in the caller's unit of work, the addresses it does not have yet, leaving out its customer's own addresses and
    /// any that are not valid or too long.</summary>
    public static async Task JoinAsync(OknoDb db, Ticket ticket, IEnumerable<(string Address, string? Name)> people, DateTimeOffset at, CancellationToken ct)
    {
        var joining = people.ToList();
        if (joining.Count == 0) return;
        var addresses = joining.Select(j => ContactEmail.Normalize(j.Address)).OfType<string>().Distinct().ToList();
        var known = ticket.Id == 0 ? [] : await db.TicketParticipants.Where(p => p.TicketId == ticket.Id && addresses.Contains(p.Address)).Select(p => p.Address).ToListAsync(ct);
        var customers = await db.ContactEmails.Where(e => e.ContactId == ticket.ContactId && addresses.Contains(e.Address)).Select(e => e.Address).ToListAsync(ct);
        foreach (var (given, name) in joining)
        {
            if (ContactEmail.Normalize(given) is not { } address || known.Contains(address) || customers.Contains(address)) continue;
            if (address.Length > TicketParticipant.AddressMaxLength) continue;
            db.TicketParticipants.Add(new TicketParticipant(ticket.Id, address, name, at));
            known.Add(address);
        }
    }

    private async Task<Ticket> EditableAsync(long ticketId, TicketAccessRule access, CancellationToken ct)
    {
        var ticket = await db.Tickets.AllowedBy(access).Include(t => t.Contact).SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
        if (ticket.Status == TicketStatus.Closed) throw new OknoException(new TicketIsClosed(ticket.Number));
        return ticket;
    }
}
