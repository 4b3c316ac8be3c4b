using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Customers;

namespace Okno.Tickets;

/// <summary>A ticket found by search: what matched ("number", "customer", "subject", "message") and, for text
/// matches, an HTML snippet with the matched words in &lt;mark&gt; (the rest escaped).</summary>
public sealed record TicketSearchHit(TicketView Ticket, string MatchedIn, string? Snippet = null);

/// <summary>Ticket search: a ticket number, a customer's email, phone, name or company name, or words of the subject or of any message (internal
/// notes included: only agents search) through the full-text index, in Russian and English word forms. Ranked by the
/// index (a subject hit above a message hit) among the newest <see cref="SearchIndex.Candidates"/> matching subjects and
/// messages the agent may see (the access rule is in SQL, before that bound). Query text is data, never syntax.</summary>
public sealed class SearchTickets(OknoDb db, SearchIndex index)
{
    public const int MaxQueryLength = 200;
    /// <summary>How many contacts (and companies) a query's words or number may name: the newest ones.</summary>
    public const int MaxCustomers = 50;

    public async Task<IReadOnlyList<TicketSearchHit>> ExecuteAsync(string? q, int limit, CurrentAgent agent, CancellationToken cancellationToken)
    {
        // Control characters are never meant (and PostgreSQL refuses a NUL in any text parameter).
        var query = Platform.Text.SingleLine.Of(q ?? "");
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

        if (TicketReference.Normalize(query) is { } reference)
        {
            // The reference a customer was given (a visitor of the help center quoting it on the phone).
            var byReference = (await TicketView.ReadAsync(visible.Where(t => t.Reference == reference), db, cancellationToken)).FirstOrDefault();
            if (byReference is not null && hits.All(h => h.Ticket.Id != byReference.Id)) hits.Add(new TicketSearchHit(byReference, "reference"));
        }

        if (query.Contains('@'))
        {
            // A customer's email: their tickets, newest first (exact address; addresses are stored normalized).
            var address = Customers.ContactEmail.Normalize(query);
            // Unverified senders who typed that address too (a different contact each, see Contact.UnverifiedEmail).
            var contactIds = db.ContactEmails.Where(e => e.Address == address).Select(e => e.ContactId)
                .Concat(db.Contacts.Where(c => c.UnverifiedEmail == address).Select(c => c.Id));
            var byCustomer = await TicketView.ReadAsync(visible.Where(t => contactIds.Contains(t.ContactId)).OrderByDescending(t => t.Id)
                .Take(limit), db, cancellationToken);
            hits.AddRange(byCustomer.Where(t => hits.All(h => h.Ticket.Id != t.Id)).Select(t => new TicketSearchHit(t, "customer")));
            if (hits.Count >= limit) return hits.Take(limit).ToList();
        }

        await AddCustomerHitsAsync(query, visible, hits, limit, cancellationToken);
        if (hits.Count >= limit) return hits.Take(limit).ToList();

        var seen = hits.Select(h => h.Ticket.Id).ToList();
        var take = limit - hits.Count + seen.Count;
        // The best entry rank per visible ticket. The access rule is part of the SQL, so the top tickets are the top
        // tickets this agent may see, not a filtered global top.
        var (terms, ranked) = await index.RunAsync(query, t =>
        {
            var matches = db.SearchMatches(t, [Ticket.SearchKind, Message.SearchKind, CustomFields.CustomFieldValues.TicketSearchKind], kindsAreFew: false);
            if (!agent.SeesAllTickets)
            {
                // A correlated EXISTS, one ticket look-up per match walked: as `TicketId IN (visible ids)` SQLite built
                // the list of every ticket the agent may see (148,153 at 1M tickets, ~110 ms) on each search.
                matches = matches.Where(m => visible.Any(v => v.Id == m.TicketId));
            }
            return SearchIndex.Newest(matches).GroupBy(m => m.TicketId)
                .Select(g => new { TicketId = g.Key, Rank = g.Max(m => m.Rank) })
                .OrderByDescending(r => r.Rank).ThenByDescending(r => r.TicketId)
                .Take(take).ToListAsync(cancellationToken);
        }, cancellationToken);
        var ids = ranked.Where(r => r.TicketId is { } id && !seen.Contains(id)).Select(r => r.TicketId!.Value).Take(limit - hits.Count).ToList();
        if (ids.Count == 0) return hits;

        var views = (await TicketView.ReadAsync(visible.Where(t => ids.Contains(t.Id)), db, cancellationToken)).ToDictionary(v => v.Id);
        var snippets = await SnippetsAsync(views.Values.ToList(), terms.Terms, cancellationToken);
        foreach (var id in ids)
            if (views.TryGetValue(id, out var view))
            {
                var (matchedIn, snippet) = snippets[id];
                hits.Add(new TicketSearchHit(view, matchedIn, snippet));
            }
        return hits;
    }

