using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Surveys.Nps;

/// <summary>What a survey link finds: the question in the person's language, and whether it was answered and commented.</summary>
public sealed record NpsLinkState(long SendId, long CampaignId, string Language, string Question, int? Score, bool Commented, bool Unsubscribed);

public enum NpsAnswerOutcome { Recorded, AlreadyAnswered }

public enum NpsCommentOutcome { Recorded, AlreadyCommented, NotAnswered, Invalid }

/// <summary>The public side of a survey link: no sign-in, the token is the only key (looked up by its hash). A score is
/// recorded once per question (the unique answer per send); a comment can be added once; "don't ask me again" holds for
/// every campaign.</summary>
public sealed class NpsSurvey(OknoDb db, NpsResults results, TimeProvider clock)
{
    public async Task<NpsLinkState?> FindAsync(string token, CancellationToken ct)
    {
        if (!LooksLikeToken(token)) return null;
        var hash = TokenCodec.Hash(token);
        var found = await db.Set<NpsSend>().AsNoTracking().Where(s => s.TokenHash == hash)
            .Join(db.Set<NpsCampaign>(), s => s.CampaignId, c => c.Id, (s, c) => new { Send = s, c.QuestionRu, c.QuestionEn })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var answer = await db.Set<NpsAnswer>().AsNoTracking().Where(a => a.SendId == found.Send.Id).Select(a => new { a.Score, a.Comment }).SingleOrDefaultAsync(ct);
        var unsubscribed = found.Send.ContactId is { } contactId
            && await db.Set<NpsContactState>().AnyAsync(s => s.ContactId == contactId && s.UnsubscribedAt != null, ct);
        var question = new NpsCampaign { QuestionRu = found.QuestionRu, QuestionEn = found.QuestionEn }.QuestionIn(found.Send.Language);
        return new NpsLinkState(found.Send.Id, found.Send.CampaignId, found.Send.Language, question, answer?.Score, answer?.Comment is not null, unsubscribed);
    }

    /// <summary>Records the score unless this question was answered already (a second click, another tab at once).</summary>
    public async Task<NpsAnswerOutcome> AnswerAsync(NpsLinkState link, int score, CancellationToken ct)
    {
        if (score is < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(score));
        var recorded = await db.WriteAsync(async c =>
        {
            if (await db.Set<NpsAnswer>().AnyAsync(a => a.SendId == link.SendId, c)) return (NpsAnswer?)null;
            var send = await db.Set<NpsSend>().AsNoTracking().SingleAsync(s => s.Id == link.SendId, c);
            var answer = new NpsAnswer
            {
                SendId = send.Id, CampaignId = send.CampaignId, ContactId = send.ContactId, CompanyId = send.CompanyId, Score = score,
                AnsweredAt = clock.GetUtcNow(),
            };
            db.Add(answer);
            await db.SaveChangesAsync(c);
            return answer;
        }, ct);
        db.ChangeTracker.Clear();
        if (recorded is null) return NpsAnswerOutcome.AlreadyAnswered;
        await results.AutoFollowUpAsync(recorded.CampaignId, recorded.Id, score, ct);
        return NpsAnswerOutcome.Recorded;
    }

    /// <summary>Adds the comment once, to an answered question.</summary>
    public async Task<NpsCommentOutcome> CommentAsync(NpsLinkState link, string? comment, CancellationToken ct)
    {
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > NpsAnswer.CommentMaxLength || FieldErrors.HasControlCharacters(text)) return NpsCommentOutcome.Invalid;
        if (link.Score is null) return NpsCommentOutcome.NotAnswered;
        var now = clock.GetUtcNow();
        var updated = await db.Set<NpsAnswer>().Where(a => a.SendId == link.SendId && a.Comment == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Comment, text).SetProperty(a => a.CommentedAt, now), ct);
        return updated == 1 ? NpsCommentOutcome.Recorded : NpsCommentOutcome.AlreadyCommented;
    }

    /// <summary>"Don't ask me again": no campaign asks this person any more.</summary>
    public async Task UnsubscribeAsync(NpsLinkState link, CancellationToken ct)
    {
        if (await db.Set<NpsSend>().Where(s => s.Id == link.SendId).Select(s => s.ContactId).SingleOrDefaultAsync(ct) is not { } contactId) return;
        var now = clock.GetUtcNow();
        await db.WriteAsync(async c =>
        {
            var state = await db.Set<NpsContactState>().SingleOrDefaultAsync(s => s.ContactId == contactId, c);
            if (state is null) db.Add(state = new NpsContactState { ContactId = contactId });
            state.UnsubscribedAt ??= now;
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>43 URL-safe base64 characters (256 bits); anything else is not looked up.</summary>
    private static bool LooksLikeToken(string token) =>
        token.Length == 43 && token.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_');
}
