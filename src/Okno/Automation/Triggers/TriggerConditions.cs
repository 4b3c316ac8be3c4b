using Okno.Customers;
using Okno.Admin;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Automation.Triggers;

/// <summary>What a condition looks at: the ticket as it is now (with the changes of the rules that ran before in this
/// pass), the event that woke the rules (null in a preview), and the facts read for the conditions in use.</summary>
public sealed class TriggerContext(Ticket ticket, TicketDomainEvent? ticketEvent)
{
    public Ticket Ticket { get; } = ticket;
    public TicketDomainEvent? Event { get; } = ticketEvent;
    public string? ContactName { get; set; }
    public IReadOnlyList<string> ContactEmails { get; set; } = [];
    public string? CompanyName { get; set; }
    /// <summary>The text of the event's message (a message event), else null.</summary>
    public string? MessageText { get; set; }
    /// <summary>Tag names now (kept by the tag actions, which change <see cref="Ticket.Tags"/> too).</summary>
    public IReadOnlyCollection<string> Tags => Ticket.Tags.Select(t => t.Tag.Name).ToList();
}

/// <summary>What a condition needs read besides the ticket.</summary>
[Flags]
public enum ConditionFacts { None = 0, Contact = 1, Company = 2, Message = 4 }

/// <summary>What a condition's values are, for validation and the editor's value picker.</summary>
public enum ConditionValueKind { Status, Priority, Type, Channel, Group, Agent, Company, Tag, Text, SlaTarget }

public static class ConditionOperators
{
    public const string EqualsTo = "equals";
    public const string NotEquals = "not_equals";
    public const string In = "in";
    public const string Contains = "contains";
    public const string NotContains = "not_contains";
    public const string IsEmpty = "is_empty";
    public const string Changed = "changed";
    public const string ChangedTo = "changed_to";
    public const string ChangedFrom = "changed_from";

    /// <summary>Operators about the event's change, not the ticket's state: a preview cannot judge them.</summary>
    public static bool IsAboutChange(string op) => op is Changed or ChangedTo or ChangedFrom;

    /// <summary>How many values the operator takes: (min, max).</summary>
    public static (int Min, int Max) ValueCount(string op) => op switch
    {
        IsEmpty or Changed => (0, 0),
        In or Contains or NotContains => (1, TriggerConditions.MaxValues),
        _ => (1, 1),
    };
}

/// <summary>A condition on one field, registered by name. Its check is built once from an operator and values, when the
/// rule is loaded (values parsed, normalised, analysed), and is then pure and synchronous over
/// <see cref="TriggerContext"/>: a hundred triggers cost a hundred comparisons, not a hundred queries.</summary>
public interface ITriggerCondition
{
    string Field { get; }
    ConditionValueKind ValueKind { get; }
    IReadOnlyList<string> Operators { get; }
    ConditionFacts Needs => ConditionFacts.None;
    /// <summary>The check for one of <see cref="Operators"/> with as many values as it takes
    /// (<see cref="ConditionOperators.ValueCount"/>).</summary>
    Func<TriggerContext, bool> Prepare(string op, IReadOnlyList<string> values);
}

/// <summary>A stored condition made ready when its rule is loaded: its values and the check its condition built from them,
/// so a ticket's evaluation only compares.</summary>
public sealed record PreparedCondition(ConditionSpec Spec, IReadOnlyList<string> Values, ConditionFacts Needs, Func<TriggerContext, bool> Holds);

/// <summary>The registered conditions, by field name, and the checks of a condition on save.</summary>
public sealed class TriggerConditions(IEnumerable<ITriggerCondition> conditions)
{
    public const int MaxValues = 50;
    public const int TextMaxLength = 500;

    private readonly Dictionary<string, ITriggerCondition> _byField = conditions.ToDictionary(c => c.Field, StringComparer.Ordinal);

    public IReadOnlyCollection<ITriggerCondition> All => _byField.Values;

    public ITriggerCondition? Find(string? field) => field is not null && _byField.TryGetValue(field, out var c) ? c : null;

    public IReadOnlyList<PreparedCondition> Prepare(IEnumerable<ConditionSpec> specs) => specs.Select(Prepare).ToList();

    public PreparedCondition Prepare(ConditionSpec spec)
    {
        var values = (spec.Values ?? []).OfType<string>().ToList();
        // A field or operator not registered (any more), or too few values, never holds: a rule saved by another version
        // does nothing rather than fail the others.
        if (Find(spec.Field) is not { } condition || spec.Operator is not { } op || !condition.Operators.Contains(op)
            || values.Count < ConditionOperators.ValueCount(op).Min)
            return new PreparedCondition(spec, values, ConditionFacts.None, Never);
        return new PreparedCondition(spec, values, condition.Needs, condition.Prepare(op, values));
    }

