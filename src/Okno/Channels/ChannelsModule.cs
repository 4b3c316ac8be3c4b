using Okno.Channels.Adapters;
using Okno.Channels.Chat;
using Okno.Channels.Connectors;
using Okno.Platform.Data;
using Okno.Platform.Jobs;
using Okno.Tickets.Events;

namespace Okno.Channels;

/// <summary>Everything Channels registers: adapters by kind (one line each), the inbound pipeline's filters in order,
/// the queues and their jobs (scheduled by <see cref="ChannelJobs.Schedule"/>).</summary>
public static class ChannelsModule
{
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannelsOptions>().Bind(configuration.GetSection(ChannelsOptions.Section));
        services.AddSingleton<Email.SmtpConnections>();
        new ChannelsBuilder(services)
            .AddAdapter<LogAdapter, LogSettings>("log")
            .AddAdapter<WebFormAdapter, WebFormSettings>("web")
            .AddAdapter<Email.EmailAdapter, Email.EmailSettings>("email")
            .AddAdapter<Chat.ChatAdapter, Chat.ChatSettings>("chat")
            .AddAdapter<Vk.VkAdapter, Vk.VkSettings>("vk")
            .AddAdapter<Connectors.ConnectorAdapter, Connectors.ConnectorSettings>("connector")
            .AddAdapter<Telegram.TelegramAdapter, Telegram.TelegramSettings>("telegram")
            // The inbound pipeline, in order; the InboundTicketWriter ends it.
            .AddFilter<LoopFilter>()
            .AddFilter<IdentifyCustomerFilter>()
            .AddFilter<FindConversationFilter>()
            .AddFilter<SenderRateLimitFilter>();
        services.AddHealthChecks().AddCheck<ChannelsHealthCheck>(ChannelsHealthCheck.Name);
        services.AddSingleton<ISaveHook, DeliveryQueue>();
        services.AddTicketEventHandler<WakeDeliveriesOnReply>();
        services.AddChat(configuration);
        services.AddJob(q => ChannelJobs.Schedule(q, configuration));
        services.AddSingleton<ChannelAdapters>();
        services.AddSingleton<ChannelSettingsCodec>();
        services.AddSingleton<LogChannelOutbox>();
        services.AddSingleton<ChannelWakeUp>();
        services.AddSingleton<PushRateLimits>();
        services.AddChannelConnectors();
        services.AddSingleton<DeliverMessages>();
        services.AddSingleton<InboundProcessor>();
        services.AddSingleton<InboundStore>();
        services.AddSingleton<ChannelPolling>();
        services.AddHostedService<ChannelNewsWatcher>();
        services.AddScoped<InboundTicketWriter>();
        services.AddScoped<ChannelAccounts>();
        services.AddScoped<InboundItems>();
        services.AddScoped<OutboxList>();
        services.AddScoped<NotificationMail>();
        services.AddScoped<Tickets.IDeliveryRetry, RetryDelivery>();
        services.AddScoped<ForwardTicket>();
        services.AddScoped<Tickets.ITicketForwarding>(s => s.GetRequiredService<ForwardTicket>());
        services.AddScoped<Tickets.IChannelAccountKinds, ChannelAccountKinds>();
        return services;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app) => app.MapChannelsEndpoints().MapChatWidgetEndpoints().MapChannelConnectorEndpoints();
}
