namespace Okno.Customers;

/// <summary>Contacts and client companies (S7).</summary>
public static class CustomersModule
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services
        .AddScoped<ContactDirectory>()
        .AddScoped<SaveContact>()
        .AddScoped<SaveCompany>()
        .AddScoped<SearchContacts>()
        .AddScoped<CustomerQueries>()
        .AddScoped<MergeContacts>()
        .AddScoped<ConfirmContact>()
        .AddScoped<ContactCards>()
        .AddScoped<ContactSearch>()
        .AddScoped<Requisites.ContactMemberships>();

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        app.MapContactsEndpoints();
        app.MapCompaniesEndpoints();
        return app;
    }
}