    internal static readonly Func<TriggerContext, bool> Never = _ => false;

    /// <summary>Checks one condition; <paramref name="at"/> is its place in the request ("conditions[2]").</summary>
    public async Task ValidateAsync(ConditionSpec? spec, string at, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        if (spec is null) { errors.Required(at); return; }
        var condition = Find(spec.Field);
        if (condition is null)
        {
            errors.Add(at + ".field", AutomationErrorCodes.UnknownField, $"There is no condition field '{spec.Field}'.", ("value", spec.Field));
            return;
        }
        if (spec.Operator is null || !condition.Operators.Contains(spec.Operator))
        {
            errors.Add(at + ".operator", AutomationErrorCodes.UnknownOperator,
                $"The field '{condition.Field}' takes the operators {string.Join(", ", condition.Operators)}.", ("value", spec.Operator));
            return;
        }
        var values = spec.Values ?? [];
        var (min, max) = ConditionOperators.ValueCount(spec.Operator);
        if (values.Count < min) { errors.Required(at + ".values"); return; }
        if (values.Count > max)
        {
            errors.TooMany(at + ".values", max, "values");
            return;
        }
        for (var i = 0; i < values.Count; i++)
            await ValueChecks.CheckAsync(condition.ValueKind, values[i], $"{at}.values[{i}]", errors, db, ct);
    }
}

/// <summary>Checks a value of a condition or an action against what its kind allows (an existing group, a known
/// status, a valid tag…).</summary>
internal static class ValueChecks
{
    public static async Task CheckAsync(ConditionValueKind kind, string? value, string field, FieldErrors errors, OknoDb db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Required(field); return; }
        switch (kind)
        {
            case ConditionValueKind.Status: Enum<TicketStatus>(value, field, errors); break;
            case ConditionValueKind.Priority: Enum<TicketPriority>(value, field, errors); break;
            case ConditionValueKind.Type: Enum<TicketType>(value, field, errors); break;
            case ConditionValueKind.Channel:
                if (!ChannelKind.TryParse(value, out _)) errors.Add(field, AutomationErrorCodes.InvalidValue, $"'{value}' is not a channel.", ("value", value));
                break;
            case ConditionValueKind.SlaTarget:
                if (value is not ("first_response" or "next_response" or "resolution"))
                    errors.Add(field, AutomationErrorCodes.InvalidValue, $"'{value}' is not an SLA target.", ("value", value));
                break;
            case ConditionValueKind.Tag:
                var tagErrors = new FieldErrors();
                TagCatalog.Validate([value], field, tagErrors);
                if (tagErrors.Any) errors.Add(field, AutomationErrorCodes.InvalidValue, $"'{value}' is not a valid tag.", ("value", value));
                break;
            case ConditionValueKind.Text:
                errors.Text(field, value, TriggerConditions.TextMaxLength);
                break;
            case ConditionValueKind.Group or ConditionValueKind.Agent or ConditionValueKind.Company:
                if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                    || !await ExistsAsync(kind, id, db, ct))
                    errors.Add(field, AutomationErrorCodes.UnknownReference, $"There is no {kind.ToSnakeCase()} {value}.", ("value", value));
                break;
        }
    }

    private static Task<bool> ExistsAsync(ConditionValueKind kind, long id, OknoDb db, CancellationToken ct) => kind switch
    {
        ConditionValueKind.Group => db.Groups.AnyAsync(g => g.Id == id, ct),
        ConditionValueKind.Agent => db.Agents.AnyAsync(a => a.Id == id && a.IsActive, ct),
        _ => db.Companies.AnyAsync(c => c.Id == id, ct),
    };

    private static void Enum<T>(string value, string field, FieldErrors errors) where T : struct, Enum
    {
        if (Parse<T>(value) is null) errors.Add(field, AutomationErrorCodes.InvalidValue, $"'{value}' is not one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => v.ToSnakeCase()))}.", ("value", value));
    }

    public static T? Parse<T>(string? value) where T : struct, Enum =>
        value is null ? null : System.Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => v!.Value.ToSnakeCase() == value);
}

