using Okno.Tickets;
using Okno.Tickets.Events;
using Okno.Tickets.Ui;

namespace Okno.Routing;

/// <summary>Support lines and escalation (S3): groups ordered as lines, the reasons to escalate, the escalation of a
/// ticket, the facts behind the line report and the report itself.</summary>
public static class RoutingModule
{
    public static IServiceCollection AddRouting(this IServiceCollection services) => services
        .AddScoped<SupportLines>().AddScoped<EscalationReasons>().AddScoped<EscalateTicket>().AddScoped<LineReport>()
        .AddScoped<IEscalationReasonNames, EscalationReasonNames>()
        .AddTicketEventHandler<LineFacts>()
        .AddTicketPagePanel<Ui.LinePanel>(order: 5);

    public static IEndpointRouteBuilder MapRouting(this IEndpointRouteBuilder app) => app.MapRoutingEndpoints();
}
