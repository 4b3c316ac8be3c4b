using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;

namespace Okno.Notifications;

/// <summary>The notifications there are. Customer ones go to the ticket's customer; agent ones to agents, each of
/// whom can switch them off (<see cref="NotificationPreferences"/>).</summary>
public static class NotificationKeys
{
    public const string RequestReceived = "request_received";
    public const string AgentReplied = "agent_replied";
    public const string TicketResolved = "ticket_resolved";
    public const string TicketAssigned = "ticket_assigned";
    public const string CustomerReplied = "customer_replied";
    public const string GroupTicket = "group_ticket";
    public const string SlaWarning = "sla_warning";
    public const string SlaBreach = "sla_breach";

    public static readonly IReadOnlyList<string> ForCustomers = [RequestReceived, AgentReplied, TicketResolved];
    public static readonly IReadOnlyList<string> ForAgents = [TicketAssigned, CustomerReplied, GroupTicket, SlaWarning, SlaBreach];
    public static readonly IReadOnlyList<string> All = [.. ForCustomers, .. ForAgents];
    public static readonly IReadOnlyList<string> Languages = ["en", "ru"];
}

/// <summary>The codes of the notification errors.</summary>
public static class NotificationErrorCodes
{
    /// <summary>{id} (key/language)</summary>
    public const string TemplateNotFound = "notification.template_not_found";
    /// <summary>{value} (the placeholder), {allowed}</summary>
    public const string UnknownPlaceholder = "notification.unknown_placeholder";
    /// <summary>{id}: not one of the signed-in agent's bell items.</summary>
    public const string NotificationNotFound = "notification.not_found";
}

/// <summary>Marker for the shipped template texts in NotificationStrings.resx (English) and NotificationStrings.ru.resx.</summary>
public sealed class NotificationStrings;

public sealed record NotificationTemplateView(string Key, string Language, string Subject, string Body, bool Custom, IReadOnlyList<string> Placeholders);

public sealed record NotificationTemplateRequest(string? Subject, string? Body);

/// <summary>What a template is filled with; a value left null renders as empty.</summary>
public sealed record NotificationValues(long TicketNumber, string TicketSubject, string? TicketUrl, string? CustomerName, string? AgentName, string? MessageText);

/// <summary>A rendered notification: a one-line subject, the text and its HTML (every value escaped).</summary>
public sealed record RenderedNotification(string Subject, string Text, string Html);

/// <summary>Per (notification, language) subject and body: an admin's text when there is one, else the shipped default.
/// Placeholders are <c>{ticket.number}</c> and the like (<see cref="Placeholders"/>); an unknown one is refused on save.</summary>
public sealed partial class NotificationTemplates(OknoDb db, TimeProvider clock, Admin.Audit audit)
{
    public static readonly IReadOnlyList<string> Placeholders =
        ["ticket.number", "ticket.subject", "ticket.url", "customer.name", "agent.name", "message.text"];

    private static readonly ResourceManager Defaults = new(typeof(NotificationStrings));

    [GeneratedRegex(@"\{([^{}\s]{1,64})\}")]
    private static partial Regex PlaceholderPattern();

    public static (string Subject, string Body) Default(string key, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        return (Defaults.GetString(key + "_subject", culture) ?? key, Defaults.GetString(key + "_body", culture) ?? "");
    }

    public async Task<IReadOnlyList<NotificationTemplateView>> ListAsync(CancellationToken ct)
    {
        var custom = await db.Set<NotificationTemplate>().AsNoTracking().ToListAsync(ct);
        return [.. from key in NotificationKeys.All from language in NotificationKeys.Languages select View(key, language, custom.SingleOrDefault(t => t.Key == key && t.Language == language))];
    }

