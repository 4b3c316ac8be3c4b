using Okno.Customers;
using Okno.Admin;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Channels;
using Okno.Notifications;
using Okno.Platform.Data;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Automation.Triggers;

/// <summary>Where an action works: the ticket (tracked, saved by the engine with the run), the rule acting at its depth,
/// and what the run has done so far. Actions change the ticket only through its methods, so each change lands in the
/// history credited to the rule and yields its event.</summary>
public sealed class ActionContext(OknoDb db, Ticket ticket, LoadedTrigger rule, Actor actor, TicketDomainEvent? ticketEvent, string runKey,
    DateTimeOffset now, int emailsLeft)
{
    public OknoDb Db { get; } = db;
    public Ticket Ticket { get; } = ticket;
    public LoadedTrigger Rule { get; } = rule;
    public Actor Actor { get; } = actor;
    /// <summary>The event a trigger reacts to; null for a time rule.</summary>
    public TicketDomainEvent? Event { get; } = ticketEvent;
    /// <summary>Names this run among the rule's runs on the ticket (the event, or the time rule's episode): what an email
    /// queued by it is deduplicated by.</summary>
    public string RunKey { get; } = runKey;
    public DateTimeOffset Now { get; } = now;
    /// <summary>Automatic emails this ticket may still get this hour.</summary>
    public int EmailsLeft { get; private set; } = emailsLeft;
    public int EmailsSent { get; private set; }
    public List<string> Summary { get; } = [];
    /// <summary>What to do once the run's writes are committed (wake the job that sends what an action queued).</summary>
    public HashSet<Action> AfterCommit { get; } = [];

    /// <summary>Takes <paramref name="count"/> emails from the hourly allowance; false (and nothing taken) if it has not that many.</summary>
    public bool TakeEmails(int count)
    {
        if (count > EmailsLeft) return false;
        EmailsLeft -= count;
        EmailsSent += count;
        return true;
    }
}

/// <summary>What an action's value is, for validation and the editor.</summary>
public enum ActionValueKind { Status, Priority, Type, Group, Agent, Tags, Note, CustomerEmail, AgentEmail, Webhook, Escalation }

/// <summary>An action registered by name: checked on save, applied to a ticket when the rule's conditions hold.</summary>
public interface ITriggerAction
{
    string Type { get; }
    ActionValueKind ValueKind { get; }
    Task ValidateAsync(ActionSpec spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct);
    /// <summary>Applies the action; adds a line to <see cref="ActionContext.Summary"/> saying what it did.</summary>
    Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct);
}

/// <summary>The registered actions, by name.</summary>
public sealed class TriggerActions(IEnumerable<ITriggerAction> actions)
{
    public const int MaxActions = 20;
    public const int NoteMaxLength = 10_000;

    private readonly Dictionary<string, ITriggerAction> _byType = actions.ToDictionary(a => a.Type, StringComparer.Ordinal);

    public IReadOnlyCollection<ITriggerAction> All => _byType.Values;

    public ITriggerAction? Find(string? type) => type is not null && _byType.TryGetValue(type, out var a) ? a : null;

    public async Task ValidateAsync(ActionSpec? spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        if (spec is null) { errors.Required(at); return; }
        if (Find(spec.Type) is not { } action)
        {
            errors.Add(at + ".type", AutomationErrorCodes.UnknownAction, $"There is no action '{spec.Type}'.", ("value", spec.Type));
            return;
        }
        await action.ValidateAsync(spec, at, errors, db, ct);
    }
}

/// <summary>Sets a field with named values (status, priority, type).</summary>
internal abstract class SetEnumAction<T>(string type, ActionValueKind kind, ConditionValueKind valueKind) : ITriggerAction where T : struct, Enum
{
    public string Type => type;
    public ActionValueKind ValueKind => kind;

    public Task ValidateAsync(ActionSpec spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct) =>
        ValueChecks.CheckAsync(valueKind, spec.Value, at + ".value", errors, db, ct);

    public Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        var value = ValueChecks.Parse<T>(spec.Value)!.Value;
        Set(context, value);
        context.Summary.Add($"{type}={value.ToSnakeCase()}");
        return Task.CompletedTask;
    }

    protected abstract void Set(ActionContext context, T value);
}

internal sealed class SetStatusAction() : SetEnumAction<TicketStatus>("set_status", ActionValueKind.Status, ConditionValueKind.Status)
{
    protected override void Set(ActionContext c, TicketStatus value) => c.Ticket.ChangeStatus(value, c.Actor, c.Now);
}

internal sealed class SetPriorityAction() : SetEnumAction<TicketPriority>("set_priority", ActionValueKind.Priority, ConditionValueKind.Priority)
{
    protected override void Set(ActionContext c, TicketPriority value) => c.Ticket.ChangePriority(value, c.Actor, c.Now);
}

