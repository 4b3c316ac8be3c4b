using Okno.Admin;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Notifications;

/// <summary>Templates (admins) and each agent's own notification switches.</summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/v1/notification-templates").RequireAuthorization(AdminModule.AdminPolicy)
            .WithTags("Notifications").WithProblemResponses();
        templates.MapGet("/", async (NotificationTemplates t, CancellationToken ct) => TypedResults.Ok(new { items = await t.ListAsync(ct) }))
            .WithSummary("Every notification template in every language (custom: changed by an admin)");
        templates.MapGet("/{key}/{lang}", async (string key, string lang, NotificationTemplates t, CancellationToken ct) =>
            TypedResults.Ok(await t.GetAsync(key, lang, ct))).WithSummary("One template: subject, body, and the placeholders it may use");
        templates.MapPut("/{key}/{lang}", async (string key, string lang, NotificationTemplateRequest request, NotificationTemplates t, CurrentAgent agent,
            CancellationToken ct) => TypedResults.Ok(await t.SaveAsync(key, lang, request, agent, ct)))
            .WithSummary("Change a template; an unknown placeholder is refused (notification.unknown_placeholder)");
        templates.MapDelete("/{key}/{lang}", async (string key, string lang, NotificationTemplates t, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await t.ResetAsync(key, lang, agent, ct))).WithSummary("Back to the shipped default");

        var me = app.MapGroup("/api/v1/me/notifications").RequireAuthorization().WithTags("Notifications").WithProblemResponses();
        me.MapGet("/", async (CurrentAgent agent, NotificationPreferences p, CancellationToken ct) => TypedResults.Ok(await p.GetAsync(agent.Id, ct)))
            .WithSummary("Your notification switches (all on by default)");
        me.MapPut("/", async (NotificationPreferencesRequest request, CurrentAgent agent, NotificationPreferences p, CancellationToken ct) =>
            TypedResults.Ok(await p.SetAsync(agent, request, ct))).WithSummary("Switch your notifications on or off; one left out keeps its value");

        var bell = app.MapGroup("/api/v1/notifications").RequireAuthorization().WithTags("Notifications").WithProblemResponses();
        bell.MapGet("/", async (bool? unread, int? limit, string? cursor, CurrentAgent agent, Workspace.AgentNotifications n, CancellationToken ct) =>
                TypedResults.Ok(await n.ListAsync(agent.Id, unread ?? false, Paging.Limit(limit), cursor, ct)))
            .WithSummary("Your bell: tickets assigned to you, customer replies, mentions, colleagues' replies on tickets you follow; newest first");
        bell.MapGet("/unread-count", async (CurrentAgent agent, Workspace.AgentNotifications n, CancellationToken ct) =>
            TypedResults.Ok(await n.UnreadAsync(agent.Id, ct))).WithSummary("How many are unread, up to 99 (more: true beyond)");
        bell.MapPost("/{id:long}/read", async (long id, CurrentAgent agent, Workspace.AgentNotifications n, CancellationToken ct) =>
        {
            await n.MarkReadAsync(agent.Id, id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Mark one read");
        bell.MapPost("/read-all", async (CurrentAgent agent, Workspace.AgentNotifications n, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await n.MarkAllReadAsync(agent.Id, ct) })).WithSummary("Mark all read");
        return app;
    }
}
