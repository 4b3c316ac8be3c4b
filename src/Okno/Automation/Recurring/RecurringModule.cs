using Okno.Admin;
using Okno.Platform.Jobs;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Automation.Recurring;

/// <summary>Planned (recurring) tickets (S3): schedules as iCal RRULEs moved to working days, the job that opens their
/// tickets once per occurrence, the API and the admin pages.</summary>
public static class RecurringModule
{
    public static IServiceCollection AddRecurring(this IServiceCollection services) => services
        .AddScoped<RecurringTickets>()
        .AddJob(RecurringTicketScan.Schedule);

    public static IEndpointRouteBuilder MapRecurring(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/recurring-tickets").RequireAuthorization().WithTags("Planned tickets").WithProblemResponses();
        group.MapGet("", async (RecurringTickets r, CancellationToken ct) => TypedResults.Ok(new { items = await r.ListAsync(ct) }))
            .WithSummary("Planned tickets (at most 500), by name, each with its next occurrence (UTC, after the move to a working day)");
        group.MapGet("/{id:long}", async (long id, RecurringTickets r, CancellationToken ct) => TypedResults.Ok(await r.GetAsync(id, ct)));
        group.MapGet("/{id:long}/occurrences", async (long id, int? count, RecurringTickets r, CancellationToken ct) =>
                TypedResults.Ok(await r.OccurrencesAsync(id, count, ct)))
            .WithSummary("The next occurrences (soonest due first, after the move to working days) and the last handled ones with their " +
                "tickets (late, or skipped: missed / no_customer); ?count= 1 to 50, default 10");
        group.MapPost("/preview", async (RecurringScheduleInput input, RecurringTickets r, CancellationToken ct) =>
                TypedResults.Ok(await r.PreviewAsync(input, ct)))
            .WithSummary("The next occurrences of a schedule { rule, start, timeZone, calendarId, shiftToWorkingDay, count (1 to 50, default 5) }, for the editor");

        var admin = group.MapGroup("").RequireAuthorization(AdminModule.AdminPolicy);
        admin.MapPost("", async (RecurringTicketDefinition definition, RecurringTickets r, CurrentAgent agent, CancellationToken ct) =>
        {
            var created = await r.CreateAsync(definition, agent.Id, ct);
            return TypedResults.Created($"/api/v1/recurring-tickets/{created.Id}", created);
        }).WithSummary("A planned ticket: name, enabled, rule (an iCal RRULE such as FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1; at least 15 " +
            "minutes between occurrences), start (local yyyy-MM-ddTHH:mm), timeZone (IANA), calendarId and shiftToWorkingDay, and the ticket: " +
            "subject, body, contactId (required), companyId, groupId, priority, type, tags");
        admin.MapPut("/{id:long}", async (long id, RecurringTicketDefinition definition, RecurringTickets r, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await r.UpdateAsync(id, definition, agent.Id, ct)))
            .WithSummary("Replaces the planned ticket; the changed plan applies from now on");
        admin.MapDelete("/{id:long}", async (long id, RecurringTickets r, CurrentAgent agent, CancellationToken ct) =>
        {
            await r.DeleteAsync(id, agent.Id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Deletes the planned ticket and its occurrence records; the tickets it opened stay");
        return app;
    }
}
