using Okno.Admin;
using Okno.Platform.Web;
using Okno.Tickets.Ui;

namespace Okno.Customers.Contracts;

/// <summary>Price lists and contracts (S7, issue 20): <c>/api/v1/price-lists</c> and <c>/api/v1/contracts</c>. Agents
/// read them; admins change them.</summary>
public static class ContractsModule
{
    public static IServiceCollection AddContracts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContractsOptions>().Bind(configuration.GetSection(ContractsOptions.Section))
            .Validate(o => o.Currency is { Length: 3 } c && c.All(char.IsAsciiLetterUpper), "Okno:Contracts:Currency must be an ISO 4217 code (RUB).")
            .ValidateOnStart();
        return services.AddScoped<PriceLists>().AddScoped<Contracts>().AddTicketPagePanel<Ui.TicketContractPanel>(order: 2);
    }

    public static IEndpointRouteBuilder MapContracts(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/api/v1/price-lists").RequireAuthorization().WithTags("Contracts").WithProblemResponses();
        lists.MapGet("/", (int? limit, string? cursor, PriceLists p, CancellationToken ct) => p.ListAsync(limit, cursor, ct))
            .WithSummary("Price lists, oldest first");
        lists.MapGet("/{id:long}", (long id, PriceLists p, CancellationToken ct) => p.GetAsync(id, ct));
        lists.MapGet("/{id:long}/items", (long id, int? limit, string? cursor, PriceLists p, CancellationToken ct) => p.ItemsAsync(id, limit, cursor, ct))
            .WithSummary("A price list's services and materials, oldest first");
        var listAdmin = lists.MapGroup("").RequireAuthorization(AdminModule.AdminPolicy);
        listAdmin.MapPost("/", async (PriceListRequest request, PriceLists p, CancellationToken ct) =>
        {
            var saved = await p.SaveAsync(null, request, ct);
            return TypedResults.Created($"/api/v1/price-lists/{saved.Id}", saved);
        }).WithSummary("Create a price list");
        listAdmin.MapPut("/{id:long}", (long id, PriceListRequest request, PriceLists p, CancellationToken ct) => p.SaveAsync(id, request, ct));
        listAdmin.MapDelete("/{id:long}", async (long id, PriceLists p, CancellationToken ct) =>
        {
            await p.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a price list no contract uses");
        listAdmin.MapPost("/{id:long}/items", async (long id, PriceItemRequest request, PriceLists p, CancellationToken ct) =>
        {
            var saved = await p.SaveItemAsync(id, null, request, ct);
            return TypedResults.Created($"/api/v1/price-lists/{id}/items/{saved.Id}", saved);
        }).WithSummary("Add a service or material to a price list");
        listAdmin.MapPut("/{id:long}/items/{itemId:long}", (long id, long itemId, PriceItemRequest request, PriceLists p, CancellationToken ct) =>
            p.SaveItemAsync(id, itemId, request, ct));

        var contracts = app.MapGroup("/api/v1/contracts").RequireAuthorization().WithTags("Contracts").WithProblemResponses();
        contracts.MapGet("/", (long? companyId, int? limit, string? cursor, Contracts c, CancellationToken ct) => c.ListAsync(companyId, limit, cursor, ct))
            .WithSummary("Contracts (of one company when given), newest first");
        contracts.MapGet("/{id:long}", (long id, Contracts c, CancellationToken ct) => c.GetAsync(id, ct));
        var contractAdmin = contracts.MapGroup("").RequireAuthorization(AdminModule.AdminPolicy);
        contractAdmin.MapPost("/", async (ContractRequest request, Contracts c, CancellationToken ct) =>
        {
            var saved = await c.SaveAsync(null, request, ct);
            return TypedResults.Created($"/api/v1/contracts/{saved.Id}", saved);
        }).WithSummary("Record a contract of a company");
        contractAdmin.MapPut("/{id:long}", (long id, ContractRequest request, Contracts c, CancellationToken ct) => c.SaveAsync(id, request, ct))
            .WithSummary("Rewrite a contract");
        contractAdmin.MapDelete("/{id:long}", async (long id, Contracts c, CancellationToken ct) =>
        {
            await c.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a contract no ticket is linked to");
        return app;
    }
}