/// <summary>A field with a few named values (status, priority, type): equals, not equals, one of, and the change of the
/// event (changed, changed to, changed from).</summary>
internal abstract class EnumCondition<T>(string name, ConditionValueKind kind) : ITriggerCondition where T : struct, Enum
{
    public string Field => name;
    public ConditionValueKind ValueKind => kind;
    public IReadOnlyList<string> Operators { get; } = [ConditionOperators.EqualsTo, ConditionOperators.NotEquals, ConditionOperators.In,
        ConditionOperators.Changed, ConditionOperators.ChangedTo, ConditionOperators.ChangedFrom];

    protected abstract T Current(Ticket ticket);
    /// <summary>(from, to) when the event changed this field.</summary>
    protected abstract (T From, T To)? Change(TicketDomainEvent? e);

    public Func<TriggerContext, bool> Prepare(string op, IReadOnlyList<string> values)
    {
        // Values read as the enum once; one that names no value matches nothing.
        var first = values.Count > 0 ? ValueChecks.Parse<T>(values[0]) : null;
        var any = values.Select(ValueChecks.Parse<T>).OfType<T>().ToHashSet();
        bool Is(T value) => first is { } f && EqualityComparer<T>.Default.Equals(value, f);
        return op switch
        {
            ConditionOperators.EqualsTo => c => Is(Current(c.Ticket)),
            ConditionOperators.NotEquals => c => !Is(Current(c.Ticket)),
            ConditionOperators.In => c => any.Contains(Current(c.Ticket)),
            ConditionOperators.Changed => c => Change(c.Event) is not null,
            ConditionOperators.ChangedTo => c => Change(c.Event) is { } change && Is(change.To),
            ConditionOperators.ChangedFrom => c => Change(c.Event) is { } change && Is(change.From),
            _ => TriggerConditions.Never,
        };
    }
}

internal sealed class StatusCondition() : EnumCondition<TicketStatus>("status", ConditionValueKind.Status)
{
    protected override TicketStatus Current(Ticket ticket) => ticket.Status;
    protected override (TicketStatus, TicketStatus)? Change(TicketDomainEvent? e) => e is TicketStatusChanged c ? (c.From, c.To) : null;
}

internal sealed class PriorityCondition() : EnumCondition<TicketPriority>("priority", ConditionValueKind.Priority)
{
    protected override TicketPriority Current(Ticket ticket) => ticket.Priority;
    protected override (TicketPriority, TicketPriority)? Change(TicketDomainEvent? e) => e is TicketPriorityChanged c ? (c.From, c.To) : null;
}

internal sealed class TypeCondition() : EnumCondition<TicketType>("type", ConditionValueKind.Type)
{
    protected override TicketType Current(Ticket ticket) => ticket.Type;
    protected override (TicketType, TicketType)? Change(TicketDomainEvent? e) => e is TicketTypeChanged c ? (c.From, c.To) : null;
}

internal sealed class ChannelCondition : ITriggerCondition
{
    public string Field => "channel";
    public ConditionValueKind ValueKind => ConditionValueKind.Channel;
    public IReadOnlyList<string> Operators { get; } = [ConditionOperators.EqualsTo, ConditionOperators.NotEquals, ConditionOperators.In];

    public Func<TriggerContext, bool> Prepare(string op, IReadOnlyList<string> values)
    {
        var first = values.Count > 0 ? values[0] : null;
        var any = values.ToHashSet(StringComparer.Ordinal);
        return op switch
        {
            ConditionOperators.EqualsTo => c => c.Ticket.Channel.Value == first,
            ConditionOperators.NotEquals => c => c.Ticket.Channel.Value != first,
            ConditionOperators.In => c => any.Contains(c.Ticket.Channel.Value),
            _ => TriggerConditions.Never,
        };
    }
}

/// <summary>A field holding an id or nothing (group, assignee, company).</summary>
internal abstract class IdCondition(string name, ConditionValueKind kind, bool changes) : ITriggerCondition
{
    public string Field => name;
    public ConditionValueKind ValueKind => kind;
    public IReadOnlyList<string> Operators { get; } = changes
        ? [ConditionOperators.EqualsTo, ConditionOperators.NotEquals, ConditionOperators.In, ConditionOperators.IsEmpty,
            ConditionOperators.Changed, ConditionOperators.ChangedTo, ConditionOperators.ChangedFrom]
        : [ConditionOperators.EqualsTo, ConditionOperators.NotEquals, ConditionOperators.In, ConditionOperators.IsEmpty];

    protected abstract long? Current(Ticket ticket);
    protected virtual (long? From, long? To)? Change(TicketDomainEvent? e) => null;