internal sealed class SetTypeAction() : SetEnumAction<TicketType>("set_type", ActionValueKind.Type, ConditionValueKind.Type)
{
    protected override void Set(ActionContext c, TicketType value) => c.Ticket.ChangeType(value, c.Actor, c.Now);
}

/// <summary>Moves the ticket to a group; an empty value takes it out of any.</summary>
internal sealed class SetGroupAction : ITriggerAction
{
    public string Type => "set_group";
    public ActionValueKind ValueKind => ActionValueKind.Group;

    public async Task ValidateAsync(ActionSpec spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(spec.Value)) await ValueChecks.CheckAsync(ConditionValueKind.Group, spec.Value, at + ".value", errors, db, ct);
    }

    public Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        var groupId = string.IsNullOrEmpty(spec.Value) ? (long?)null : long.Parse(spec.Value, CultureInfo.InvariantCulture);
        context.Ticket.MoveToGroup(groupId, context.Actor, context.Now);
        context.Summary.Add($"{Type}={spec.Value}");
        return Task.CompletedTask;
    }
}

/// <summary>Assigns the ticket to an active agent; an empty value unassigns it. An agent deactivated since the rule was
/// saved is not assigned (the summary says so).</summary>
internal sealed class SetAssigneeAction : ITriggerAction
{
    public string Type => "set_assignee";
    public ActionValueKind ValueKind => ActionValueKind.Agent;

    public async Task ValidateAsync(ActionSpec spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(spec.Value)) await ValueChecks.CheckAsync(ConditionValueKind.Agent, spec.Value, at + ".value", errors, db, ct);
    }

    public async Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        long? agentId = string.IsNullOrEmpty(spec.Value) ? null : long.Parse(spec.Value, CultureInfo.InvariantCulture);
        if (agentId is { } id && !await context.Db.Agents.AnyAsync(a => a.Id == id && a.IsActive, ct))
            throw new OknoException(new NotFound(Admin.AdminErrorCodes.AgentNotActive, "Active agent", agentId));
        context.Ticket.AssignTo(agentId, context.Actor, context.Now);
        context.Summary.Add($"{Type}={spec.Value}");
    }
}

/// <summary>Adds tags to the ticket or removes them (creating a tag that does not exist yet, like an agent's edit).</summary>
internal abstract class TagsAction(string type, bool add, TagCatalog catalog) : ITriggerAction
{
    public string Type => type;
    public ActionValueKind ValueKind => ActionValueKind.Tags;

    public Task ValidateAsync(ActionSpec spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        if (spec.Values is not { Count: > 0 }) errors.Required(at + ".values");
        else TagCatalog.Validate(spec.Values, at + ".values", errors);
        return Task.CompletedTask;
    }

    public async Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        var names = (spec.Values ?? []).OfType<string>().Select(Tag.Normalize).ToHashSet();
        var current = context.Ticket.Tags.Select(t => t.Tag.Name).ToList();
        var wanted = add ? current.Concat(names).Distinct().ToList() : current.Where(n => !names.Contains(n)).ToList();
        if (add && wanted.Count > TagCatalog.MaxTagsPerTicket) wanted = wanted.Take(TagCatalog.MaxTagsPerTicket).ToList();
        context.Ticket.SetTags(await catalog.ResolveAsync(wanted, ct), context.Actor, context.Now);
        context.Summary.Add($"{type}={string.Join(",", names)}");
    }
}

internal sealed class AddTagsAction(TagCatalog catalog) : TagsAction("add_tags", add: true, catalog);

internal sealed class RemoveTagsAction(TagCatalog catalog) : TagsAction("remove_tags", add: false, catalog);

/// <summary>Fills placeholders ({ticket.number}, {ticket.subject}, {customer.name}…) the way notification templates do.</summary>
internal static class ActionTemplates
{
    public static void Validate(ActionSpec spec, string at, FieldErrors errors, bool subject)
    {
        errors.Text(at + ".body", spec.Body, TriggerActions.NoteMaxLength);
        NotificationTemplates.CheckPlaceholders(at + ".body", spec.Body, errors);
        if (!subject) return;
        errors.Text(at + ".subject", spec.Subject, NotificationTemplate.SubjectMaxLength);
        if (spec.Subject is { } s && (s.Contains('\r', StringComparison.Ordinal) || s.Contains('\n', StringComparison.Ordinal))) errors.ControlCharacters(at + ".subject");
        NotificationTemplates.CheckPlaceholders(at + ".subject", spec.Subject, errors);
    }

