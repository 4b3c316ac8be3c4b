namespace Okno.Surveys;

/// <summary>Customer surveys (PRODUCT.md S9): CSAT after a resolution. NPS campaigns register their own NpsModule.</summary>
public static class SurveysModule
{
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
