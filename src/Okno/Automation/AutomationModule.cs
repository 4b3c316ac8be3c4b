using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Automation.TimeRules;
using Okno.Automation.Triggers;
using Okno.Platform.Jobs;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Automation;

/// <summary>Automation (S3): triggers that react to ticket events after commit as the automation actor.</summary>
public static class AutomationModule
{
    public static IServiceCollection AddAutomation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AutomationOptions>().Bind(configuration.GetSection(AutomationOptions.Section));
        services.AddSingleton<TriggerSetup>().AddScoped<Triggers.Triggers>().AddScoped<TriggerEngine>().AddScoped<TriggerPreview>()
            .AddScoped<TriggerConditions>().AddScoped<TriggerActions>()
            .AddScoped<IRuleNames, RuleNames>()
            .AddTicketEventHandler<TriggerHandler>()
            .AddScoped<TimeRules.TimeRules>().AddRepeatingJob<TimeRuleScan>(TimeRuleScan.Key, TimeRuleScan.Every);
        // Conditions and actions: one line each, by name.
        services.AddSingleton<ITriggerCondition, StatusCondition>().AddSingleton<ITriggerCondition, PriorityCondition>()
            .AddSingleton<ITriggerCondition, TypeCondition>().AddSingleton<ITriggerCondition, ChannelCondition>()
            .AddSingleton<ITriggerCondition, GroupCondition>().AddSingleton<ITriggerCondition, AssigneeCondition>()
            .AddSingleton<ITriggerCondition, CompanyCondition>().AddSingleton<ITriggerCondition, TagsCondition>()
            .AddSingleton<ITriggerCondition, SubjectCondition>().AddSingleton<ITriggerCondition, MessageTextCondition>()
            .AddSingleton<ITriggerCondition, ContactNameCondition>().AddSingleton<ITriggerCondition, ContactEmailCondition>()
            .AddSingleton<ITriggerCondition, CompanyNameCondition>().AddSingleton<ITriggerCondition, SlaTargetCondition>();
        services.AddScoped<ITriggerAction, SetStatusAction>().AddScoped<ITriggerAction, SetPriorityAction>()
            .AddScoped<ITriggerAction, SetTypeAction>().AddScoped<ITriggerAction, SetGroupAction>()
            .AddScoped<ITriggerAction, SetAssigneeAction>().AddScoped<ITriggerAction, AddTagsAction>()
            .AddScoped<ITriggerAction, RemoveTagsAction>().AddScoped<ITriggerAction, AddNoteAction>()
            .AddScoped<ITriggerAction, EmailCustomerAction>().AddScoped<ITriggerAction, EmailAgentsAction>()
            .AddScoped<ITriggerAction, EscalateAction>().AddScoped<ITriggerAction, CallWebhookAction>();
        return services;
    }

    public static IEndpointRouteBuilder MapAutomation(this IEndpointRouteBuilder app)
    {
        var triggers = app.MapGroup("/api/v1/triggers").RequireAuthorization().WithTags("Automation").WithProblemResponses();
        triggers.MapGet("", async (Triggers.Triggers t, CancellationToken ct) => TypedResults.Ok(new { items = await t.ListAsync(ct) }))
            .WithSummary("Triggers in the order they run (at most 500), each with its latest run");
        triggers.MapGet("/{id:long}", async (long id, Triggers.Triggers t, CancellationToken ct) => TypedResults.Ok(await t.GetAsync(id, ct)));
        triggers.MapGet("/{id:long}/runs", async (long id, int? limit, string? cursor, Triggers.Triggers t, CancellationToken ct) =>
                TypedResults.Ok(await t.RunsAsync(id, Paging.Limit(limit), cursor, ct)))
            .WithSummary("The trigger's runs, newest first: the ticket, when, the outcome (applied, depth_limit) and what it did");
        triggers.MapGet("/catalog", (TriggerConditions c, TriggerActions a) => TypedResults.Ok(new
            {
                events = TriggerEvents.All,
                conditions = c.All.OrderBy(x => x.Field).Select(x => new { field = x.Field, values = x.ValueKind.ToSnakeCase(), operators = x.Operators }),
                actions = a.All.OrderBy(x => x.Type).Select(x => new { type = x.Type, value = x.ValueKind.ToSnakeCase() }),
            }))
            .WithSummary("What a trigger can be built of: events, condition fields with their operators and value kinds, action types");
        var admin = triggers.MapGroup("").RequireAuthorization(AdminModule.AdminPolicy);
        admin.MapPost("", async (TriggerDefinition definition, Triggers.Triggers t, CurrentAgent agent, CancellationToken ct) =>
        {
            var created = await t.CreateAsync(definition, agent, ct);
            return TypedResults.Created($"/api/v1/triggers/{created.Id}", created);
        }).WithSummary("A trigger: name, enabled, events [ticket_created, ticket_updated, message_received, reply_sent, sla_warning, sla_breach], " +
            "match (all|any), conditions [{field, operator, values}], actions [{type, value, values, subject, body}] (see /api/v1/triggers/catalog)");
        admin.MapPut("/{id:long}", async (long id, TriggerDefinition definition, Triggers.Triggers t, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await t.UpdateAsync(id, definition, agent, ct)));
        admin.MapPut("/{id:long}/enabled", async (long id, TriggerEnabled body, Triggers.Triggers t, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await t.EnableAsync(id, body.Enabled ?? throw new OknoException(InvalidInput.Required("enabled")), agent, ct)));
        admin.MapPut("/order", async (TriggerOrder order, Triggers.Triggers t, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(new { items = await t.ReorderAsync(order.Ids, agent, ct) }))
            .WithSummary("The order triggers run in: every trigger's id once");
        admin.MapDelete("/{id:long}", async (long id, Triggers.Triggers t, CurrentAgent agent, CancellationToken ct) =>
        {
            await t.DeleteAsync(id, agent, ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/preview", async (TriggerDefinition definition, TriggerPreview preview, CancellationToken ct) =>
                TypedResults.Ok(await preview.RunAsync(definition, ct)))
            .WithSummary("The open tickets a trigger's conditions match now (newest first, up to 50 shown; conditions about a change are left out)");

        var timeRules = app.MapGroup("/api/v1/time-rules").RequireAuthorization().WithTags("Automation").WithProblemResponses();
        timeRules.MapGet("", async (TimeRules.TimeRules r, CancellationToken ct) => TypedResults.Ok(new { items = await r.ListAsync(ct) }))
            .WithSummary("Time rules (at most 200), in the order they run every minute");
        timeRules.MapGet("/{id:long}", async (long id, TimeRules.TimeRules r, CancellationToken ct) => TypedResults.Ok(await r.GetAsync(id, ct)));
        timeRules.MapGet("/{id:long}/runs", async (long id, int? limit, string? cursor, TimeRules.TimeRules r, Triggers.Triggers t, CancellationToken ct) =>
        {
            await r.GetAsync(id, ct);
            return TypedResults.Ok(await t.RunsOfAnyRuleAsync(id, Paging.Limit(limit), cursor, ct));
        }).WithSummary("The rule's runs, newest first: the ticket, when, and what it did");
        var timeAdmin = timeRules.MapGroup("").RequireAuthorization(AdminModule.AdminPolicy);
        timeAdmin.MapPost("", async (TimeRuleDefinition definition, TimeRules.TimeRules r, CurrentAgent agent, CancellationToken ct) =>
        {
            var created = await r.CreateAsync(definition, agent, ct);
            return TypedResults.Created($"/api/v1/time-rules/{created.Id}", created);
        }).WithSummary("A time rule: name, enabled, measure (status_for with status | unassigned_for | awaiting_reply_for), amount and unit " +
            "(minutes, hours, days, business_hours with calendarId), match, conditions (state operators), actions — acted on once per episode");
        timeAdmin.MapPut("/{id:long}", async (long id, TimeRuleDefinition definition, TimeRules.TimeRules r, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await r.UpdateAsync(id, definition, agent, ct)));
        timeAdmin.MapDelete("/{id:long}", async (long id, TimeRules.TimeRules r, CurrentAgent agent, CancellationToken ct) =>
        {
            await r.DeleteAsync(id, agent, ct);
            return TypedResults.NoContent();
        });
        return app;
    }
}

public sealed record TriggerEnabled(bool? Enabled);

/// <summary>Rule names for the ticket history.</summary>
internal sealed class RuleNames(OknoDb db) : IRuleNames
{
    public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ruleIds, CancellationToken cancellationToken) =>
        await db.Set<AutomationRule>().Where(r => ruleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
}
