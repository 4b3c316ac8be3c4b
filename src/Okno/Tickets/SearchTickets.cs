using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Tickets;

public sealed record TicketSearchHit(TicketView Ticket, string MatchedIn);

/// <summary>First version of ticket search: a ticket number, a customer's email, or a case-insensitive substring of the subject or
/// of any message, in any alphabet. Query text is data, never syntax: LIKE wildcards in it are escaped.</summary>
public sealed class SearchTickets(OknoDb db)
{
    public const int MaxQueryLength = 200;

    public async Task<IReadOnlyList<TicketSearchHit>> ExecuteAsync(string? q, int limit, CurrentAgent agent, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        if (query.Length == 0) return [];
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        var visible = db.Tickets.VisibleTo(agent);
        var hits = new List<TicketSearchHit>();

        var numberText = query.TrimStart('#');
        if (long.TryParse(numberText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            var byNumber = (await TicketView.ReadAsync(visible.Where(t => t.Number == number), db, cancellationToken)).FirstOrDefault();
            if (byNumber is not null) hits.Add(new TicketSearchHit(byNumber, "number"));
        }

        if (query.Contains('@'))
        {
            // A customer's email: their tickets, newest first (exact address; addresses are stored normalized).
            var address = Customers.ContactEmail.Normalize(query);
            var contactIds = db.ContactEmails.Where(e => e.Address == address).Select(e => e.ContactId);
            var byCustomer = await TicketView.ReadAsync(visible.Where(t => contactIds.Contains(t.ContactId)).OrderByDescending(t => t.Id)
                .Take(limit), db, cancellationToken);
            hits.AddRange(byCustomer.Where(t => hits.All(h => h.Ticket.Id != t.Id)).Select(t => new TicketSearchHit(t, "customer")));
            if (hits.Count >= limit) return hits.Take(limit).ToList();
        }

        var pattern = "%" + Escape(query.ToLowerInvariant()) + "%";
        var bySubject = await TicketView.ReadAsync(visible.Where(t => EF.Functions.Like(OknoDb.Fold(t.Subject), pattern, "\\"))
            .OrderByDescending(t => t.Id).Take(limit), db, cancellationToken);
        hits.AddRange(bySubject.Where(t => hits.All(h => h.Ticket.Id != t.Id)).Select(t => new TicketSearchHit(t, "subject")));

        if (hits.Count < limit)
        {
            var seen = hits.Select(h => h.Ticket.Id).ToList();
            var byMessage = await TicketView.ReadAsync(visible
                .Where(t => !seen.Contains(t.Id) && t.Messages.Any(m => EF.Functions.Like(OknoDb.Fold(m.BodyText), pattern, "\\")))
                .OrderByDescending(t => t.Id).Take(limit - hits.Count), db, cancellationToken);
            hits.AddRange(byMessage.Select(t => new TicketSearchHit(t, "message")));
        }
        return hits.Take(limit).ToList();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
