using Okno.Admin;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets.Ui;

namespace Okno.Tickets.Checklists;

/// <summary>Checklists (issue 20): templates per ticket type (<c>/api/v1/checklist-templates</c>, admins change them) and
/// each ticket's checklist (<c>/api/v1/tickets/{id}/checklist</c>).</summary>
public static class ChecklistsModule
{
    public static IServiceCollection AddChecklists(this IServiceCollection services) => services
        .AddScoped<TicketChecklists>()
        .AddTicketPagePanel<Ui.ChecklistPanel>(order: 3);

    public static IEndpointRouteBuilder MapChecklists(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/v1/checklist-templates").RequireAuthorization().WithTags("Checklists").WithProblemResponses();
        templates.MapGet("/", (TicketChecklists c, CancellationToken ct) => c.TemplatesAsync(ct)).WithSummary("The checklist template of every ticket type");
        templates.MapGet("/{type}", (string type, TicketChecklists c, CancellationToken ct) => c.TemplateAsync(TypeOf(type), ct));
        templates.MapPut("/{type}", (string type, ChecklistTemplateRequest request, TicketChecklists c, CancellationToken ct) =>
                c.SaveTemplateAsync(TypeOf(type), request, ct))
            .RequireAuthorization(AdminModule.AdminPolicy).WithSummary("Replace the checklist template of a ticket type (no items: none)");

        var tickets = app.MapGroup("/api/v1/tickets/{id:long}/checklist").RequireAuthorization().WithTags("Checklists").WithProblemResponses();
        tickets.MapGet("/", (long id, TicketChecklists c, CurrentAgent agent, CancellationToken ct) => c.ListAsync(id, agent.Access(), ct))
            .WithSummary("The ticket's checklist, in order, with who ticked each item and when");
        tickets.MapPost("/", async (long id, AddChecklistItemRequest request, TicketChecklists c, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/tickets/{id}/checklist", await c.AddAsync(id, request, agent.Access(), ct)))
            .WithSummary("Add an item to the ticket's checklist");
        tickets.MapPatch("/{itemId:long}", (long id, long itemId, TickChecklistItemRequest request, TicketChecklists c, CurrentAgent agent,
                CancellationToken ct) => c.TickAsync(id, itemId, request, agent.AsActor(), agent.Access(), ct))
            .WithSummary("Tick ({\"done\": true}) or untick an item; the ticket's history records it");
        return app;
    }

    /// <summary>A ticket type as the API writes it (question, feature_request…).</summary>
    private static TicketType TypeOf(string type) =>
        Enum.GetValues<TicketType>().Cast<TicketType?>().FirstOrDefault(t => t!.Value.ToSnakeCase() == type)
        ?? throw new OknoException(InvalidInput.Field("type", ErrorCodes.NotOneOf, "Not a ticket type.", ("value", type),
            ("allowed", string.Join(", ", Enum.GetValues<TicketType>().Select(t => t.ToSnakeCase())))));
}
