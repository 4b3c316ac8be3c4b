using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using System.Text.Json.Serialization;
using Okno.Admin;
using Okno.Api;
using Okno.Automation;
using Okno.Automation.Recurring;
using Okno.Automation.Webhooks;
using Okno.Bots;
using Okno.Channels;
using Okno.Customers;
using Okno.Customers.ServiceObjects;
using Okno.Knowledge;
using Okno.Notifications;
using Okno.Reports;
using Okno.Reports.Team;
using Okno.Routing;
using Okno.Sla;
using Okno.Surveys;
using Okno.Platform;
using Okno.Platform.Cluster;
using Okno.Platform.Data;
using Okno.Demo;
using Okno.Platform.Files;
using Okno.Platform.Health;
using Okno.Platform.Jobs;
using Okno.Platform.Outbox;
using Okno.Platform.Security;
using Okno.Platform.Text;
using Okno.Platform.Ui;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.CustomFields;
using Scalar.AspNetCore;

namespace Okno;

/// <summary>The one list of what Okno is made of.</summary>
public static class OknoModules
{
    /// <summary>A service manager starts Okno from any folder (<c>cd /srv &amp;&amp; dotnet /opt/okno/Okno.dll</c>), and
    /// appsettings.json and wwwroot are beside Okno.dll, not in that folder: the content root is the app's own folder
    /// unless <c>--contentRoot</c> or ASPNETCORE_CONTENTROOT / DOTNET_CONTENTROOT names one (the test host does).</summary>
    public static WebApplicationOptions HostOptions(string[] args)
    {
        var named = new ConfigurationBuilder().AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args).Build()[HostDefaults.ContentRootKey];
        return new WebApplicationOptions { Args = args, ContentRootPath = string.IsNullOrEmpty(named) ? AppContext.BaseDirectory : null };
    }

    public static WebApplicationBuilder AddOkno(this WebApplicationBuilder builder, string[] args)
    {
        if (args.Contains("--demo")) builder.Configuration["Okno:Demo"] = "true";
        // Serve MudBlazor's and our own static files straight from a build (dotnet run) in every environment, not
        // only in Development; a published app has them in wwwroot and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddOptions<OknoOptions>().Bind(builder.Configuration.GetSection(OknoOptions.Section));
        services.AddSingleton(TimeProvider.System);

        services.AddData(builder.Configuration);
        services.AddCluster(builder.Configuration);
        // Keys for antiforgery and cookies survive restarts; they live beside the data.
        services.AddDataProtection().SetApplicationName("Okno").PersistKeysToFileSystem(new DirectoryInfo(
            Path.Combine((builder.Configuration.GetSection(OknoOptions.Section).Get<OknoOptions>() ?? new()).DataPath, "keys")));
        services.AddPlatformWeb();
        services.AddOknoAuthentication();
        services.AddAuthRateLimits();
        services.AddOknoHealth();
        services.AddOutbox();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityDocument>().AddSchemaTransformer<RequestSchemaDocs>().AddSchemaTransformer<ProblemSchemaDocs>());
        services.AddUi();
        services.AddScoped<UiScope>();
        services.AddScoped<RelativeTime>();

        // The product's sections: each module registers its own services, endpoints, jobs and save hooks.
        services.AddAdmin();
        services.AddCustomers();
        services.AddServiceObjects();
        Customers.Contracts.ContractsModule.AddContracts(services, builder.Configuration);
        Customers.WorkLogs.WorkLogsModule.AddWorkLogs(services, builder.Configuration);
        services.AddTickets();
        services.AddCustomFields();
        Tickets.Checklists.ChecklistsModule.AddChecklists(services);
        services.AddKnowledge();
        services.AddReports();
        Reports.Schedules.ReportScheduleEndpoints.AddReportSchedules(services, builder.Configuration);
        services.AddTeamReports();
        services.AddSla();
        services.AddRecurring();
        // Called by its class: ASP.NET Core has an AddRouting of its own on IServiceCollection.
        RoutingModule.AddRouting(services, builder.Configuration);
        services.AddChannels(builder.Configuration);
        services.AddBots(builder.Configuration);
        services.AddNotifications(builder.Configuration);
        services.AddAutomation(builder.Configuration);
        services.AddWebhooks(builder.Configuration);
        services.AddSurveys(builder.Configuration);
        Surveys.Nps.NpsModule.AddNps(services, builder.Configuration);
        Portal.PortalModule.AddPortal(services, builder.Configuration);
        // Last: it schedules the jobs the sections added.
        services.AddOknoJobs(builder.Configuration);
        return builder;
    }

    public static WebApplication MapOkno(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<HubOriginCheck>();
        app.UseOperations();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Okno API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // Offline and under the page policy: no web fonts from fonts.scalar.com (font-src 'self').
            .DisableDefaultFonts()
            // Scalar's vendor features talk to scalar.com and are of no use on a help desk: the developer tools toolbar
            // ("Deploy", "Generate SDK", shown on localhost), the AI chat ("Ask AI"), MCP and the request telemetry.
            .HideDeveloperTools().DisableAgent().DisableMcp().DisableTelemetry()
            // Keeps Scalar's validation library from probing for eval (a policy violation); see wwwroot/js/api-docs.js.
            .AddHeadContent("<script src=\"/js/api-docs.js\"></script>"));
        app.MapOknoHealth();
        RemoteImages.Map(app);
        app.MapAuthEndpoints();
        app.MapAdmin();
        app.MapCustomers();
        app.MapServiceObjects();
        Customers.Contracts.ContractsModule.MapContracts(app);
        Customers.WorkLogs.WorkLogsModule.MapWorkLogs(app);
        Reports.Exports.WorkStatementExport.MapWorkStatements(app);
        app.MapTickets();
        app.MapCustomFields();
        Tickets.Checklists.ChecklistsModule.MapChecklists(app);
        app.MapKnowledge();
        app.MapReports();
        Reports.Schedules.ReportScheduleEndpoints.MapReportSchedules(app);
        app.MapTeamReports();
        app.MapSla();
        app.MapRecurring();
        app.MapRouting();
        app.MapChannels();
        app.MapBots();
        app.MapNotifications();
        app.MapAutomation();
        app.MapWebhooks();
        app.MapSurveys();
        Surveys.Nps.NpsModule.MapNps(app);
        Portal.PortalModule.MapPortal(app);
        app.MapUi();
        return app;
    }

    private static IServiceCollection AddPlatformWeb(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            ProblemMapping.AddCode(context.ProblemDetails);
            // Outside production a 500 says what broke, so a failing test or a developer sees it at once.
            var environment = context.HttpContext.RequestServices.GetRequiredService<IWebHostEnvironment>();
            if (!environment.IsProduction() && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is { } error)
                context.ProblemDetails.Extensions["exception"] = error.ToString();
        });
        services.AddExceptionHandler<OknoExceptionHandler>();
        // Bad input reaches the exception handler, which names the field, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddSingleton<MessageBodies>();
        services.AddSingleton<AttachmentStore>();
        RemoteImages.AddRemoteImages(services);
        return services;
    }

    /// <summary>Start-up work that must finish before the first request: schema, first admin, demo data. Nodes that
    /// share a database take turns (see <see cref="DataModule.OneNodeAtATimeAsync"/>), so the second one finds the
    /// work done.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.Services.OneNodeAtATimeAsync(async () =>
        {
            await app.Services.MigrateDatabaseAsync();
            await app.Services.EnsureFirstAdminAsync();
            if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OknoOptions>>().Value.Demo)
                await app.Services.SeedDemoAsync();
        });
        // Made now rather than by the first screen, so that with several nodes this node listens to the others from
        // its start (and its counters cache hears their changes).
        app.Services.GetRequiredService<Tickets.Live.TicketFeed>();
        app.Services.GetRequiredService<Tickets.Live.TicketPresence>();
    }
}
