using Okno.Platform.Security;
using Okno.Platform.Ui;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Ui;

namespace Okno.Customers.WorkLogs;

/// <summary>Work logs (issue 20): lines on tickets (<c>/api/v1/tickets/{id}/work-lines</c>), the agent's timer
/// (<c>/api/v1/timer</c>), the accounting export (<c>/api/v1/work-lines</c>) and hour-package usage. The monthly
/// statement's endpoint is mapped by Reports, whose xlsx writer it uses.</summary>
public static class WorkLogsModule
{
    public static IServiceCollection AddWorkLogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkLogsOptions>().Bind(configuration.GetSection(WorkLogsOptions.Section))
            .Validate(o => o.TimerRoundingMinutes is >= 1 and <= 60, "Okno:WorkLogs:TimerRoundingMinutes must be 1 to 60.")
            .Validate(o => o.PackageWarningPercent is >= 1 and <= 100, "Okno:WorkLogs:PackageWarningPercent must be 1 to 100.")
            .ValidateOnStart();
        return services.AddScoped<WorkLogs>().AddScoped<WorkTimers>().AddScoped<WorkStatements>()
            .AddScoped<Ui.WorkTimerSignal>()
            .AddTicketPagePanel<Ui.TicketWorkPanel>(order: 4)
            .AddAppBarItem<Ui.RunningTimerChip>(order: 2);
    }

    public static IEndpointRouteBuilder MapWorkLogs(this IEndpointRouteBuilder app)
    {
        var lines = app.MapGroup("/api/v1/tickets/{id:long}/work-lines").RequireAuthorization().WithTags("Work").WithProblemResponses();
        lines.MapGet("/", (long id, WorkLogs w, CurrentAgent agent, CancellationToken ct) => w.ForTicketAsync(id, agent.Access(), ct))
            .WithSummary("The ticket's work lines (in time order) and their sums");
        lines.MapGet("/items", (long id, WorkLogs w, CurrentAgent agent, CancellationToken ct) => w.ItemsAsync(id, agent.Access(), ct))
            .WithSummary("The items work on this ticket can be logged with, at the prices that apply");
        lines.MapGet("/{lineId:long}", (long id, long lineId, WorkLogs w, CurrentAgent agent, CancellationToken ct) => w.GetAsync(id, lineId, agent.Access(), ct));
        lines.MapPost("/", async (long id, WorkLineRequest request, WorkLogs w, CurrentAgent agent, CancellationToken ct) =>
        {
            var saved = await w.AddAsync(id, request, agent, agent.Access(), ct);
            return TypedResults.Created($"/api/v1/tickets/{id}/work-lines/{saved.Id}", saved);
        }).WithSummary("Log work: a price-list item (or a free-text material) with minutes or a quantity");
        lines.MapPut("/{lineId:long}", (long id, long lineId, WorkLineRequest request, WorkLogs w, CurrentAgent agent, CancellationToken ct) =>
            w.UpdateAsync(id, lineId, request, agent, agent.Access(), ct)).WithSummary("Rewrite a work line (its author or a supervisor)");
        lines.MapDelete("/{lineId:long}", async (long id, long lineId, WorkLogs w, CurrentAgent agent, CancellationToken ct) =>
        {
            await w.DeleteAsync(id, lineId, agent, agent.Access(), ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a work line (its author or a supervisor)");

        var export = app.MapGroup("/api/v1/work-lines").RequireAuthorization().WithTags("Work").WithProblemResponses();
        export.MapGet("/", (string? from, string? to, long? companyId, long? contractId, bool? billable, int? limit, string? cursor, WorkLogs w,
                CancellationToken ct) => w.ListAsync(from, to, companyId, contractId, billable, limit, cursor, ct))
            .WithSummary("Work lines for accounting, in time order, keyset paged");

        app.MapGet("/api/v1/contracts/{id:long}/package-usage", async (long id, WorkLogs w, CancellationToken ct) =>
                await w.PackageUsageAsync(id, ct) is { } usage ? Results.Ok(usage) : Results.NoContent())
            .RequireAuthorization().WithTags("Work").WithProblemResponses().WithSummary("An hour package's used and left minutes (no content for other kinds)");

        var timer = app.MapGroup("/api/v1/timer").RequireAuthorization().WithTags("Work").WithProblemResponses();
        timer.MapGet("/", async (WorkTimers t, CurrentAgent agent, CancellationToken ct) =>
            await t.CurrentAsync(agent.Id, ct) is { } running ? Results.Ok(running) : Results.NoContent()).WithSummary("The agent's running timer");
        timer.MapPost("/start", (StartTimerRequest request, WorkTimers t, CurrentAgent agent, CancellationToken ct) => t.StartAsync(agent, request, agent.Access(), ct))
            .WithSummary("Start the agent's timer on a ticket (replace: stop one running elsewhere)");
        timer.MapPost("/stop", (WorkTimers t, CurrentAgent agent, CancellationToken ct) => t.StopAsync(agent.Id, ct))
            .WithSummary("Stop the agent's timer: the measured minutes, to log as a work line");
        return app;
    }
}
