using Okno.Platform.Ui;
using Okno.Tickets.Events;

namespace Okno.Notifications;

/// <summary>Notification mails: the event handler that queues them, their templates and the agents' switches.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationsOptions>().Bind(configuration.GetSection(NotificationsOptions.Section));
        services.AddScoped<NotificationTemplates>();
        services.AddScoped<NotificationPreferences>();
        services.AddTicketEventHandler<NotifyByMail>();
        services.AddTicketEventHandler<Workspace.NotifyInWorkspace>();
        services.AddScoped<Workspace.AgentNotifications>();
        services.AddSingleton<Workspace.AgentNotificationFeed>();
        services.AddAppBarItem<Ui.NotificationBell>(order: 10);
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationsEndpoints();
}
