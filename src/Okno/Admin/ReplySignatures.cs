using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Platform.Text;
using Okno.Tickets;

namespace Okno.Admin;

/// <summary>Adds the replying agent's signature under a reply to a customer, in the customer's language: the language
/// of the customer's latest message on the ticket (else of the ticket's subject) when it can be told, else the agent's
/// UI language, else the language the agent works in right now. An agent who wrote a signature in one language only gets
/// that one everywhere (better than none). The signature is plain text: it is escaped into the HTML part, never markup.
/// It becomes part of the stored message, so the timeline shows exactly what the customer received.</summary>
public sealed class ReplySignatures(OknoDb db)
{
    /// <summary>The standard separator of a signature in mail ("-- " on a line of its own): mail programs recognise it
    /// and leave the signature out of quotes.</summary>
    public const string Separator = "-- ";

    public async Task<MessageBody> AppendAsync(long agentId, long ticketId, MessageBody body, CancellationToken cancellationToken)
    {
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId)
            .Select(a => new { a.Language, a.SignatureRu, a.SignatureEn }).SingleOrDefaultAsync(cancellationToken);
        if (agent is null || (string.IsNullOrWhiteSpace(agent.SignatureRu) && string.IsNullOrWhiteSpace(agent.SignatureEn))) return body;
        var language = await CustomerLanguageAsync(ticketId, cancellationToken) ?? agent.Language ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var signature = (language == "ru" ? agent.SignatureRu : agent.SignatureEn) is { } chosen && !string.IsNullOrWhiteSpace(chosen)
            ? chosen
            : agent.SignatureRu ?? agent.SignatureEn!;
        return With(body, signature);
    }

    /// <summary>The body with the signature under it, in both parts.</summary>
    public static MessageBody With(MessageBody body, string signature)
    {
        var lines = signature.Trim().ReplaceLineEndings("\n").Split('\n');
        var text = body.Text.TrimEnd() + "\n\n" + Separator + "\n" + string.Join('\n', lines);
        var html = body.Html + "<p>" + WebUtility.HtmlEncode(Separator) + "<br>" + string.Join("<br>", lines.Select(WebUtility.HtmlEncode)) + "</p>";
        return new MessageBody(text, html);
    }

    /// <summary>"ru" or "en" when the customer's own words on this ticket tell; null otherwise.</summary>
    private async Task<string?> CustomerLanguageAsync(long ticketId, CancellationToken cancellationToken)
    {
        var latest = await db.Messages.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Direction == MessageDirection.In && !m.IsInternal)
            .OrderByDescending(m => m.Id).Select(m => m.BodyText.Substring(0, 2000)).FirstOrDefaultAsync(cancellationToken);
        var subject = latest is null || TextAnalyzer.DetectLanguage(latest) == ""
            ? await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId).Select(t => t.Subject).FirstOrDefaultAsync(cancellationToken)
            : null;
        var detected = TextAnalyzer.DetectLanguage(subject ?? latest);
        return detected == "" ? null : detected;
    }
}
