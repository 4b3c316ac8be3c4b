using System.Text;
using Okno.Admin;
using Okno.Platform.Security;
using Okno.Platform.Jobs;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Events;
using Okno.Tickets.Ui;

namespace Okno.Sla;

/// <summary>SLA (S4): business calendars, policies, the clock per ticket (kept by a ticket-event handler, a scan that
/// records warnings and breaches, and a recompute after a change of the setup), the explanation and the preview.</summary>
public static class SlaModule
{
    public static IServiceCollection AddSla(this IServiceCollection services) => services
        .AddScoped<SlaCalendars>().AddScoped<SlaPreview>().AddScoped<SlaPolicies>()
        .AddSingleton<SlaSetup>().AddScoped<TicketSlaClock>().AddScoped<TicketSlaQueries>().AddScoped<SlaStatusQueries>()
        .AddScoped<ITicketSla>(sp => sp.GetRequiredService<TicketSlaQueries>())
        .AddScoped<Customers.Contracts.ISlaPolicyDirectory, SlaPolicyDirectory>()
        .AddScoped<Ui.Ticket.SlaPanelQueries>().AddTicketPagePanel<Ui.Ticket.SlaTicketPanel>(order: 10)
        .AddTicketEventHandler<SlaClockHandler>()
        .AddRepeatingJob<SlaScan>(SlaScan.Key, SlaScan.Every)
        .AddRepeatingJob<SlaRecompute>(SlaRecompute.Key, SlaRecompute.Every);

    public static IEndpointRouteBuilder MapSla(this IEndpointRouteBuilder app)
    {
        var calendars = app.MapGroup("/api/v1/calendars").RequireAuthorization().WithTags("SLA").WithProblemResponses();
        calendars.MapGet("", async (SlaCalendars c, CancellationToken ct) => TypedResults.Ok(new { items = await c.ListAsync(ct) }))
            .WithSummary("Business calendars (at most 200), by name");
        calendars.MapGet("/{id:long}", async (long id, SlaCalendars c, CancellationToken ct) => TypedResults.Ok(await c.GetAsync(id, ct)));

        var admin = calendars.MapGroup("").RequireAuthorization(AdminModule.AdminPolicy);
        admin.MapPost("", async (CalendarDefinition definition, SlaCalendars c, CurrentAgent agent, CancellationToken ct) =>
        {
            var created = await c.CreateAsync(definition, agent.Id, ct);
            return TypedResults.Created($"/api/v1/calendars/{created.Id}", created);
        }).WithSummary("A calendar: name, IANA time zone, working intervals per weekday, dated exceptions (holiday, moved, shortened, working)");
        admin.MapPut("/{id:long}", async (long id, CalendarDefinition definition, SlaCalendars c, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await c.UpdateAsync(id, definition, agent.Id, ct)));
        admin.MapDelete("/{id:long}", async (long id, SlaCalendars c, CurrentAgent agent, CancellationToken ct) =>
        {
            await c.DeleteAsync(id, agent.Id, ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/{id:long}/import", async (long id, bool? apply, HttpRequest request, SlaCalendars c, CurrentAgent agent, CancellationToken ct) =>
        {
            var body = await ReadBodyAsync(request, ct);
            return TypedResults.Ok(await c.ImportAsync(id, body, apply == true, agent.Id, ct));
        }).Accepts<string>("text/csv", "text/calendar", "text/plain")
          .WithSummary("A year of exceptions from the production-calendar CSV or an iCal file of all-day events: what it would change (added, changed, removed); ?apply=true saves it");
        var policies = app.MapGroup("/api/v1/sla/policies").RequireAuthorization().WithTags("SLA").WithProblemResponses();
        policies.MapGet("", async (SlaPolicies p, CancellationToken ct) => TypedResults.Ok(new { items = await p.ListAsync(ct) }))
            .WithSummary("SLA policies in the order they are tried (the first whose conditions all hold wins; the default takes the rest)");
        policies.MapGet("/{id:long}", async (long id, SlaPolicies p, CancellationToken ct) => TypedResults.Ok(await p.GetAsync(id, ct)));
        var policyAdmin = policies.MapGroup("").RequireAuthorization(AdminModule.AdminPolicy);
        policyAdmin.MapPost("", async (SlaPolicyDefinition definition, SlaPolicies p, CurrentAgent agent, CancellationToken ct) =>
        {
            var created = await p.CreateAsync(definition, agent.Id, ct);
            return TypedResults.Created($"/api/v1/sla/policies/{created.Id}", created);
        }).WithSummary("A policy: name, calendarId, targets per priority ({urgent: {firstResponseMinutes, nextResponseMinutes, resolutionMinutes}, …}), " +
            "warnAtPercent, pauseStatuses, conditions [{field: group|company|type|channel|tag|priority, values: […]}], isDefault");
        policyAdmin.MapPut("/{id:long}", async (long id, SlaPolicyDefinition definition, SlaPolicies p, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await p.UpdateAsync(id, definition, agent.Id, ct)));
        policyAdmin.MapPut("/order", async (SlaPolicyOrder order, SlaPolicies p, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(new { items = await p.ReorderAsync(order.Ids, agent.Id, ct) }))
            .WithSummary("The order policies are tried in: every policy's id once");
        policyAdmin.MapDelete("/{id:long}", async (long id, SlaPolicies p, CurrentAgent agent, CancellationToken ct) =>
        {
            await p.DeleteAsync(id, agent.Id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Refused (409 sla.policy_in_use, naming them) while open tickets are under the policy");
        app.MapGet("/api/v1/sla/status", async (SlaStatusQueries q, CancellationToken ct) => TypedResults.Ok(await q.GetAsync(ct)))
            .RequireAuthorization(AdminModule.AdminPolicy).WithTags("SLA").WithProblemResponses()
            .WithSummary("Whether open tickets are being recomputed after a policy or calendar change, the last scan that found warnings or " +
                "due times (when, milliseconds, tickets, alerts), and how many checks are due now (up to 10,000)");
        app.MapGet("/api/v1/tickets/{id:long}/sla", async (long id, TicketSlaQueries q, CurrentAgent agent, CancellationToken ct) =>
                TypedResults.Ok(await q.ExplainAsync(id, agent, ct)))
            .RequireAuthorization().WithTags("SLA").WithProblemResponses()
            .WithSummary("The ticket's SLA explained: the policy and the conditions that chose it, the calendar, each target (due, met, elapsed " +
                "and remaining business minutes, state) and the timeline of when each clock ran, paused and why, and when warnings and breaches came");
        app.MapPost("/api/v1/sla/preview", async (SlaPreviewRequest request, SlaPreview preview, CancellationToken ct) =>
                TypedResults.Ok(await preview.RunAsync(request, ct)))
            .RequireAuthorization(AdminModule.AdminPolicy).WithTags("SLA").WithProblemResponses()
            .WithSummary("What the SLA clock says for a made-up ticket life under a calendar and targets: due times, elapsed and remaining business minutes, states and the explaining timeline");
        return app;
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > CalendarImport.MaxBytes) throw new OknoException(new PayloadTooLarge(CalendarImport.MaxBytes));
        var bytes = await RequestBodies.ReadAtMostAsync(request.Body, CalendarImport.MaxBytes + 1, ct);
        if (bytes.Length > CalendarImport.MaxBytes) throw new OknoException(new PayloadTooLarge(CalendarImport.MaxBytes));
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new OknoException(InvalidInput.Field("body", SlaErrorCodes.MalformedImport, "The file is not UTF-8 text.", ("line", 0)));
        }
    }
}

public sealed record SlaPolicyOrder(List<long>? Ids);
