using Okno.Platform.Jobs;
using Okno.Platform.Ui;
using Okno.Routing.Distribution;
using Okno.Tickets;
using Okno.Tickets.Events;
using Okno.Tickets.Ui;

namespace Okno.Routing;

/// <summary>Support lines and escalation (S3): groups ordered as lines, the reasons to escalate, the escalation of a
/// ticket, the facts behind the line report and the report itself; automatic distribution of tickets to agents.</summary>
public static class RoutingModule
{
    public static IServiceCollection AddRouting(this IServiceCollection services, IConfiguration configuration) => services
        .AddDistribution(configuration)
        .AddScoped<SupportLines>().AddScoped<EscalationReasons>().AddScoped<EscalateTicket>().AddScoped<LineReport>()
        .AddScoped<IEscalationReasonNames, EscalationReasonNames>()
        .AddTicketEventHandler<LineFacts>()
        .AddTicketPagePanel<Ui.LinePanel>(order: 5)
        // Left of the bell and the shortcuts: the agent's presence is what they glance at most.
        .AddAppBarItem<Ui.PresenceBeacon>(order: 1);

    public static IEndpointRouteBuilder MapRouting(this IEndpointRouteBuilder app) => app.MapRoutingEndpoints().MapDistributionEndpoints();

    private static IServiceCollection AddDistribution(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DistributionOptions>().Bind(configuration.GetSection(DistributionOptions.Section));
        return services.AddSingleton<AgentPresences>().AddSingleton<DistributionWakeUp>().AddScoped<Distributor>().AddScoped<DistributionSettings>()
            .AddPresenceOnSignOut()
            .AddTicketEventHandler<DistributionHandler>()
            .AddRepeatingJob<DistributionSweep>(DistributionSweep.Key, DistributionSweep.Every)
            .AddRepeatingJob<PresenceSpanSweep>(PresenceSpanSweep.Key, PresenceSpanSweep.Every);
    }
}
