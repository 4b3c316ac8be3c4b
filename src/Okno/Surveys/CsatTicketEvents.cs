using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Surveys;

/// <summary>A resolution schedules one survey (if the ticket's group or channel has them on), due after the delay; a
/// reopening before it went out cancels it. Keyed by the resolving event, so a retried event adds nothing; a reopened and
/// re-resolved ticket is a new resolution and gets a new survey.</summary>
internal sealed class CsatTicketEvents(OknoDb db, CsatSettings settings) : ITicketEventHandler
{
    public const string HandlerName = "csat";

    public string Name => HandlerName;

    public bool WakesFor(string eventType) => eventType is TicketStatusChanged.Type;
    public bool InBackground => true;

    public async Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken ct)
    {
        switch (ticketEvent)
        {
            case TicketStatusChanged { To: TicketStatus.Resolved } resolved:
                await ScheduleAsync(resolved, ct);
                break;
            case TicketStatusChanged { From: TicketStatus.Resolved, To: not TicketStatus.Closed } reopened:
                await db.CsatSurveys.Where(s => s.TicketId == reopened.TicketId && s.Status == CsatStatus.Scheduled && s.ResolvedAt <= reopened.At)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, CsatStatus.Cancelled).SetProperty(s => s.SkipReason, "reopened before it was sent"), ct);
                break;
        }
    }

    private async Task ScheduleAsync(TicketStatusChanged e, CancellationToken ct)
    {
        if (await db.CsatSurveys.AnyAsync(s => s.ResolutionEventId == e.EventId, ct)) return;
        var ticket = await db.Tickets.Where(t => t.Id == e.TicketId)
            .Select(t => new { t.Channel, t.ContactId, t.CompanyId, t.MergedIntoId }).SingleOrDefaultAsync(ct);
        if (ticket is null || ticket.MergedIntoId is not null) return;
        var effective = await settings.ForAsync(ticket.Channel, e.After.GroupId, ct);
        if (!effective.Enabled) return;
        // Contacts have no language of their own: the customer's first message says which they write in.
        var first = await db.Messages.Where(m => m.TicketId == e.TicketId && m.Direction == MessageDirection.In)
            .OrderBy(m => m.Id).Select(m => m.BodyText).FirstOrDefaultAsync(ct);
        var subject = await db.Tickets.Where(t => t.Id == e.TicketId).Select(t => t.Subject).SingleAsync(ct);
        db.CsatSurveys.Add(new CsatSurvey
        {
            TicketId = e.TicketId, ResolutionEventId = e.EventId, ContactId = ticket.ContactId, CompanyId = ticket.CompanyId, GroupId = e.After.GroupId,
            AgentId = e.After.AssigneeId, Channel = ticket.Channel, ResolvedAt = e.At, DueAt = e.At.AddMinutes(effective.DelayMinutes),
            Status = CsatStatus.Scheduled, Language = LanguageOf(first + " " + subject),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"ru" when the text has more Cyrillic than Latin letters, else "en".</summary>
    internal static string LanguageOf(string text)
    {
        int cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё') cyrillic++;
            else if (char.IsAsciiLetter(c)) latin++;
        }
        return cyrillic > latin ? "ru" : "en";
    }
}