    /// <summary>Tickets of the customers the query names: by a phone number of theirs (exact), by every word of their name,
    /// or by their company's name (full-text over contacts and companies, the newest <see cref="MaxCustomers"/> matching
    /// each). Newest tickets first, from the (ContactId, Id) and (CompanyId, Id) indexes. A person's name is most likely
    /// typed to find that person's requests, so these come before the tickets whose text merely holds the words.</summary>
    private async Task AddCustomerHitsAsync(string query, IQueryable<Ticket> visible, List<TicketSearchHit> hits, int limit,
        CancellationToken cancellationToken)
    {
        if (hits.Count >= limit || query.Contains('@')) return;
        var contactIds = new List<long>();
        if (SearchContacts.PhoneVariants(query) is { } numbers)
            contactIds.AddRange(await db.ContactPhones.Where(p => numbers.Contains(p.Number)).Select(p => p.ContactId).Take(MaxCustomers)
                .ToListAsync(cancellationToken));
        var terms = SearchIndex.Analyze(query);
        var companyIds = new List<long>();
        if (terms.Count > 0)
        {
            contactIds.AddRange(await db.SearchMatches(terms, [Contact.SearchKind]).OrderByDescending(m => m.EntryId).Select(m => m.OwnerId)
                .Take(MaxCustomers).ToListAsync(cancellationToken));
            companyIds = await db.SearchMatches(terms, [Company.SearchKind]).OrderByDescending(m => m.EntryId).Select(m => m.OwnerId)
                .Take(MaxCustomers).ToListAsync(cancellationToken);
        }
        if (contactIds.Count == 0 && companyIds.Count == 0) return;
        var found = new List<TicketView>();
        if (contactIds.Count > 0)
            found.AddRange(await TicketView.ReadAsync(visible.Where(t => contactIds.Contains(t.ContactId)).OrderByDescending(t => t.Id).Take(limit),
                db, cancellationToken));
        if (companyIds.Count > 0)
            found.AddRange(await TicketView.ReadAsync(visible.Where(t => t.CompanyId != null && companyIds.Contains(t.CompanyId.Value))
                .OrderByDescending(t => t.Id).Take(limit), db, cancellationToken));
        hits.AddRange(found.DistinctBy(t => t.Id).OrderByDescending(t => t.Id).Where(t => hits.All(h => h.Ticket.Id != t.Id))
            .Take(limit - hits.Count).Select(t => new TicketSearchHit(t, "customer")));
    }

    /// <summary>Per ticket: the subject when it holds every term, else the message whose analyzed body holds the most
    /// terms (the newest of equals); its original text becomes the snippet.</summary>
    private async Task<Dictionary<long, (string MatchedIn, string Snippet)>> SnippetsAsync(List<TicketView> tickets,
        IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var set = terms.ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<long, (string, string)>();
        var needMessage = new List<long>();
        foreach (var t in tickets)
        {
            if (set.IsSubsetOf(TextAnalyzer.Terms(t.Subject))) result[t.Id] = ("subject", TextAnalyzer.Snippet(t.Subject, set));
            else needMessage.Add(t.Id);
        }
        if (needMessage.Count == 0) return result;

        var entries = await db.SearchEntries.AsNoTracking()
            .Where(e => e.Kind == Message.SearchKind && e.TicketId != null && needMessage.Contains(e.TicketId.Value))
            .Select(e => new { e.OwnerId, TicketId = e.TicketId!.Value, e.Body }).ToListAsync(cancellationToken);
        int Hits(string body) => body.Split(' ').Where(set.Contains).Distinct().Count();
        var best = entries.GroupBy(e => e.TicketId).ToDictionary(g => g.Key, g => g
            .OrderByDescending(e => Hits(e.Body)).ThenByDescending(e => e.OwnerId).First().OwnerId);
        var messageHit = entries.Where(e => Hits(e.Body) > 0).Select(e => e.TicketId).ToHashSet();
        var messageIds = best.Values.ToList();
        var bodies = await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id))
            .Select(m => new { m.Id, m.BodyText }).ToDictionaryAsync(m => m.Id, m => m.BodyText, cancellationToken);
        // A ticket found by the text of its custom fields (issue 20) and by no message: the fields' text is the snippet.
        var byFields = needMessage.Where(id => !messageHit.Contains(id)).ToList();
        var fieldTexts = byFields.Count == 0 ? new Dictionary<long, (string Title, string Body)>()
            : (await new CustomFields.TicketFieldsSearchText().TextsAsync(db, byFields, cancellationToken)).ToDictionary();
        foreach (var t in tickets.Where(t => needMessage.Contains(t.Id)))
        {
            result[t.Id] = fieldTexts.TryGetValue(t.Id, out var fields) && set.Overlaps(TextAnalyzer.Terms(fields.Body))
                ? ("custom_field", TextAnalyzer.Snippet(fields.Body, set))
                : best.TryGetValue(t.Id, out var messageId) && bodies.TryGetValue(messageId, out var body)
                    ? ("message", TextAnalyzer.Snippet(body, set))
                    : ("subject", TextAnalyzer.Snippet(t.Subject, set));
        }
        return result;
    }
}

/// <summary>Original texts of subjects and messages, for <see cref="SearchIndex"/> snippets.</summary>
internal sealed class TicketSubjectSearchText : ISearchTextSource
{
    public string Kind => Ticket.SearchKind;

    public async Task<IReadOnlyDictionary<long, (string Title, string Body)>> TextsAsync(OknoDb db, IReadOnlyCollection<long> ownerIds, CancellationToken cancellationToken) =>
        await db.Tickets.AsNoTracking().Where(t => ownerIds.Contains(t.Id)).Select(t => new { t.Id, t.Subject })
            .ToDictionaryAsync(t => t.Id, t => (t.Subject, ""), cancellationToken);
}

internal sealed class MessageSearchText : ISearchTextSource
{
    public string Kind => Message.SearchKind;

    public async Task<IReadOnlyDictionary<long, (string Title, string Body)>> TextsAsync(OknoDb db, IReadOnlyCollection<long> ownerIds, CancellationToken cancellationToken) =>
        await db.Messages.AsNoTracking().Where(m => ownerIds.Contains(m.Id)).Select(m => new { m.Id, m.BodyText })
            .ToDictionaryAsync(m => m.Id, m => ("", m.BodyText), cancellationToken);
}
