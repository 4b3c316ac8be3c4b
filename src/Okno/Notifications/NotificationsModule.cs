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
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationsEndpoints();
}
