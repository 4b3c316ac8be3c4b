using System.Text.RegularExpressions;

namespace Okno.Knowledge;

/// <summary>The values a macro can use, read from a ticket and the agent.</summary>
public sealed record MacroContext(string? CustomerName, string? CustomerEmail, long? TicketNumber, string? TicketSubject, string? AgentName);

/// <summary>Fills {{variables}} in one pass: a known variable becomes its value as plain text (a value that itself looks
/// like {{…}} or like markup is not interpreted again), an unknown one stays visible as written so the agent sees it.</summary>
public static partial class MacroRenderer
{
    public static readonly IReadOnlyList<string> Variables =
        ["customer.name", "customer.email", "ticket.number", "ticket.subject", "agent.name"];

    public static string Render(string body, MacroContext context) =>
        Variable().Replace(body, m => m.Groups["name"].Value.ToLowerInvariant() switch
        {
            "customer.name" => context.CustomerName ?? "",
            "customer.email" => context.CustomerEmail ?? "",
            "ticket.number" => context.TicketNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            "ticket.subject" => context.TicketSubject ?? "",
            "agent.name" => context.AgentName ?? "",
            _ => m.Value,
        });

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}")]
    private static partial Regex Variable();
}
