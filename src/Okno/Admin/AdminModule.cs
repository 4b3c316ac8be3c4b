using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Platform.Security;

namespace Okno.Admin;


public static class AdminModule
{
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<Audit>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AgentSignIn>();
        services.AddScoped<SignInThrottling>();
        services.AddSingleton<IAgentAccounts, AgentAccounts>();
        services.AddSingleton<Platform.Ui.IAgentAvatars, AgentAvatars>();
        services.AddScoped<AgentDirectory>();
        services.AddScoped<AgentQueries>();
        services.AddScoped<CreateAgent>();
        services.AddScoped<ChangeAgent>();
        services.AddScoped<MyProfile>();
        services.AddScoped<ReplySignatures>();
        services.AddScoped<DeactivateAgent>();
        services.AddScoped<GroupQueries>();
        services.AddScoped<CreateGroup>();
        services.AddScoped<ChangeGroup>();
        services.AddScoped<DeleteGroup>();
        services.AddSingleton<IPasswordHasher<Agent>, PasswordHasher<Agent>>();
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p.RequireRole(nameof(AgentRole.Admin)));
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        Ui.AccountEndpoints.MapAccountEndpoints(app);
        app.MapAgentsEndpoints();
        app.MapGroupsEndpoints();
        app.MapAuditEndpoints();
        app.MapMeEndpoints();
        return app;
    }

    /// <summary>On an empty desk, creates the first admin from Okno:Admin:Email/Password, or with a generated
    /// password that is printed once.</summary>
    public static async Task EnsureFirstAdminAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        if (await db.Agents.AnyAsync(cancellationToken)) return;
        var options = scope.ServiceProvider.GetRequiredService<IOptions<OknoOptions>>().Value.Admin;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Okno.Admin");
        var email = string.IsNullOrWhiteSpace(options.Email) ? "admin@okno.local" : options.Email.Trim().ToLowerInvariant();
        var generated = string.IsNullOrEmpty(options.Password);
        var password = generated ? GeneratePassword() : options.Password!;
        if (password.Length < AgentRules.MinPasswordLength)
            throw new InvalidOperationException($"Okno:Admin:Password must have at least {AgentRules.MinPasswordLength} characters.");
        var admin = new Agent
        {
            Email = email, Name = "Administrator", Role = AgentRole.Admin,
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        admin.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Agent>>().HashPassword(admin, password);
        db.Agents.Add(admin);
        scope.ServiceProvider.GetRequiredService<Audit>().Add(null, "agent.created", $"agent:{email}", "first admin at start-up");
        await db.SaveChangesAsync(cancellationToken);
        if (generated)
        {
            // Printed once, to the console only: it is not stored anywhere in clear.
            Console.WriteLine($"""

                ==== Okno: first admin created ====
                  email:    {email}
                  password: {password}
                Change it after signing in. It is not shown again.
                ===================================

                """);
        }
        else logger.LogInformation("Created the first admin {Email} from configuration", email);
    }

    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return new string(System.Security.Cryptography.RandomNumberGenerator.GetItems<char>(alphabet, 20));
    }
}
