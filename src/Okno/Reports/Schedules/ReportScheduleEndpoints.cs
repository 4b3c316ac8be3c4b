using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Channels;
using Okno.Platform.Jobs;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Reports.Kpi;
using Quartz;

namespace Okno.Reports.Schedules;

/// <summary>Scheduled reports (S9): a saved KPI report mailed as .xlsx daily, weekly or monthly to chosen agents; the API
/// <c>/api/v1/reports/schedules</c> (supervisors and admins, like the reports) and the sending job.</summary>
public static class ReportScheduleEndpoints
{
    public static IServiceCollection AddReportSchedules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ReportSchedules>().AddScoped<ReportScheduleSender>();
        services.AddJob(q =>
        {
            // The mails go through the channels' delivery queue; a desk (or a test) that runs no channel jobs sends none.
            var channels = configuration.GetSection(ChannelsOptions.Section).Get<ChannelsOptions>() ?? new ChannelsOptions();
            if (!channels.RunJobs) return;
            q.ScheduleJob<ReportScheduleJob>(
                trigger => trigger.WithIdentity(ReportScheduleJob.Key.Name).StartAt(DateTimeOffset.UtcNow + ReportScheduleJob.Every)
                    .WithSimpleSchedule(s => s.WithInterval(ReportScheduleJob.Every).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(ReportScheduleJob.Key));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapReportSchedules(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("/api/v1/reports/schedules").RequireAuthorization(KpiEndpoints.ReportsPolicy).WithTags("Reports")
            .WithProblemResponses();
        schedules.MapGet("", async (int? limit, string? cursor, ReportSchedules s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(limit, cursor, ct)))
            .WithSummary("Report schedules, newest first (?limit=&cursor=), each with its next due time, last sent period and last error");
        schedules.MapGet("/{id:long}", async (long id, ReportSchedules s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct)));
        schedules.MapPost("", async Task<Created<ReportScheduleView>> (ReportScheduleRequest request, ReportSchedules s, CurrentAgent agent,
            CancellationToken ct) =>
        {
            var created = await s.CreateAsync(request, agent.Id, ct);
            return TypedResults.Created($"/api/v1/reports/schedules/{created.Id}", created);
        }).WithSummary("A schedule: name, report (a KPI key or 'overview'), the report's filters (interval, groupBy, groupId, agentId, channel, " +
            "companyId, type, priority, tag), frequency daily | weekly (weekday) | monthly (dayOfMonth 1–28), sendAt HH:mm in the report time " +
            "zone, recipientIds (active agents, mailed at their address), language ru | en (default: each recipient's), enabled. " +
            "Daily sends the previous day, weekly the previous Monday–Sunday week, monthly the previous calendar month. At most 100 per desk");
        schedules.MapPut("/{id:long}", async (long id, ReportScheduleRequest request, ReportSchedules s, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await s.UpdateAsync(id, request, agent.Id, ct))).WithSummary("Replaces the schedule; its timing applies from now on");
        schedules.MapDelete("/{id:long}", async (long id, ReportSchedules s, CurrentAgent agent, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, agent.Id, ct);
            return TypedResults.NoContent();
        });
        schedules.MapPost("/{id:long}/send-now", async (long id, ReportScheduleSender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.SendNowAsync(id, ct)))
            .WithSummary("Mails the schedule's last whole period now, through the same queue (again if it was sent); 409 without a mailbox");
        return app;
    }
}
