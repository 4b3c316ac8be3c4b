using Okno.Tickets.Ui;

namespace Okno.Customers.ServiceObjects;

/// <summary>Service objects and equipment of client companies (S7, issue 20 part "objects").</summary>
public static class ServiceObjectsModule
{
    public static IServiceCollection AddServiceObjects(this IServiceCollection services) => services
        .AddScoped<SaveServiceObject>()
        .AddScoped<SaveEquipment>()
        .AddScoped<MoveEquipment>()
        .AddScoped<ImportServiceObjects>()
        .AddScoped<ExportServiceObjects>()
        .AddScoped<ServiceObjectQueries>()
        .AddSingleton<Tickets.CustomFields.ICustomFieldLinkTarget, ServiceObjectLinkTarget>()
        .AddTicketPagePanel<Ui.TicketObjectPanel>(order: 3)
        .AddSingleton(new Customers.Ui.ContactCardPanel(typeof(Ui.CompanyObjects), 5));

    /// <summary>Link fields to service objects accept ids of objects that exist.</summary>
    private sealed class ServiceObjectLinkTarget : Tickets.CustomFields.ICustomFieldLinkTarget
    {
        public Tickets.CustomFields.CustomFieldType LinkType => Tickets.CustomFields.CustomFieldType.ServiceObjectLink;

        public async Task<HashSet<long>> ExistingAsync(Platform.Data.OknoDb db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.ServiceObjects.Where(o => ids.Contains(o.Id)).Select(o => o.Id), cancellationToken)).ToHashSet();
    }

    public static IEndpointRouteBuilder MapServiceObjects(this IEndpointRouteBuilder app)
    {
        app.MapServiceObjectsEndpoints();
        app.MapEquipmentEndpoints();
        return app;
    }
}
