using Okno.Platform.Data;
using Okno.Platform.Jobs;
using Okno.Platform.Ui;
using Okno.Tickets.Events;
using Okno.Tickets.Ui;

namespace Okno.Tickets;

/// <summary>Tickets, the inbox and the ticket page (S2): use cases, the live feed and presence, search of tickets,
/// the counters and their jobs.</summary>
public static class TicketsModule
{
    public static IServiceCollection AddTickets(this IServiceCollection services) => services
        .AddSingleton<ISaveHook, TicketHistoryHook>()
        .AddSingleton<ISaveHook, Events.TicketEventOutboxHook>()
        .AddTicketEventHandler<Live.TicketFeedHandler>()
        .AddTicketEventHandler<Views.SavedViewCounter>()
        .AddJob(Views.SavedViewFirstCount.Schedule)
        .AddScoped<Views.SavedViews>()
        .AddSingleton<Views.SavedViewFeed>()
        .AddJob(TicketCountCompaction.Schedule)
        .AddJob(TicketSearchBackfill.Schedule)
        .AddScoped<TicketQueries>()
        .AddScoped<TagCatalog>()
        .AddScoped<AttachmentIntake>()
        .AddScoped<CreateTicket>()
        .AddSingleton<TicketCreations>()
        .AddScoped<ChangeTicket>()
        .AddScoped<ReplyToTicket>()
        .AddScoped<FollowTicket>()
        .AddScoped<SearchTickets>()
        .AddScoped<Platform.Search.SearchIndex>()
        .AddScoped<Platform.Search.ISearchTextSource, TicketSubjectSearchText>()
        .AddScoped<Platform.Search.ISearchTextSource, MessageSearchText>()
        .AddScoped<MergeTickets>()
        .AddScoped<BulkChangeTickets>()
        .AddScoped<LinkTickets>()
        .AddScoped<SplitMessage>()
        .AddScoped<ChangeParticipants>()
        .AddScoped<ReceiveCustomerMessage>()
        .AddSingleton<TicketCountCache>()
        .AddSingleton<Live.TicketFeed>()
        .AddSingleton<Live.TicketPresence>()
        .AddScoped<TicketLabels>()
        .AddAppBarItem<ShortcutsHelp>(order: 5);

    public static IEndpointRouteBuilder MapTickets(this IEndpointRouteBuilder app)
    {
        app.MapTicketsEndpoints();
        Views.SavedViewEndpoints.MapSavedViews(app);
        app.MapTicketUi();
        return app;
    }
}