    public Func<TriggerContext, bool> Prepare(string op, IReadOnlyList<string> values)
    {
        var first = values.Count > 0 ? Id(values[0]) : null;
        var any = values.Select(Id).OfType<long>().ToHashSet();
        bool Is(long? id) => first is { } f && id == f;
        return op switch
        {
            ConditionOperators.EqualsTo => c => Is(Current(c.Ticket)),
            ConditionOperators.NotEquals => c => !Is(Current(c.Ticket)),
            ConditionOperators.In => c => Current(c.Ticket) is { } id && any.Contains(id),
            ConditionOperators.IsEmpty => c => Current(c.Ticket) is null,
            ConditionOperators.Changed => c => Change(c.Event) is not null,
            ConditionOperators.ChangedTo => c => Change(c.Event) is { } change && Is(change.To),
            ConditionOperators.ChangedFrom => c => Change(c.Event) is { } change && Is(change.From),
            _ => TriggerConditions.Never,
        };
    }

    /// <summary>The id a value names, read once; text that is not an id as the API writes it (digits, no leading zeros)
    /// names none and matches nothing.</summary>
    private static long? Id(string value) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
        && id.ToString(System.Globalization.CultureInfo.InvariantCulture) == value ? id : null;
}

internal sealed class GroupCondition() : IdCondition("group", ConditionValueKind.Group, changes: true)
{
    protected override long? Current(Ticket ticket) => ticket.GroupId;
    protected override (long?, long?)? Change(TicketDomainEvent? e) => e is TicketGroupChanged c ? (c.From, c.To) : null;
}

internal sealed class AssigneeCondition() : IdCondition("assignee", ConditionValueKind.Agent, changes: true)
{
    protected override long? Current(Ticket ticket) => ticket.AssigneeId;
    protected override (long?, long?)? Change(TicketDomainEvent? e) => e is TicketAssigneeChanged c ? (c.From, c.To) : null;
}

internal sealed class CompanyCondition() : IdCondition("company", ConditionValueKind.Company, changes: false)
{
    protected override long? Current(Ticket ticket) => ticket.CompanyId;
}

/// <summary>The ticket's tags: has one of them, has none of them, has no tags, and the event's change (changed, a tag
/// added, a tag removed).</summary>
internal sealed class TagsCondition : ITriggerCondition
{
    public string Field => "tags";
    public ConditionValueKind ValueKind => ConditionValueKind.Tag;
    public IReadOnlyList<string> Operators { get; } = [ConditionOperators.Contains, ConditionOperators.NotContains, ConditionOperators.IsEmpty,
        ConditionOperators.Changed, ConditionOperators.ChangedTo, ConditionOperators.ChangedFrom];

    public Func<TriggerContext, bool> Prepare(string op, IReadOnlyList<string> values)
    {
        // Tag names are kept normalised: the values are too, once.
        var names = values.Select(Tag.Normalize).ToList();
        var first = names.Count > 0 ? names[0] : null;
        return op switch
        {
            ConditionOperators.Contains => c => HasAny(c.Tags, names),
            ConditionOperators.NotContains => c => !HasAny(c.Tags, names),
            ConditionOperators.IsEmpty => c => c.Tags.Count == 0,
            ConditionOperators.Changed => c => c.Event is TicketTagsChanged,
            ConditionOperators.ChangedTo => c => c.Event is TicketTagsChanged change && change.To.Contains(first) && !change.From.Contains(first),
            ConditionOperators.ChangedFrom => c => c.Event is TicketTagsChanged change && change.From.Contains(first) && !change.To.Contains(first),
            _ => TriggerConditions.Never,
        };
    }

    private static bool HasAny(IReadOnlyCollection<string> tags, List<string> names) => names.Any(tags.Contains);
}

/// <summary>A text field. Matching ignores case; "contains" also understands word forms through the search analyzer,
/// so «оплата» finds «оплаты» and «оплатой» — the same analysis the search box uses.</summary>
internal abstract class TextCondition(string name, ConditionFacts needs, bool changes, bool morphology = true) : ITriggerCondition
{
    public string Field => name;
    public ConditionValueKind ValueKind => ConditionValueKind.Text;
    public ConditionFacts Needs => needs;
    public IReadOnlyList<string> Operators { get; } = changes
        ? [ConditionOperators.EqualsTo, ConditionOperators.NotEquals, ConditionOperators.Contains, ConditionOperators.NotContains,
            ConditionOperators.IsEmpty, ConditionOperators.Changed]
        : [ConditionOperators.EqualsTo, ConditionOperators.NotEquals, ConditionOperators.Contains, ConditionOperators.NotContains,
            ConditionOperators.IsEmpty];

    /// <summary>The field's texts (a contact has several addresses: the condition holds if one of them matches).</summary>
    protected abstract IReadOnlyList<string> Texts(TriggerContext context);
    protected virtual bool ChangedBy(TicketDomainEvent? e) => false;

