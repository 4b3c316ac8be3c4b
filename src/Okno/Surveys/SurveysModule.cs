using Okno.Channels;
using Okno.Platform.Jobs;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Events;
using Okno.Tickets.Ui;
using Quartz;

namespace Okno.Surveys;

/// <summary>Customer surveys (PRODUCT.md S9): CSAT after a resolution — the "csat" ticket event handler, the sender job,
/// the messenger-button step of the inbound pipeline, the public survey page, the settings and answers API, the panels on
/// the ticket page and the customer card. NPS campaigns register their own NpsModule.</summary>
public static class SurveysModule
{
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CsatSettings>();
        services.AddScoped<CsatAnswers>();
        services.AddScoped<Customers.IContactMergeStep, SurveysContactMerge>();
        services.AddScoped<ITicketCsat>(sp => sp.GetRequiredService<CsatAnswers>());
        services.AddSingleton<CsatSender>();
        services.AddTicketEventHandler<CsatTicketEvents>();
        // After Channels' own steps (AddChannels runs first): the customer is identified by then.
        services.AddScoped<IInboundFilter, CsatButtonFilter>();
        services.AddTicketPagePanel<Ui.CsatTicketPanel>(order: 20);
        services.AddSingleton(new Customers.Ui.ContactCardPanel(typeof(Ui.CsatContactPanel), 10));
        services.AddJob(q =>
        {
            var channels = configuration.GetSection(ChannelsOptions.Section).Get<ChannelsOptions>() ?? new ChannelsOptions();
            if (!channels.RunJobs) return;
            q.ScheduleJob<CsatSender>(
                trigger => trigger.WithIdentity(CsatSender.Key.Name).StartAt(DateTimeOffset.UtcNow.AddSeconds(30))
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(CsatSender.Key));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        var csat = app.MapGroup("/api/v1/surveys/csat").RequireAuthorization(p => p.RequireRole(nameof(AgentRole.Admin), nameof(AgentRole.Supervisor)))
            .WithTags("Surveys").WithProblemResponses();
        csat.MapGet("/settings", async (CsatSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAsync(ct)))
            .WithSummary("The CSAT settings: the default (enabled, delayMinutes, textEn, textRu), overrides per channel kind and per group " +
                "(a group wins over a channel), and lowRatingThreshold (ratings at or below it notify the supervisors; 0: off)");
        csat.MapPut("/settings", async (CsatSettingsView request, CsatSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.SaveAsync(request, ct)))
            .RequireAuthorization(Admin.AdminModule.AdminPolicy)
            .WithSummary("Replace every CSAT setting at once (admins). Texts may use {ticket}, {subject}, {name}; empty falls back to the next " +
                "level and then to the shipped text; delayMinutes 0–10080");
        csat.MapGet("", async (string? from, string? to, long? groupId, int? rating, int? limit, string? cursor, CsatAnswers answers, TimeProvider clock,
                CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                if (groupId is < 1) errors.Add("groupId", ErrorCodes.OutOfRange, "A group id is positive.", ("min", 1), ("max", long.MaxValue));
                if (rating is < 1 or > 5) errors.Add("rating", ErrorCodes.OutOfRange, "A rating is 1 to 5.", ("min", 1), ("max", 5));
                errors.ThrowIfAny();
                var period = Reports.KbSearchReport.Period(from, to, clock.GetUtcNow());
                return TypedResults.Ok(await answers.ListAsync(period.Start, period.End, groupId, rating, Paging.Limit(limit), cursor, ct));
            })
            .WithSummary("CSAT answers answered in [from, to) (UTC dates, default the last 30 days, at most 366), newest first, keyset-paged " +
                "(limit, cursor); filter by groupId and rating (1–5)");
        return app;
    }
}
