using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Channels;
using Okno.Platform.Jobs;
using Okno.Platform.Security;
using Okno.Platform.Ui;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Surveys.Nps;

/// <summary>NPS campaigns (S9): campaigns and their sending job, the public survey page, results and answers, follow-up
/// tickets, the API (<c>/api/v1/surveys/nps</c>) and the agent pages.</summary>
public static class NpsModule
{
    public static IServiceCollection AddNps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NpsCampaigns>();
        services.AddScoped<NpsResults>();
        services.AddScoped<NpsSurvey>();
        services.AddScoped<NpsSender>();
        services.AddJob(q =>
        {
            // The mail goes through the channels' delivery queue; a desk (or a test) that runs no channel jobs sends none.
            var channels = configuration.GetSection(ChannelsOptions.Section).Get<ChannelsOptions>() ?? new ChannelsOptions();
            if (channels.RunJobs) NpsSender.Schedule(q);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapNps(this IEndpointRouteBuilder app)
    {
        app.MapNpsSurveyPages();
        var nps = app.MapGroup("/api/v1/surveys/nps").RequireAuthorization().WithTags("NPS").WithProblemResponses();
        var supervisors = nps.MapGroup("").RequireAuthorization(p => p.RequireRole(nameof(AgentRole.Admin), nameof(AgentRole.Supervisor)));

        nps.MapGet("/campaigns", async (int? limit, string? cursor, NpsCampaigns campaigns, CancellationToken ct) =>
                TypedResults.Ok(await campaigns.ListAsync(limit, cursor, ct)))
            .WithSummary("NPS campaigns, newest first (?limit=&cursor=), each with its whole-life figures");
        nps.MapGet("/campaigns/{id:long}", async (long id, NpsCampaigns campaigns, CancellationToken ct) => TypedResults.Ok(await campaigns.GetAsync(id, ct)));
        supervisors.MapPost("/campaigns", async Task<Created<NpsCampaignView>> (NpsCampaignRequest request, NpsCampaigns campaigns, CurrentAgent agent,
            CancellationToken ct) =>
        {
            var created = await campaigns.CreateAsync(request, agent.Id, ct);
            return TypedResults.Created($"/api/v1/surveys/nps/campaigns/{created.Id}", created);
        }).WithSummary("A campaign (supervisors and admins): name, questionRu / questionEn (at least one), segment companies (companyIds) | " +
            "period (ticketsFrom, ticketsTo: tickets created in [from, to)) | all_with_email, schedule once | monthly | quarterly from startAt " +
            "(UTC instant; recurring runs keep its local time in timeZone, IANA, default UTC), enabled, autoFollowUp");
        supervisors.MapPut("/campaigns/{id:long}", async (long id, NpsCampaignRequest request, NpsCampaigns campaigns, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await campaigns.UpdateAsync(id, request, agent.Id, ct))).WithSummary("Replaces the campaign; its schedule applies from now on");
        supervisors.MapDelete("/campaigns/{id:long}", async (long id, NpsCampaigns campaigns, CurrentAgent agent, CancellationToken ct) =>
        {
            await campaigns.DeleteAsync(id, agent.Id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Deletes the campaign with its answers; tickets it opened stay");

        nps.MapGet("/campaigns/{id:long}/results", async (long id, string? from, string? to, string? interval, string? zone, NpsResults results,
                CancellationToken ct) => TypedResults.Ok(await results.ResultsAsync(id, from, to, interval, zone, ct)))
            .WithSummary("NPS (% promoters 9–10 − % detractors 0–6), promoters, passives, detractors, sent and answered for the days from..to " +
                "(yyyy-MM-dd, both included, in zone; default: since the campaign was created, at most 366 days), and the same per " +
                "interval=week|month");
        nps.MapGet("/campaigns/{id:long}/answers", async (long id, int? limit, string? cursor, bool? withComment, string? category, NpsResults results,
                CancellationToken ct) => TypedResults.Ok(await results.AnswersAsync(id, limit, cursor, withComment, QueryValues.Enum<NpsCategory>(category, "category"), ct)))
            .WithSummary("The answers, newest first (?limit=&cursor=), optionally only those with a comment (withComment=true) or of one " +
                "category (detractor | passive | promoter)");
        nps.MapPost("/campaigns/{id:long}/answers/{answerId:long}/follow-up", async Task<Created<NpsFollowUpView>> (long id, long answerId,
            NpsResults results, CurrentAgent agent, CancellationToken ct) =>
        {
            var made = await results.FollowUpAsync(id, answerId, Actor.Agent(agent.Id), ct);
            return TypedResults.Created($"/api/v1/tickets/{made.TicketId}", made);
        }).WithSummary("Opens a follow-up ticket for a detractor's answer, as you, once; the answer links to it");

        nps.MapGet("/settings", async (NpsCampaigns campaigns, CancellationToken ct) => TypedResults.Ok(await campaigns.SettingsAsync(ct)))
            .WithSummary("The minimum interval between two questions to one person, across all campaigns (days, default 90)");
        supervisors.MapPut("/settings", async (NpsSettingsRequest request, NpsCampaigns campaigns, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await campaigns.SaveSettingsAsync(request, agent.Id, ct))).WithSummary("Sets minIntervalDays (1–3650)");
        return app;
    }
}
