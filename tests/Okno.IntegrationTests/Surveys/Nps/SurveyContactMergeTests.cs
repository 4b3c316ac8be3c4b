using System.Net;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Security;
using Okno.Surveys;
using Okno.Surveys.Nps;
using Okno.Testing;
using Okno.Tickets;

namespace Okno.IntegrationTests.Surveys.Nps;

/// <summary>Issue 19: a merged contact's surveys go to the survivor — CSAT rows (the customer card), NPS questions and
/// answers, and the NPS "last asked" (so the minimum interval still sees the person as asked); on both databases.</summary>
public sealed class SurveyContactMergeTests
{
    [Theory]
    [BothDatabases]
    public async Task Merging_contacts_moves_their_surveys_and_keeps_the_later_ask(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var admin = await app.AdminClientAsync();
        var merged = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Анфиса", phones = new[] { "+79001112244" } });
        var survivor = await admin.PostJsonAsync("/api/v1/contacts", new { name = "Евлампия", emails = new[] { "evl-nps@example.com" } });
        var ticket = await admin.CreateTicketAsync("Звонок", extra: new { customer = new { phone = "+7 900 111-22-44", name = "Анфиса" } });
        Assert.Equal(merged.Id(), ticket.GetProperty("customer").Id());
        var askedAt = DateTimeOffset.UtcNow.AddDays(-3);
        await app.WithDbAsync(async db =>
        {
            var campaign = new NpsCampaign { Name = "Q1", StartAt = askedAt, CreatedAt = askedAt, UpdatedAt = askedAt };
            db.Add(campaign);
            await db.SaveChangesAsync();
            var run = new NpsRun { CampaignId = campaign.Id, PlannedAt = askedAt, StartedAt = askedAt };
            db.Add(run);
            await db.SaveChangesAsync();
            var send = new NpsSend { RunId = run.Id, CampaignId = campaign.Id, ContactId = merged.Id(), TokenHash = TokenCodec.Hash("merge-test"), SentAt = askedAt };
            db.Add(send);
            await db.SaveChangesAsync();
            db.Add(new NpsAnswer { SendId = send.Id, CampaignId = campaign.Id, ContactId = merged.Id(), Score = 4, AnsweredAt = askedAt });
            db.Add(new NpsContactState { ContactId = merged.Id(), LastAskedAt = askedAt });
            db.CsatSurveys.Add(new CsatSurvey
            {
                TicketId = ticket.Id(), ResolutionEventId = -Random.Shared.NextInt64(1, long.MaxValue), ContactId = merged.Id(), Channel = ChannelKind.Api,
                ResolvedAt = askedAt, DueAt = askedAt, Status = CsatStatus.Answered, Rating = 5, AnsweredAt = askedAt, SentAt = askedAt,
            });
            return await db.SaveChangesAsync();
        });

        await admin.PostJsonAsync($"/api/v1/contacts/{merged.Id()}/merge", new { intoContactId = survivor.Id() }, HttpStatusCode.OK);

        var (sends, answers, csat, state) = await app.WithDbAsync(async db => (
            await db.Set<NpsSend>().Select(s => s.ContactId).ToListAsync(),
            await db.Set<NpsAnswer>().Select(a => a.ContactId).ToListAsync(),
            await db.CsatSurveys.Select(s => s.ContactId).ToListAsync(),
            await db.Set<NpsContactState>().AsNoTracking().ToListAsync()));
        Assert.Equal([survivor.Id()], sends.Select(s => s ?? 0));
        Assert.Equal([survivor.Id()], answers.Select(a => a ?? 0));
        Assert.Equal([survivor.Id()], csat);
        var kept = Assert.Single(state);
        Assert.Equal(survivor.Id(), kept.ContactId);
        Assert.Equal(askedAt.UtcTicks / TimeSpan.TicksPerMillisecond, kept.LastAskedAt!.Value.UtcTicks / TimeSpan.TicksPerMillisecond);
    }
}
