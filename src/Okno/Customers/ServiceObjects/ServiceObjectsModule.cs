namespace Okno.Customers.ServiceObjects;

/// <summary>Service objects and equipment of client companies (S7, issue 20 part "objects").</summary>
public static class ServiceObjectsModule
{
    public static IServiceCollection AddServiceObjects(this IServiceCollection services) => services
        .AddScoped<SaveServiceObject>()
        .AddScoped<SaveEquipment>()
        .AddScoped<MoveEquipment>()
        .AddScoped<ImportServiceObjects>()
        .AddScoped<ExportServiceObjects>();

    public static IEndpointRouteBuilder MapServiceObjects(this IEndpointRouteBuilder app)
    {
        app.MapServiceObjectsEndpoints();
        app.MapEquipmentEndpoints();
        return app;
    }
}
