using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers;
using Microsoft.Extensions.Options;
using Okno.Channels;
using Okno.Notifications;
using Okno.Platform.Data;
using Okno.Platform.Text;
using Okno.Tickets;
using Quartz;

namespace Okno.Surveys;

/// <summary>Every 30 seconds, sends the surveys whose delay has passed: on a messenger (chat, Telegram, VK, a connector)
/// as a message with buttons 1–5 on the ticket, otherwise as a mail with five one-click links through the one delivery
/// queue (<see cref="NotificationMail"/>). Clustered Quartz runs it on one node at a time, and each survey is taken by a
/// conditional update (Scheduled → Sent) in the transaction that queues its message, so two nodes never send one twice.</summary>
[DisallowConcurrentExecution]
internal sealed class CsatSender(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CsatSender> logger) : IJob
{
    public static readonly JobKey Key = new("csat-sender");
    public const int Batch = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunDueAsync(cancellationToken);

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            due = await scope.ServiceProvider.GetRequiredService<OknoDb>().CsatSurveys
                .Where(s => s.Status == CsatStatus.Scheduled && s.DueAt <= now).OrderBy(s => s.DueAt).Select(s => s.Id).Take(Batch).ToListAsync(cancellationToken);
        }
        var mailed = false;
        foreach (var id in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
                using (Platform.Outbox.Operation.Begin())
                    mailed |= await db.WriteAsync(ct => SendAsync(scope.ServiceProvider, db, id, ct), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending CSAT survey {Survey} failed; the next run tries again", id);
            }
        }
        if (mailed)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<NotificationMail>().Wake();
        }
        return due.Count;
    }

    /// <summary>Sends one survey; true when a mail was queued.</summary>
    private async Task<bool> SendAsync(IServiceProvider services, OknoDb db, long surveyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.CsatSurveys.Where(s => s.Id == surveyId && s.Status == CsatStatus.Scheduled)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, CsatStatus.Sent).SetProperty(s => s.SentAt, now), ct);
        if (claimed == 0) return false;
        var survey = await db.CsatSurveys.SingleAsync(s => s.Id == surveyId, ct);
        var ticket = await db.Tickets.Where(t => t.Id == survey.TicketId)
            .Select(t => new { t.Status, t.Number, t.Reference, t.Subject, ContactName = t.Contact.Name, t.ContactId }).SingleAsync(ct);
        if (TicketStatusRules.IsOpenLike(ticket.Status))
        {
            Skip(survey, CsatStatus.Cancelled, "reopened before it was sent");
            await db.SaveChangesAsync(ct);
            return false;
        }
        var settings = await services.GetRequiredService<CsatSettings>().ForAsync(survey.Channel, survey.GroupId, ct);
        if (!settings.Enabled)
        {
            Skip(survey, CsatStatus.Skipped, "surveys were switched off before it was sent");
            await db.SaveChangesAsync(ct);
            return false;
        }
        var language = SurveyStrings.Language(survey.Language);
        var reference = ticket.Reference is { } r ? TicketReference.Format(r) : "#" + ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = CsatTexts.Render(language == "ru" ? settings.TextRu : settings.TextEn, language, reference, ticket.Subject, ticket.ContactName);
        var baseUrl = services.GetRequiredService<IOptions<NotificationsOptions>>().Value.BaseUrl;
        var token = CsatTokens.New();
        survey.TokenHash = CsatTokens.Hash(token);
        var mail = services.GetRequiredService<NotificationMail>();

        // A closed ticket takes no messages: its customer is asked by mail if they have an address.
        if (ticket.Status != TicketStatus.Closed && await mail.ConversationTakesButtonsAsync(survey.TicketId, ct))
        {
            var text = baseUrl is { Length: > 0 } ? body + "\n\n" + SurveyStrings.Format("CommentLink", language, CsatTexts.Link(baseUrl, token, null)) : body;
            var written = services.GetRequiredService<MessageBodies>().FromText(text);
            var entity = await db.Tickets.SingleAsync(t => t.Id == survey.TicketId, ct);
            // Written as the bot: not an agent's answer (no first response, the status stays) but a message of the desk.
            var message = new Message(MessageDirection.Out, false, Actor.Bot, written.Text, written.Html, now);
            message.Offer([.. Enumerable.Range(1, 5).Select(n => new MessageButton(CsatTexts.Payload(survey.Id, n),
                $"{n} — {CsatTexts.RatingLabel(n, language)}"))]);
            entity.AddMessage(message, now);
            await db.SaveChangesAsync(ct);
            return false;
        }
        var address = await db.ContactEmails.Where(e => e.ContactId == ticket.ContactId).OrderBy(e => e.Id).Select(e => e.Address).FirstOrDefaultAsync(ct);
        var mailbox = address is null ? null : await mail.MailboxForAsync(survey.TicketId, ct);
        if (address is null || mailbox is null || baseUrl is not { Length: > 0 })
        {
            Skip(survey, CsatStatus.Skipped, address is null ? "the customer has no email address" : mailbox is null ? "no enabled mailbox"
                : "the desk's public address (Okno:Notifications:BaseUrl) is not set");
            await db.SaveChangesAsync(ct);
            return false;
        }
        if ((await mail.OwnAddressesAsync(ct)).Contains(address))
        {
            Skip(survey, CsatStatus.Skipped, "the customer's address is one of the desk's own");
            await db.SaveChangesAsync(ct);
            return false;
        }
        var (subject, plain, html) = CsatTexts.Mail(body, language, reference, baseUrl, token);
        await mail.QueueAsync(ChannelDelivery.Notification(mailbox.Value, survey.TicketId, address, subject, plain, html,
            "csat:" + survey.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), now), ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Skip(CsatSurvey survey, CsatStatus status, string reason)
    {
        survey.Status = status;
        survey.SentAt = null;
        survey.TokenHash = null;
        survey.SkipReason = reason;
    }
}
