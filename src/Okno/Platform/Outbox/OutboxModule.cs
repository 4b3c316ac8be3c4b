using Microsoft.Extensions.DependencyInjection.Extensions;
using Okno.Platform.Jobs;

namespace Okno.Platform.Outbox;

public static class OutboxModule
{
    /// <summary>The dispatcher, the retention job's service and the health check's reader; features add handlers
    /// with <see cref="AddOutboxHandler{T}"/> (or their own typed wrapper of it).</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDispatcher>());
        services.TryAddSingleton<OutboxHealthCheck>();
        services.AddJob(OutboxRetention.Schedule);
        return services;
    }

    /// <summary>Registers a handler: <typeparamref name="T"/> is made in a new scope for each batch it handles.</summary>
    public static IServiceCollection AddOutboxHandler<T>(this IServiceCollection services) where T : class, IOutboxHandler
    {
        services.AddScoped<T>();
        services.AddSingleton(new OutboxHandlerRegistration(typeof(T)));
        return services;
    }

    /// <summary>Every HTTP request is one operation (see <see cref="Operation"/>).</summary>
    public static IApplicationBuilder UseOperations(this IApplicationBuilder app) => app.UseMiddleware<OperationPerRequest>();
}
