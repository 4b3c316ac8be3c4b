using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Platform.Web;

using Okno.Tickets;

namespace Okno.Customers;

public sealed record MergeContactsRequest(long? IntoContactId);

/// <summary>Joins two contacts of one person — typically an anonymous chat visitor, Telegram user or caller, known by a
/// channel id or a phone number, and the email contact they turn out to be. The survivor keeps its name and its
/// company (taking the merged contact's company if it has none) and gains the other's tickets, emails, phones and
/// channel ids (and its notes, under the survivor's); the merged contact is deleted. All in one transaction, with an audit entry and, on each moved ticket, a
/// history entry ("customer: contact #merged → #survivor", by the agent who merged, or the system for a confirmation).
/// <para>The moved tickets take the survivor's company: they are that person's requests, and their company is now
/// known (the visitor had none). Their histories are not rewritten — history is append-only — so a message or event
/// written by the merged contact keeps its author id, which no longer names a contact and shows as "customer".</para></summary>
/// <summary>A section's part of a merge: moves what it keeps of the merged contact to the survivor, inside the merge's
/// transaction and on its context (so what it tracks is saved with the merge). Customers cannot know the sections that
/// hold contacts (surveys, for one); they register this instead.</summary>
public interface IContactMergeStep
{
    Task MoveAsync(long contactId, long intoContactId, CancellationToken cancellationToken);
}

public sealed class MergeContacts(OknoDb db, Audit audit, SearchIndex search, TimeProvider clock, IEnumerable<IContactMergeStep> steps)
{
    private const int MoveBatch = 200;

    public async Task ExecuteAsync(long contactId, long intoContactId, long? agentId, CancellationToken cancellationToken)
    {
        if (contactId == intoContactId)
            throw new OknoException(InvalidInput.Field("intoContactId", CustomerErrorCodes.MergeIntoItself, "A contact cannot be merged into itself."));
        await db.WriteAsync(async ct =>
        {
            var pair = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId || c.Id == intoContactId)
                .Select(c => new { c.Id, c.Name, c.CompanyId, c.Notes }).ToListAsync(ct);
            var merged = pair.SingleOrDefault(c => c.Id == contactId) ?? throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", contactId));
            var survivor = pair.SingleOrDefault(c => c.Id == intoContactId)
                ?? throw new OknoException(InvalidInput.Field("intoContactId", CustomerErrorCodes.ContactNotFound, $"There is no contact {intoContactId}.", ("id", intoContactId)));
            var companyId = survivor.CompanyId ?? merged.CompanyId;
            if (companyId != survivor.CompanyId)
                await db.Contacts.Where(c => c.Id == intoContactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CompanyId, companyId), ct);

            // Through the tickets themselves, not a bulk update: each move is a history entry (and so an event), in
            // batches so a contact with thousands of tickets does not hold them all in memory at once.
            var actor = agentId is { } agent ? Actor.Agent(agent) : Actor.System;
            var now = clock.GetUtcNow();
            // What agents noted about either record is about the one person: the merged contact's notes go under the
            // survivor's (cut to the limit, the survivor's own kept whole).
            if (merged.Notes is { } mergedNotes)
            {
                var notes = survivor.Notes is null ? mergedNotes : survivor.Notes + "\n\n" + mergedNotes;
                if (notes.Length > Contact.NotesMaxLength) notes = notes[..Contact.NotesMaxLength];
                await db.Contacts.Where(c => c.Id == intoContactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Notes, notes), ct);
            }
            var tickets = 0;
            for (var lastId = 0L; ;)
            {
                var batch = await db.Tickets.Where(t => t.ContactId == contactId && t.Id > lastId).OrderBy(t => t.Id).Take(MoveBatch).ToListAsync(ct);
                if (batch.Count == 0) break;
                foreach (var ticket in batch) ticket.ChangeCustomer(intoContactId, companyId, actor, now);
                await db.SaveChangesAsync(ct);
                tickets += batch.Count;
                lastId = batch[^1].Id;
            }
            await db.ContactEmails.Where(e => e.ContactId == contactId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ContactId, intoContactId), ct);
            await db.ContactExternalIds.Where(x => x.ContactId == contactId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ContactId, intoContactId), ct);
            // Phone numbers are not unique: one the survivor already has is dropped, not doubled.
            var survivorPhones = db.ContactPhones.Where(p => p.ContactId == intoContactId).Select(p => p.Number);
            await db.ContactPhones.Where(p => p.ContactId == contactId && survivorPhones.Contains(p.Number)).ExecuteDeleteAsync(ct);
            await db.ContactPhones.Where(p => p.ContactId == contactId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ContactId, intoContactId), ct);
            // Memberships: a company the survivor already belongs to keeps the survivor's role; the others move.
            var survivorCompanies = db.ContactCompanies.Where(m => m.ContactId == intoContactId).Select(m => m.CompanyId);
            await db.ContactCompanies.Where(m => m.ContactId == contactId && survivorCompanies.Contains(m.CompanyId)).ExecuteDeleteAsync(ct);
            await db.ContactCompanies.Where(m => m.ContactId == contactId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ContactId, intoContactId), ct);
            foreach (var step in steps) await step.MoveAsync(contactId, intoContactId, ct);
            await db.Contacts.Where(c => c.Id == contactId).ExecuteDeleteAsync(ct);
            // Deleted behind the change tracker's back, so its name leaves the index here.
            await search.RemoveAsync(Contact.SearchKind, contactId, ct);

            audit.Add(agentId, "contact.merged", $"contact:{intoContactId}",
                $"contact {contactId} ({merged.Name}) merged into {intoContactId} ({survivor.Name}); {tickets} tickets moved");
            await db.SaveChangesAsync(ct);
            return tickets;
        }, cancellationToken);
    }
}
