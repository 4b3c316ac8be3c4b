using Microsoft.EntityFrameworkCore;
using Okno.Customers;
using Okno.Platform.Data;
using Okno.Surveys.Nps;

namespace Okno.Surveys;

/// <summary>Surveys' part of a contact merge (<see cref="MergeContacts"/>).</summary>
internal sealed class SurveysContactMerge(OknoDb db) : IContactMergeStep
{
    /// <summary>The person's surveys go with them: CSAT rows (the customer card's ratings, a messenger button's owner
    /// check), NPS questions and answers, and what NPS knows of them — asked last at the later of the two times (so
    /// the minimum interval still holds), unsubscribed if either was. A question of a campaign run that asked both
    /// records stays on the merged one (one per person and run), and is left without a person by the delete.</summary>
    public async Task MoveAsync(long contactId, long intoContactId, CancellationToken ct)
    {
        await db.CsatSurveys.Where(s => s.ContactId == contactId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ContactId, intoContactId), ct);
        var survivorRuns = db.Set<NpsSend>().Where(s => s.ContactId == intoContactId).Select(s => s.RunId);
        await db.Set<NpsSend>().Where(s => s.ContactId == contactId && !survivorRuns.Contains(s.RunId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ContactId, intoContactId), ct);
        await db.Set<NpsAnswer>().Where(a => a.ContactId == contactId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ContactId, intoContactId), ct);
        var states = await db.Set<NpsContactState>().Where(s => s.ContactId == contactId || s.ContactId == intoContactId).ToListAsync(ct);
        if (states.SingleOrDefault(s => s.ContactId == contactId) is not { } merged) return;
        var survivor = states.SingleOrDefault(s => s.ContactId == intoContactId);
        if (survivor is null) db.Add(survivor = new NpsContactState { ContactId = intoContactId });
        if (merged.LastAskedAt > survivor.LastAskedAt || survivor.LastAskedAt is null) survivor.LastAskedAt = merged.LastAskedAt;
        if (merged.UnsubscribedAt < survivor.UnsubscribedAt || survivor.UnsubscribedAt is null) survivor.UnsubscribedAt = merged.UnsubscribedAt;
        // The merged contact's row goes with it (cascade); saved with the merge's audit entry.
    }
}
