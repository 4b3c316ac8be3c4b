using Okno.Admin;
using Okno.Platform.Jobs;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets.Events;

namespace Okno.Automation.Webhooks;

/// <summary>Outgoing webhooks (issue 16): admins subscribe URLs to ticket events; the ticket-event handler queues a
/// delivery per subscription and event, a job sends them signed, with retries, pausing a subscription that keeps failing.</summary>
public static class WebhooksModule
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhooksOptions>().Bind(configuration.GetSection(WebhooksOptions.Section));
        services.AddSingleton<WebhookSubscriptionCache>();
        services.AddSingleton<WebhookAllowList>();
        services.AddSingleton<WebhookWakeUp>();
        services.AddSingleton<SendWebhooks>();
        services.AddScoped<WebhookSecrets>();
        services.AddScoped<WebhookPayloads>();
        services.AddScoped<WebhookDeliveries>();
        services.AddScoped<WebhookAdmin>();
        services.AddTicketEventHandler<QueueWebhooks>();
        services.AddJob(q => WebhookDeliveryJob.Schedule(q, configuration));
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/v1/webhooks").RequireAuthorization(AdminModule.AdminPolicy).WithTags("Webhooks").WithProblemResponses();
        webhooks.MapGet("", async (WebhookAdmin w, CancellationToken ct) => TypedResults.Ok(new { items = await w.ListAsync(ct) }))
            .WithSummary("Webhook subscriptions (at most 100) by name, each with its state (active, paused, disabled) and last delivery");
        webhooks.MapPost("", async (WebhookDefinition definition, WebhookAdmin w, CurrentAgent agent, CancellationToken ct) =>
        {
            var created = await w.CreateAsync(definition, agent.Id, ct);
            return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
        }).WithSummary("A subscription: name, url (absolute http/https), events (ticket_created, ticket_updated, message_created, sla_warning, " +
            "sla_breach; empty: only trigger actions send to it), enabled. The answer holds the signing secret, shown this once");
        webhooks.MapGet("/{id:long}", async (long id, WebhookAdmin w, CancellationToken ct) => TypedResults.Ok(await w.GetAsync(id, ct)));
        webhooks.MapPut("/{id:long}", async (long id, WebhookDefinition definition, WebhookAdmin w, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await w.UpdateAsync(id, definition, agent.Id, ct)));
        webhooks.MapDelete("/{id:long}", async (long id, WebhookAdmin w, CurrentAgent agent, CancellationToken ct) =>
        {
            await w.DeleteAsync(id, agent.Id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Deletes the subscription and its deliveries");
        webhooks.MapPost("/{id:long}/rotate-secret", async (long id, WebhookAdmin w, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await w.RotateSecretAsync(id, agent.Id, ct))).WithSummary("A new signing secret, shown this once; the old one stops at once");
        webhooks.MapPost("/{id:long}/resume", async (long id, WebhookAdmin w, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await w.ResumeAsync(id, agent.Id, ct))).WithSummary("Unpauses a paused subscription; its waiting deliveries go again");
        webhooks.MapPost("/{id:long}/test", async (long id, WebhookAdmin w, CancellationToken ct) =>
            TypedResults.Ok(await w.TestAsync(id, ct))).WithSummary("Queues a \"ping\" delivery to the subscription");
        webhooks.MapGet("/{id:long}/deliveries", async (long id, int? limit, string? cursor, WebhookAdmin w, CancellationToken ct) =>
            TypedResults.Ok(await w.DeliveriesAsync(id, Paging.Limit(limit), cursor, ct)))
            .WithSummary("The subscription's deliveries, newest first ({ items, nextCursor }), with status, attempts, response code and error");
        webhooks.MapPost("/deliveries/{id:long}/retry", async (long id, WebhookAdmin w, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await w.RetryAsync(id, agent.Id, ct))).WithSummary("Tries a failed or waiting delivery again now, with a fresh round of attempts");
        webhooks.MapGet("/allowed-hosts", async (WebhookAdmin w, CancellationToken ct) => TypedResults.Ok(new { hosts = await w.AllowedHostsAsync(ct) }))
            .WithSummary("Hosts webhooks may reach although they resolve to loopback or private addresses");
        webhooks.MapPut("/allowed-hosts", async (WebhookAllowedHosts body, WebhookAdmin w, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(new { hosts = await w.SetAllowedHostsAsync(body, agent.Id, ct) }))
            .WithSummary("Replaces the allow-list: { hosts: [exact host names or IP addresses] }, at most 100");
        return app;
    }
}
