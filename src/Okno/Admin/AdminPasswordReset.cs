using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Admin;

/// <summary><c>dotnet Okno.dll reset-admin-password &lt;email&gt;</c>: a new password for an admin who forgot theirs and
/// has no other admin to set one. Runs with Okno's normal configuration (appsettings.json, environment), so on the same
/// database, SQLite or PostgreSQL, whether Okno is running or not. The password never comes from an argument (other
/// users of the machine see arguments in <c>ps</c>): a line on standard input when it is redirected, otherwise a
/// generated one, printed once. Every session and API token of that admin ends, as when an admin sets a password.</summary>
public static class AdminPasswordReset
{
    public const string Command = "reset-admin-password";

    public const int Done = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    public static async Task<int> RunFromCommandLineAsync(string[] args)
    {
        if (args is not [var email, ..] || email.StartsWith('-'))
        {
            await Console.Error.WriteLineAsync($"""
                Usage: dotnet Okno.dll {Command} <email> [--Okno:DataDirectory=…]
                  Sets a new password for the admin with this email and ends their sessions and API tokens.
                  The new password is read from standard input when it is redirected
                  (printf '%s\n' "$NEW_PASSWORD" | dotnet Okno.dll {Command} admin@example.com),
                  otherwise one is generated and printed.
                """);
            return Usage;
        }
        var builder = WebApplication.CreateBuilder(OknoModules.HostOptions(args[1..]));
        // The answer is the command's output; start-up information would bury it.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddOkno(args[1..]);
        await using var app = builder.Build();
        return await RunAsync(app.Services, email, Console.IsInputRedirected ? Console.In : null, Console.Out, Console.Error);
    }

    /// <param name="passwordInput">Where the new password is read from (its first line); null: generate one.</param>
    public static async Task<int> RunAsync(IServiceProvider services, string email, TextReader? passwordInput, TextWriter output,
        TextWriter errors, CancellationToken cancellationToken = default)
    {
        var generated = passwordInput is null;
        var password = generated ? AdminModule.GeneratePassword() : await passwordInput!.ReadLineAsync(cancellationToken);
        var passwordErrors = new FieldErrors();
        AgentRules.CheckPassword(password, passwordErrors, required: true);
        if (passwordErrors.Any)
        {
            await errors.WriteLineAsync(
                $"The password read from standard input must have {AgentRules.MinPasswordLength} to {AgentRules.MaxPasswordLength} characters; nothing was changed.");
            return Refused;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var normalized = email.Trim().ToLowerInvariant();
        var admin = await db.Agents.SingleOrDefaultAsync(a => a.Email == normalized, cancellationToken);
        if (admin is not { Role: AgentRole.Admin, IsActive: true })
        {
            await errors.WriteLineAsync(admin is null
                ? $"No agent has the email {normalized}; nothing was changed."
                : $"{normalized} is not an active admin; nothing was changed (an admin sets other agents' passwords in Admin → Agents).");
            return Refused;
        }

        admin.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Agent>>().HashPassword(admin, password!);
        scope.ServiceProvider.GetRequiredService<Audit>().Add(null, "agent.changed", $"agent:{admin.Id}", $"password reset with {Command}");
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AgentSessions>().RevokeAllAsync(db, admin.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // A running node hears no announcement from this process: requests check the session row at once, open
        // circuits at their next periodic check.
        await output.WriteLineAsync(generated
            ? $"""
               New password for {normalized}: {password}
               It is not shown again. Their sessions and API tokens have ended.
               """
            : $"The password of {normalized} is set. Their sessions and API tokens have ended.");
        return Done;
    }
}
