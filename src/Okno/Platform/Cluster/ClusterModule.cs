using Microsoft.AspNetCore.SignalR;

namespace Okno.Platform.Cluster;

/// <summary>Several nodes behind one database: with Okno:Redis set, live updates and SignalR messages reach every
/// node through Redis. Without it nothing here is registered and each node keeps its live updates to itself.</summary>
public static class ClusterModule
{
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetSection(OknoOptions.Section).Get<OknoOptions>()?.Redis;
        if (string.IsNullOrWhiteSpace(redis)) return services;

        services.AddSingleton<INodeBus>(sp => new RedisNodeBus(redis, sp.GetRequiredService<ILogger<RedisNodeBus>>()));
        services.AddSignalR().AddStackExchangeRedis(redis, o => RedisNodeBus.ConfigureForOkno(o.Configuration));
        // A Blazor circuit lives on the node its browser is pinned to (sticky sessions), so its hub gains nothing
        // from the backplane, and with it every circuit would wait on Redis to connect (and fail while Redis is
        // down). Its screens learn about other nodes' changes through the node bus instead.
        var circuitHub = ComponentHubType();
        services.AddSingleton(typeof(HubLifetimeManager<>).MakeGenericType(circuitHub),
            typeof(DefaultHubLifetimeManager<>).MakeGenericType(circuitHub));
        return services;
    }

    /// <summary>Blazor Server's own hub; internal to ASP.NET Core, hence found by name (a start-up error if a future
    /// version renames it, rather than a silent change).</summary>
    internal static Type ComponentHubType() =>
        typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
            .GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
}