    public Func<TriggerContext, bool> Prepare(string op, IReadOnlyList<string> values)
    {
        // Trimmed and (for "contains" with word forms) analysed once, when the rule is loaded.
        var wanted = values.Select(v => new WantedText(v.Trim(), morphology ? TextAnalyzer.Terms(v) : [])).ToList();
        var first = wanted.Count > 0 ? wanted[0].Text : null;
        return op switch
        {
            ConditionOperators.EqualsTo => c => Present(c).Any(t => Same(t, first)),
            ConditionOperators.NotEquals => c => !Present(c).Any(t => Same(t, first)),
            ConditionOperators.Contains => c => ContainsAny(Present(c), wanted),
            ConditionOperators.NotContains => c => !ContainsAny(Present(c), wanted),
            ConditionOperators.IsEmpty => c => !Present(c).Any(),
            ConditionOperators.Changed => c => ChangedBy(c.Event),
            _ => TriggerConditions.Never,
        };
    }

    private IEnumerable<string> Present(TriggerContext context) => Texts(context).Where(t => !string.IsNullOrWhiteSpace(t));

    private static bool Same(string text, string? value) => string.Equals(text.Trim(), value, StringComparison.OrdinalIgnoreCase);

    private static bool ContainsAny(IEnumerable<string> texts, List<WantedText> wanted)
    {
        var searched = texts.Select(t => new SearchedText(t)).ToList();
        return wanted.Any(w => searched.Any(t => t.Contains(w)));
    }

    /// <param name="Terms">The value's words as the search analyzer stems them; empty when word forms do not count.</param>
    private sealed record WantedText(string Text, IReadOnlyList<string> Terms);

    /// <summary>A text being searched: its words are analysed only if a value needs them, and then once.</summary>
    private sealed class SearchedText(string text)
    {
        private HashSet<string>? _terms;

        /// <summary>The value as typed (ignoring case), or every word of it in some form among the text's words.</summary>
        public bool Contains(WantedText value)
        {
            if (text.Contains(value.Text, StringComparison.OrdinalIgnoreCase)) return true;
            if (value.Terms.Count == 0) return false;
            _terms ??= TextAnalyzer.Terms(text).ToHashSet(StringComparer.Ordinal);
            return value.Terms.All(_terms.Contains);
        }
    }
}

internal sealed class SubjectCondition() : TextCondition("subject", ConditionFacts.None, changes: true)
{
    protected override IReadOnlyList<string> Texts(TriggerContext context) => [context.Ticket.Subject];
    protected override bool ChangedBy(TicketDomainEvent? e) => e is TicketSubjectChanged;
}

/// <summary>The text of the message the event is about (a customer's message, an agent's reply); empty for other events.</summary>
internal sealed class MessageTextCondition() : TextCondition("message", ConditionFacts.Message, changes: false)
{
    protected override IReadOnlyList<string> Texts(TriggerContext context) => context.MessageText is { } text ? [text] : [];
}

internal sealed class ContactNameCondition() : TextCondition("contact_name", ConditionFacts.Contact, changes: false)
{
    protected override IReadOnlyList<string> Texts(TriggerContext context) => context.ContactName is { } name ? [name] : [];
}

/// <summary>The customer's addresses; "contains" is plain (an address has no word forms): "@example.ru" finds a domain.</summary>
internal sealed class ContactEmailCondition() : TextCondition("contact_email", ConditionFacts.Contact, changes: false, morphology: false)
{
    protected override IReadOnlyList<string> Texts(TriggerContext context) => context.ContactEmails;
}

internal sealed class CompanyNameCondition() : TextCondition("company_name", ConditionFacts.Company, changes: false)
{
    protected override IReadOnlyList<string> Texts(TriggerContext context) => context.CompanyName is { } name ? [name] : [];
}

/// <summary>Which SLA target an SLA warning or breach is about (first_response, next_response, resolution).</summary>
internal sealed class SlaTargetCondition : ITriggerCondition
{
    public string Field => "sla_target";
    public ConditionValueKind ValueKind => ConditionValueKind.SlaTarget;
    public IReadOnlyList<string> Operators { get; } = [ConditionOperators.EqualsTo, ConditionOperators.In];

    public Func<TriggerContext, bool> Prepare(string op, IReadOnlyList<string> values)
    {
        var targets = values.ToHashSet(StringComparer.Ordinal);
        return c => c.Event is SlaAlertRaised alert && targets.Contains(alert.Target);
    }
}
