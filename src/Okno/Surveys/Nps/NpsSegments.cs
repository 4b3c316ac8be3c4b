using Okno.Customers;
using Okno.Platform.Data;

namespace Okno.Surveys.Nps;

/// <summary>The contacts a campaign asks, as a query to compose (keyset by id): its segment, and an email in any case.</summary>
public static class NpsSegments
{
    public static IQueryable<Contact> Contacts(OknoDb db, NpsCampaign campaign)
    {
        var contacts = db.Contacts.Where(c => c.Emails.Any());
        switch (campaign.Segment)
        {
            case NpsSegment.Companies:
                var companies = campaign.CompanyIds;
                return contacts.Where(c => c.CompanyId != null && companies.Contains(c.CompanyId.Value));
            case NpsSegment.Period:
                var (from, to) = (campaign.TicketsFrom ?? DateTimeOffset.MinValue, campaign.TicketsTo ?? DateTimeOffset.MaxValue);
                return contacts.Where(c => db.Set<Tickets.Ticket>().Any(t => t.ContactId == c.Id && t.CreatedAt >= from && t.CreatedAt < to));
            default:
                return contacts;
        }
    }
}
