using Okno.Customers;
using Okno.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Channels;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Automation.Triggers;

public sealed class AutomationOptions
{
    public const string Section = "Okno:Automation";
    /// <summary>Automatic emails (to the customer or to agents) one ticket gets from rules in an hour at most: a loop
    /// between Okno and another system's auto-replies ends here, recorded on the rule's runs.</summary>
    public int MaxEmailsPerTicketPerHour { get; set; } = 10;
}

/// <summary>Runs the enabled triggers for one ticket event, after it committed, as the automation actor: for each
/// trigger listening to the event (in order), whose conditions hold and which has not run for this ticket in this
/// operation, its actions are applied and the run recorded — in the event handler's transaction, so exactly once.
/// A rule never reacts to its own changes, and a chain of rules reacting to each other stops at
/// <see cref="MaxDepth"/>.</summary>
public sealed class TriggerEngine(OknoDb db, TriggerSetup setup, TriggerConditions conditions, TriggerActions actions, TimeProvider clock,
    IOptions<AutomationOptions> options, ILogger<TriggerEngine> logger)
{
    /// <summary>A rule reacting to a change made by a rule at this depth does nothing (a person's change is depth 0; the
    /// rule reacting to it acts at depth 1).</summary>
    public const int MaxDepth = 3;

    private TriggerSetup.Snapshot? _snapshot;

    private readonly HashSet<Action> _afterCommit = [];

    /// <summary>Runs what the actions asked for once their writes are committed (wake-ups of the sending jobs), once each.</summary>
    public void RunAfterCommit()
    {
        foreach (var wake in _afterCommit) wake();
        _afterCommit.Clear();
    }

    /// <summary>The trigger event a ticket event is, if any.</summary>
    public static string? EventOf(TicketDomainEvent e) => e switch
    {
        TicketCreated => TriggerEvents.TicketCreated,
        MessageReceived => TriggerEvents.MessageReceived,
        ReplySent when e.Cause.Kind == ActorKind.Agent => TriggerEvents.ReplySent,
        SlaAlertRaised { Breach: true } => TriggerEvents.SlaBreach,
        SlaAlertRaised => TriggerEvents.SlaWarning,
        TicketStatusChanged or TicketPriorityChanged or TicketTypeChanged or TicketSubjectChanged or TicketGroupChanged
            or TicketAssigneeChanged or TicketTagsChanged or TicketCustomerChanged or TicketServiceObjectChanged or TicketContractChanged
            or TicketCustomFieldChanged => TriggerEvents.TicketUpdated,
        _ => null,
    };

    public static bool MayMatter(string eventType) => eventType is not (NoteAdded.Type or TicketMerged.Type or TicketLinked.Type or TicketUnlinked.Type);

    public async Task RunAsync(TicketDomainEvent e, CancellationToken ct)
    {
        if (EventOf(e) is not { } name) return;
        _snapshot ??= await setup.GetAsync(db, conditions, ct);
        var candidates = _snapshot.Triggers.Where(t => t.Events.Contains(name) && t.Id != e.Cause.RuleId).ToList();
        if (candidates.Count == 0) return;

        await db.LockTicketAsync(e.TicketId, ct);
        var ticket = await db.Tickets.Include(t => t.Tags).ThenInclude(tt => tt.Tag).SingleOrDefaultAsync(t => t.Id == e.TicketId, ct);
        if (ticket is null) return;
        var context = await ContextAsync(ticket, e, _snapshot.Needs, ct);
        var depth = e.Cause.Kind == ActorKind.Automation ? e.Cause.Depth : 0;
        var now = clock.GetUtcNow();
        var ran = false;
        foreach (var trigger in candidates)
        {
            if (!Matches(trigger, context)) continue;
            if (await RanAsync(trigger.Id, ticket.Id, e.OperationId, ct)) continue;
            var run = new AutomationRun { RuleId = trigger.Id, TicketId = ticket.Id, EventId = e.EventId, OperationId = e.OperationId, At = now };
            db.Add(run);
            ran = true;
            if (depth >= MaxDepth)
            {
                run.Outcome = RunOutcomes.DepthLimit;
                logger.LogWarning("Rule {Rule} not run on ticket {Ticket}: a chain of {Depth} rules led to it", trigger.Id, ticket.Id, depth);
                continue;
            }
            await ApplyAsync(trigger, ticket, run, depth + 1, e, e.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture), now, ct);
        }
        // Saved inside the event's own operation, so the rule's changes form one operation of their own.
        if (ran) await db.SaveChangesAsync(ct);
    }

    /// <summary>Applies a rule's actions to a ticket as the rule at <paramref name="depth"/> and fills in its run: each action
    /// in order; one that no longer fits the ticket (closed, an agent deactivated since) is skipped, named in the summary,
    /// and the rest go on. Shared by triggers and time rules.</summary>
    public async Task ApplyAsync(LoadedTrigger rule, Ticket ticket, AutomationRun run, int depth, TicketDomainEvent? e, string runKey,
        DateTimeOffset now, CancellationToken ct)
    {
        var acting = new ActionContext(db, ticket, rule, Actor.Automation(rule.Id, depth), e, runKey, now, await EmailsLeftAsync(ticket.Id, now, ct));
        foreach (var spec in rule.Actions)
        {
            if (actions.Find(spec.Type) is not { } action) { acting.Summary.Add($"{spec.Type}:unknown"); continue; }
            try
            {
                await action.ApplyAsync(acting, spec, ct);
            }
            catch (OknoException failure)
            {
                acting.Summary.Add($"{spec.Type}:failed:{failure.Error.Code}");
            }
        }
        if (acting.Summary.Any(s => s.EndsWith(":email_limit", StringComparison.Ordinal)))
            logger.LogWarning("Rule {Rule} sent no email on ticket {Ticket}: {Max} automatic emails in the last hour", rule.Id, ticket.Id,
                options.Value.MaxEmailsPerTicketPerHour);
        run.Outcome = RunOutcomes.Applied;
        run.Emails = acting.EmailsSent;
        run.Summary = Cut(string.Join("; ", acting.Summary), AutomationRun.SummaryMaxLength);
        _afterCommit.UnionWith(acting.AfterCommit);
    }

    /// <summary>Whether the trigger's conditions hold: all of them or any of them; none means always.</summary>
    public static bool Matches(LoadedTrigger trigger, TriggerContext context)
    {
        if (trigger.Conditions.Count == 0) return true;
        return trigger.MatchAll ? trigger.Conditions.All(c => c.Holds(context)) : trigger.Conditions.Any(c => c.Holds(context));
    }

    /// <summary>The ticket with the facts the conditions in use need (read only when some rule uses them).</summary>
    public async Task<TriggerContext> ContextAsync(Ticket ticket, TicketDomainEvent? e, ConditionFacts needs, CancellationToken ct)
    {
        var context = new TriggerContext(ticket, e);
        await AddFactsAsync([context], needs, ct);
        if (needs.HasFlag(ConditionFacts.Message) && e is TicketMessageEvent m)
            context.MessageText = await db.Messages.Where(x => x.Id == m.MessageId).Select(x => x.BodyText).SingleOrDefaultAsync(ct);
        return context;
    }

    /// <summary>Tickets with no event (a preview's page of them) with the facts the conditions need: one read per kind of
    /// fact for all of them, not one per ticket.</summary>
    public async Task<IReadOnlyList<TriggerContext>> ContextsAsync(IReadOnlyList<Ticket> tickets, ConditionFacts needs, CancellationToken ct)
    {
        var contexts = tickets.Select(t => new TriggerContext(t, null)).ToList();
        await AddFactsAsync(contexts, needs, ct);
        return contexts;
    }

    /// <summary>How many of a customer's addresses the conditions look at.</summary>
    private const int ContactEmailsRead = 20;

    private async Task AddFactsAsync(IReadOnlyList<TriggerContext> contexts, ConditionFacts needs, CancellationToken ct)
    {
        if (needs.HasFlag(ConditionFacts.Contact))
        {
            var contactIds = contexts.Select(c => c.Ticket.ContactId).Distinct().ToList();
            var contacts = await db.Contacts.Where(c => contactIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Name, Emails = c.Emails.Select(x => x.Address).Take(ContactEmailsRead).ToList() })
                .ToDictionaryAsync(c => c.Id, ct);
            foreach (var context in contexts)
                if (contacts.TryGetValue(context.Ticket.ContactId, out var contact))
                    (context.ContactName, context.ContactEmails) = (contact.Name, contact.Emails);
        }
        if (needs.HasFlag(ConditionFacts.Company))
        {
            var companyIds = contexts.Select(c => c.Ticket.CompanyId).OfType<long>().Distinct().ToList();
            var names = companyIds.Count == 0 ? [] : await db.Companies.Where(c => companyIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            foreach (var context in contexts)
                if (context.Ticket.CompanyId is { } companyId) context.CompanyName = names.GetValueOrDefault(companyId);
        }
    }

    private async Task<bool> RanAsync(long ruleId, long ticketId, Guid operationId, CancellationToken ct) =>
        db.Set<AutomationRun>().Local.Any(r => r.RuleId == ruleId && r.TicketId == ticketId && r.OperationId == operationId)
        || await db.Set<AutomationRun>().AnyAsync(r => r.RuleId == ruleId && r.TicketId == ticketId && r.OperationId == operationId, ct);

    private async Task<int> EmailsLeftAsync(long ticketId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddHours(-1);
        var saved = await db.Set<AutomationRun>().Where(r => r.TicketId == ticketId && r.At > since).SumAsync(r => r.Emails, ct);
        var unsaved = db.Set<AutomationRun>().Local.Where(r => r.TicketId == ticketId && r.Id == 0).Sum(r => r.Emails);
        return Math.Max(0, options.Value.MaxEmailsPerTicketPerHour - saved - unsaved);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>Runs the triggers for every ticket event (see <see cref="TriggerEngine"/>).</summary>
internal sealed class TriggerHandler(TriggerEngine engine) : ITicketEventHandler
{
    public const string HandlerName = "automation.triggers";

    public string Name => HandlerName;

    public bool WakesFor(string eventType) => TriggerEngine.MayMatter(eventType);
    public bool InBackground => true;

    public Task HandleAsync(TicketDomainEvent ticketEvent, CancellationToken cancellationToken) => engine.RunAsync(ticketEvent, cancellationToken);

    public Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        engine.RunAfterCommit();
        return Task.CompletedTask;
    }
}
