using Okno.Platform.Jobs;
using Okno.Tickets.Events;
using Okno.Tickets.Ui;
using Quartz;

namespace Okno.Channels.Chat;

/// <summary>The live chat's services (its adapter is registered with the others in <see cref="ChannelsModule"/>).</summary>
public static class ChatModule
{
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section));
        services.AddSingleton<ChatChannels>();
        services.AddSingleton<ChatFeed>();
        services.AddSingleton<ChatRateLimits>();
        services.AddSingleton<ChatConnections>();
        services.AddSingleton<ChatStreams>();
        services.AddScoped<ChatMessages>();
        services.AddScoped<ChatWidget>();
        services.AddScoped<ChatMail>();
        services.AddScoped<ChatAgentSide>();
        services.AddScoped<Tickets.ILiveConversations, ChatLiveConversations>();
        services.AddTicketEventHandler<ChatTicketEvents>();
        services.AddTicketPagePanel<Ui.ChatTicketPanel>(order: 5);
        services.AddJob(q =>
        {
            var channels = configuration.GetSection(ChannelsOptions.Section).Get<ChannelsOptions>() ?? new ChannelsOptions();
            if (!channels.RunJobs) return;
            q.ScheduleJob<ChatMissedAnswers>(
                trigger => trigger.WithIdentity(ChatMissedAnswers.Key.Name).StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(ChatMissedAnswers.Key));
        });
        return services;
    }
}