    public static async Task<RenderedNotification> RenderAsync(ActionContext context, string? subject, string body, string? ticketUrl, CancellationToken ct)
    {
        var ticket = context.Ticket;
        var customer = await context.Db.Contacts.Where(c => c.Id == ticket.ContactId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        var agent = ticket.AssigneeId is { } a ? await context.Db.Agents.Where(x => x.Id == a).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var message = context.Event is TicketMessageEvent m
            ? await context.Db.Messages.Where(x => x.Id == m.MessageId).Select(x => x.BodyText).SingleOrDefaultAsync(ct) : null;
        return NotificationTemplates.Render(subject ?? "", body, new NotificationValues(ticket.Number, ticket.Subject, ticketUrl, customer, agent, message));
    }
}

/// <summary>A message the rule writes on the ticket from its template (the body with placeholders, no subject): an
/// internal note or a public reply.</summary>
internal abstract class MessageAction(string type, ActionValueKind kind, bool isInternal, MessageBodies bodies) : ITriggerAction
{
    public string Type => type;
    public ActionValueKind ValueKind => kind;

    public Task ValidateAsync(ActionSpec spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        ActionTemplates.Validate(spec, at, errors, subject: false);
        return Task.CompletedTask;
    }

    public abstract Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct);

    /// <summary>Renders the body for the ticket and adds it as the rule's message.</summary>
    protected async Task AddMessageAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        var rendered = await ActionTemplates.RenderAsync(context, null, spec.Body!, null, ct);
        var body = bodies.FromText(rendered.Text);
        context.Ticket.AddMessage(new Message(MessageDirection.Out, isInternal, context.Actor, body.Text, body.Html, context.Now), context.Now);
    }
}

/// <summary>An internal note on the ticket, written by the rule.</summary>
internal sealed class AddNoteAction(MessageBodies bodies) : MessageAction("add_note", ActionValueKind.Note, isInternal: true, bodies)
{
    public override async Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        await AddMessageAsync(context, spec, ct);
        context.Summary.Add(Type);
    }
}

/// <summary>An email to the customer: a public reply written by the rule, which goes out the way any reply does — through
/// the channel of the conversation (its mailbox), else as the "agent replied" notification to the customer's address.
/// It does not count as the desk's first response.</summary>
internal sealed class EmailCustomerAction(MessageBodies bodies)
    : MessageAction("email_customer", ActionValueKind.CustomerEmail, isInternal: false, bodies)
{
    public override async Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        if (context.EmailsLeft < 1)
        {
            context.Summary.Add($"{Type}:email_limit");
            return;
        }
        await AddMessageAsync(context, spec, ct);
        context.TakeEmails(1);
        context.Summary.Add(Type);
    }
}

/// <summary>An email to agents (the assignee, the members of the ticket's group, or chosen agents) from the rule's
/// template, through the notification queue and the ticket's mailbox.</summary>
internal sealed class EmailAgentsAction(NotificationMail mail, IOptions<NotificationsOptions> options) : ITriggerAction
{
    public const string ToAssignee = "assignee";
    public const string ToGroup = "group";
    public const string ToAgents = "agents";
    /// <summary>The supervisors of the ticket's group (all supervisors when it has none).</summary>
    public const string ToSupervisors = "supervisors";
    public const int MaxRecipients = 50;

    public string Type => "email_agents";
    public ActionValueKind ValueKind => ActionValueKind.AgentEmail;

    public async Task ValidateAsync(ActionSpec spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        if (spec.Value is not (ToAssignee or ToGroup or ToAgents or ToSupervisors))
            errors.Add(at + ".value", AutomationErrorCodes.InvalidValue, "Recipients are one of assignee, group, supervisors, agents.", ("value", spec.Value));
        else if (spec.Value == ToAgents)
        {
            if (spec.Values is not { Count: > 0 }) errors.Required(at + ".values");
            else if (spec.Values.Count > MaxRecipients) errors.TooMany(at + ".values", MaxRecipients, "agents");
            else for (var i = 0; i < spec.Values.Count; i++)
                await ValueChecks.CheckAsync(ConditionValueKind.Agent, spec.Values[i], $"{at}.values[{i}]", errors, db, ct);
        }
        ActionTemplates.Validate(spec, at, errors, subject: true);
    }

