using Microsoft.EntityFrameworkCore;
using Okno.Channels;
using Okno.Notifications.Workspace;
using Okno.Platform.Text;
using Okno.Tickets;

namespace Okno.Surveys;

/// <summary>The inbound step that takes a press of a CSAT button (payload "csat:{survey}:{rating}") out of the pipeline
/// before it becomes a customer message, which would reopen the resolved ticket: the rating is recorded on the survey
/// (only the customer it was sent to can answer it) and the item is marked ignored with the reason, in the processor's
/// one save. A "thank you" goes back as a message on the ticket unless it is closed. A press of an already answered
/// survey is dropped the same way. Runs after the customer is identified.</summary>
internal sealed class CsatButtonFilter(CsatAnswers answers, AgentNotificationFeed feed, MessageBodies bodies, TimeProvider clock) : IInboundFilter
{
    public async Task RunAsync(InboundContext context, CancellationToken cancellationToken)
    {
        if (!CsatTexts.TryReadPayload(context.Message.ButtonPayload, out var surveyId, out var rating)) return;
        var db = context.Db;
        var own = context.ContactId is { } contactId && await db.CsatSurveys.AnyAsync(s => s.Id == surveyId && s.ContactId == contactId, cancellationToken);
        // Someone else's (or a made-up) survey: an ordinary message, as if no button matched.
        if (!own) return;
        var told = new List<long>();
        var survey = await answers.RateByButtonAsync(surveyId, context.ContactId, rating, told, cancellationToken);
        if (survey is null)
        {
            context.IgnoredBecause = "a satisfaction rating for a survey that is already answered";
            return;
        }
        context.IgnoredBecause = $"a satisfaction rating ({rating} of 5), recorded on the survey";
        var ticket = await db.Tickets.SingleAsync(t => t.Id == survey.TicketId, cancellationToken);
        if (ticket.Status != TicketStatus.Closed)
        {
            var now = clock.GetUtcNow();
            var thanks = bodies.FromText(SurveyStrings.Format("ThanksMessage", survey.Language, rating));
            ticket.AddMessage(new Message(MessageDirection.Out, false, Actor.Bot, thanks.Text, thanks.Html, now), now);
        }
        // Told before the item's save commits: a bell that looks at once may find the item a moment later.
        if (told.Count > 0) feed.Publish(told);
    }
}
