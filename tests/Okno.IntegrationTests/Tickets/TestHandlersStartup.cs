using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Okno.Testing;
using Okno.Tickets.Events;

[assembly: HostingStartup(typeof(Okno.IntegrationTests.Tickets.TestHandlersStartup))]

namespace Okno.IntegrationTests.Tickets;

/// <summary>Adds the recording handler to an Okno that runs as its own process (<see cref="Platform.OknoProcess"/> with
/// test handlers): ASP.NET Core runs this when ASPNETCORE_HOSTINGSTARTUPASSEMBLIES names this assembly, and only then.</summary>
public sealed class TestHandlersStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddTicketEventHandler<RecordingTicketHandler>()
            .AddScoped<Okno.Automation.Triggers.ITriggerAction, Automation.SlowTestAction>());
}