    public async Task<NotificationTemplateView> GetAsync(string key, string language, CancellationToken ct)
    {
        Check(key, language);
        return View(key, language, await db.Set<NotificationTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Key == key && t.Language == language, ct));
    }

    /// <summary>The text to send: the admin's, else the default.</summary>
    public async Task<(string Subject, string Body)> TextAsync(string key, string language, CancellationToken ct)
    {
        var custom = await db.Set<NotificationTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Key == key && t.Language == language, ct);
        return custom is null ? Default(key, language) : (custom.Subject, custom.Body);
    }

    public async Task<NotificationTemplateView> SaveAsync(string key, string language, NotificationTemplateRequest request, CurrentAgent actor, CancellationToken ct)
    {
        await Admin.AgentRules.EnsureAdminAsync(db, actor, ct);
        Check(key, language);
        var errors = new FieldErrors();
        errors.Text("subject", request.Subject, NotificationTemplate.SubjectMaxLength);
        if (request.Subject is { } subject && (subject.Contains('\r', StringComparison.Ordinal) || subject.Contains('\n', StringComparison.Ordinal)))
            errors.ControlCharacters("subject");
        errors.Text("body", request.Body, NotificationTemplate.BodyMaxLength);
        CheckPlaceholders("subject", request.Subject, errors);
        CheckPlaceholders("body", request.Body, errors);
        errors.ThrowIfAny();
        var template = await db.Set<NotificationTemplate>().SingleOrDefaultAsync(t => t.Key == key && t.Language == language, ct);
        if (template is null) db.Add(template = new NotificationTemplate { Key = key, Language = language });
        template.Subject = request.Subject!.Trim();
        template.Body = request.Body!.Trim();
        template.UpdatedAt = clock.GetUtcNow();
        template.UpdatedBy = actor.Id;
        audit.Add(actor.Id, "notification.template_changed", $"notification-template:{key}/{language}");
        await db.SaveChangesAsync(ct);
        return View(key, language, template);
    }

    /// <summary>Back to the shipped default.</summary>
    public async Task<NotificationTemplateView> ResetAsync(string key, string language, CurrentAgent actor, CancellationToken ct)
    {
        await Admin.AgentRules.EnsureAdminAsync(db, actor, ct);
        Check(key, language);
        var template = await db.Set<NotificationTemplate>().SingleOrDefaultAsync(t => t.Key == key && t.Language == language, ct);
        if (template is not null)
        {
            db.Remove(template);
            audit.Add(actor.Id, "notification.template_reset", $"notification-template:{key}/{language}");
            await db.SaveChangesAsync(ct);
        }
        return View(key, language, null);
    }

    /// <summary>Fills a template. The subject is one line (no CR/LF can reach a mail header); the HTML escapes the whole
    /// text, values included, so nothing a customer wrote becomes markup.</summary>
    public static RenderedNotification Render(string subject, string body, NotificationValues values)
    {
        string Fill(string template) => PlaceholderPattern().Replace(template, m => m.Groups[1].Value switch
        {
            "ticket.number" => values.TicketNumber.ToString(CultureInfo.InvariantCulture),
            "ticket.subject" => values.TicketSubject,
            "ticket.url" => values.TicketUrl ?? "",
            "customer.name" => values.CustomerName ?? "",
            "agent.name" => values.AgentName ?? "",
            "message.text" => values.MessageText ?? "",
            _ => m.Value,
        });
        var oneLine = string.Join(' ', Fill(subject).Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var text = Fill(body).Replace("\r\n", "\n", StringComparison.Ordinal);
        var html = new StringBuilder("<div>");
        foreach (var line in text.Split('\n')) html.Append(WebUtility.HtmlEncode(line)).Append("<br>");
        html.Append("</div>");
        return new RenderedNotification(oneLine, text, html.ToString());
    }

    internal static void CheckPlaceholders(string field, string? text, FieldErrors errors)
    {
        if (text is null || errors.Has(field)) return;
        foreach (Match m in PlaceholderPattern().Matches(text))
            if (!Placeholders.Contains(m.Groups[1].Value))
            {
                errors.Add(field, NotificationErrorCodes.UnknownPlaceholder, $"Unknown placeholder {m.Value}; use one of: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))}.",
                    ("value", m.Value), ("allowed", string.Join(", ", Placeholders.Select(p => "{" + p + "}"))));
                return;
            }
    }

    private static void Check(string key, string language)
    {
        if (!NotificationKeys.All.Contains(key) || !NotificationKeys.Languages.Contains(language))
            throw new OknoException(new NotFound(NotificationErrorCodes.TemplateNotFound, "Notification template", $"{key}/{language}"));
    }

    private static NotificationTemplateView View(string key, string language, NotificationTemplate? custom)
    {
        var (subject, body) = custom is null ? Default(key, language) : (custom.Subject, custom.Body);
        return new NotificationTemplateView(key, language, subject, body, custom is not null, Placeholders);
    }
}