    public async Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        var ticket = context.Ticket;
        List<long> agentIds = spec.Value switch
        {
            ToAssignee => ticket.AssigneeId is { } a ? [a] : [],
            ToGroup => ticket.GroupId is { } g ? await context.Db.AgentGroups.Where(x => x.GroupId == g).Select(x => x.AgentId).Take(MaxRecipients).ToListAsync(ct) : [],
            ToSupervisors => await Supervisors(context.Db, ticket.GroupId).Take(MaxRecipients).ToListAsync(ct),
            _ => (spec.Values ?? []).OfType<string>().Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList(),
        };
        var agents = await context.Db.Agents.Where(a => agentIds.Contains(a.Id) && a.IsActive).Select(a => a.Email).ToListAsync(ct);
        agents = agents.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (agents.Count == 0) { context.Summary.Add($"{Type}:no_recipients"); return; }
        if (!context.TakeEmails(agents.Count)) { context.Summary.Add($"{Type}:email_limit"); return; }
        if (await mail.MailboxForAsync(ticket.Id, ct) is not { } mailbox) { context.Summary.Add($"{Type}:no_mailbox"); return; }
        var url = options.Value.BaseUrl is { Length: > 0 } baseUrl ? $"{baseUrl.TrimEnd('/')}/tickets/{ticket.Id}" : null;
        var rendered = await ActionTemplates.RenderAsync(context, spec.Subject, spec.Body!, url, ct);
        foreach (var address in agents)
        {
            var key = $"rule:{context.Rule.Id}:{context.RunKey}:{ChannelDelivery.NormalRecipient(address)}";
            if (await mail.QueueAsync(ChannelDelivery.Notification(mailbox, ticket.Id, address, rendered.Subject, rendered.Text,
                    rendered.Html, key, context.Now), ct))
                context.AfterCommit.Add(mail.Wake);
        }
        context.Summary.Add($"{Type}={agents.Count}");
    }

    private static IQueryable<long> Supervisors(OknoDb db, long? groupId)
    {
        var supervisors = db.Agents.Where(a => a.Role == Platform.Security.AgentRole.Supervisor && a.IsActive);
        if (groupId is { } g) supervisors = supervisors.Where(a => a.Groups.Any(m => m.GroupId == g));
        return supervisors.Select(a => a.Id);
    }
}

/// <summary>Escalates (or returns) the ticket to a support line with a reason from the admins' list and a comment, through
/// the Routing section's <see cref="Routing.EscalateTicket"/>, as the rule: the same rules and history as an agent's.</summary>
internal sealed class EscalateAction(Routing.EscalateTicket escalate) : ITriggerAction
{
    public string Type => "escalate";
    public ActionValueKind ValueKind => ActionValueKind.Escalation;

    public async Task ValidateAsync(ActionSpec spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        if (!long.TryParse(spec.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var groupId)
            || !await db.Set<Routing.SupportLine>().AnyAsync(l => l.GroupId == groupId, ct))
            errors.Add(at + ".value", AutomationErrorCodes.UnknownReference, $"'{spec.Value}' is not a support line.", ("value", spec.Value));
        var reason = spec.Values is [{ } r] ? r : null;
        if (!long.TryParse(reason, NumberStyles.None, CultureInfo.InvariantCulture, out var reasonId)
            || !await db.Set<Routing.EscalationReason>().AnyAsync(x => x.Id == reasonId && !x.Archived, ct))
            errors.Add(at + ".values", AutomationErrorCodes.UnknownReference, $"'{reason}' is not an escalation reason in use.", ("value", reason));
        errors.Text(at + ".body", spec.Body, TicketEvent.CommentMaxLength);
    }

    public async Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        var request = new Routing.EscalationRequest(long.Parse(spec.Value!, CultureInfo.InvariantCulture),
            long.Parse(spec.Values![0]!, CultureInfo.InvariantCulture), spec.Body);
        await escalate.ApplyAsync(context.Ticket.Id, request, context.Actor, TicketAccessRule.All, ct);
        context.Summary.Add($"{Type}={spec.Value}");
    }
}

/// <summary>Calls a webhook: a signed delivery to one of the admins' webhook subscriptions, about the ticket and the event
/// (event type "trigger"), through the same durable queue and sender as the subscriptions' own events. A paused or
/// disabled subscription gets nothing (the summary says so).</summary>
internal sealed class CallWebhookAction(Webhooks.WebhookDeliveries deliveries, Webhooks.WebhookWakeUp wakeUp) : ITriggerAction
{
    public string Type => "call_webhook";
    public ActionValueKind ValueKind => ActionValueKind.Webhook;

    public async Task ValidateAsync(ActionSpec spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        if (!long.TryParse(spec.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !await db.Set<Webhooks.WebhookSubscription>().AnyAsync(s => s.Id == id, ct))
            errors.Add(at + ".value", AutomationErrorCodes.UnknownReference, $"There is no webhook {spec.Value}.", ("value", spec.Value));
    }

    public async Task ApplyAsync(ActionContext context, ActionSpec spec, CancellationToken ct)
    {
        var id = long.Parse(spec.Value!, CultureInfo.InvariantCulture);
        if (await deliveries.QueueAsync(id, "trigger", context.Ticket.Id, context.Event, $"trigger:{context.Rule.Id}:{context.RunKey}", ct))
        {
            context.AfterCommit.Add(wakeUp.Now);
            context.Summary.Add($"{Type}={id}");
        }
        else context.Summary.Add($"{Type}:not_queued");
    }
}
