using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Customers;
using Okno.Customers.Contracts;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Sla;

/// <summary>A policy as the API takes it. <see cref="Targets"/> is keyed by priority (low, normal, high, urgent); a
/// priority left out has no targets.</summary>
public sealed record SlaPolicyDefinition(string? Name, long? CalendarId, bool? IsDefault, int? WarnAtPercent, List<string>? PauseStatuses,
    Dictionary<string, SlaPolicyTargets?>? Targets, List<SlaConditionDto?>? Conditions);

public sealed record SlaConditionDto(string? Field, List<string?>? Values);

public sealed record SlaPolicyView(long Id, string Name, long CalendarId, int Position, bool IsDefault, int WarnAtPercent,
    IReadOnlyList<string> PauseStatuses, IReadOnlyDictionary<string, SlaPolicyTargets> Targets, IReadOnlyList<SlaCondition> Conditions,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>SLA policies (S4): list, read, create, change, reorder, delete (<c>/api/v1/sla/policies</c>). Every change
/// raises the setup generation in the same transaction, which makes the recompute job recompute the open tickets.</summary>
public sealed class SlaPolicies(OknoDb db, TimeProvider clock, Audit audit)
{
    public const int MaxPolicies = 100;
    public const int MaxConditions = 20;
    public const int MaxValues = 100;
    public static readonly string[] ConditionFields = ["group", "company", "contract", "service_object", "type", "channel", "tag", "priority"];
    /// <summary>Resolved and closed stop the resolution clock instead; pausing in them means nothing.</summary>
    public static readonly string[] PausableStatuses = ["new", "open", "pending", "on_hold"];
    /// <summary>How many tickets a refused delete names.</summary>
    private const int UsersNamed = 20;

    public async Task<IReadOnlyList<SlaPolicyView>> ListAsync(CancellationToken ct) =>
        (await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).Take(MaxPolicies).ToListAsync(ct)).Select(ToView).ToList();

    public async Task<SlaPolicyView> GetAsync(long id, CancellationToken ct) =>
        ToView(await db.SlaPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound(id));

    public async Task<SlaPolicyView> CreateAsync(SlaPolicyDefinition definition, long agentId, CancellationToken ct)
    {
        var saved = await db.WriteAsync(async c =>
        {
            await ValidateAsync(definition, c);
            if (await db.SlaPolicies.CountAsync(c) >= MaxPolicies)
                throw new OknoException(InvalidInput.Field("name", ErrorCodes.TooMany, $"At most {MaxPolicies} policies.", ("max", MaxPolicies)));
            var now = clock.GetUtcNow();
            var policy = new SlaPolicy { CreatedAt = now, Position = (await db.SlaPolicies.MaxAsync(p => (int?)p.Position, c) ?? 0) + 1 };
            await StoreAsync(policy, definition, now, c);
            db.SlaPolicies.Add(policy);
            await db.SaveChangesAsync(c);
            audit.Add(agentId, "sla_policy.created", $"sla_policy:{policy.Id}", policy.Name);
            await SlaSetup.RaiseGenerationAsync(db, clock.GetUtcNow(), c);
            await db.SaveChangesAsync(c);
            return policy;
        }, ct);
        return ToView(saved);
    }

    public async Task<SlaPolicyView> UpdateAsync(long id, SlaPolicyDefinition definition, long agentId, CancellationToken ct)
    {
        var saved = await db.WriteAsync(async c =>
        {
            var policy = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == id, c) ?? throw NotFound(id);
            await ValidateAsync(definition, c);
            await StoreAsync(policy, definition, clock.GetUtcNow(), c);
            audit.Add(agentId, "sla_policy.changed", $"sla_policy:{id}", policy.Name);
            await SlaSetup.RaiseGenerationAsync(db, clock.GetUtcNow(), c);
            await db.SaveChangesAsync(c);
            return policy;
        }, ct);
        return ToView(saved);
    }

    /// <summary>Sets the order policies are tried in: <paramref name="ids"/> must name every policy once.</summary>
    public async Task<IReadOnlyList<SlaPolicyView>> ReorderAsync(IReadOnlyList<long>? ids, long agentId, CancellationToken ct)
    {
        await db.WriteAsync(async c =>
        {
            var policies = await db.SlaPolicies.ToListAsync(c);
            if (ids is null || ids.Count != policies.Count || ids.Distinct().Count() != ids.Count || !policies.All(p => ids.Contains(p.Id)))
                throw new OknoException(InvalidInput.Field("ids", SlaErrorCodes.InvalidOrder, "Name every policy once, in the order wanted."));
            for (var i = 0; i < ids.Count; i++) policies.Single(p => p.Id == ids[i]).Position = i + 1;
            audit.Add(agentId, "sla_policy.reordered", "sla_policy", string.Join(", ", ids));
            await SlaSetup.RaiseGenerationAsync(db, clock.GetUtcNow(), c);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        return await ListAsync(ct);
    }

    /// <summary>Refused while open tickets are under the policy, naming them: change its conditions first, and the
    /// recompute moves them to another policy.</summary>
    public async Task DeleteAsync(long id, long agentId, CancellationToken ct) =>
        await db.WriteAsync(async c =>
        {
            var policy = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == id, c) ?? throw NotFound(id);
            var open = InboxViews.OpenStatuses;
            var users = db.TicketSlas.Where(s => s.PolicyId == id)
                .Join(db.Tickets.Where(t => open.Contains(t.Status)), s => s.TicketId, t => t.Id, (s, t) => t.Number);
            var named = await users.OrderBy(n => n).Take(UsersNamed).ToListAsync(c);
            if (named.Count > 0)
            {
                var count = await users.Take(10_000).CountAsync(c);
                var list = string.Join(", ", named.Select(n => "#" + n.ToString(CultureInfo.InvariantCulture)));
                throw new OknoException(new StateConflict(SlaErrorCodes.PolicyInUse,
                    $"Open tickets under the policy '{policy.Name}': {count} ({list}); change its conditions so they match another policy first.",
                    ("name", policy.Name), ("count", count), ("usedBy", list)));
            }
            db.SlaPolicies.Remove(policy);
            await db.TicketSlas.Where(s => s.PolicyId == id).ExecuteDeleteAsync(c);
            audit.Add(agentId, "sla_policy.deleted", $"sla_policy:{id}", policy.Name);
            await SlaSetup.RaiseGenerationAsync(db, clock.GetUtcNow(), c);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);

    private async Task ValidateAsync(SlaPolicyDefinition d, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", d.Name, SlaPolicy.NameMaxLength);
        if (d.CalendarId is not { } calendarId) errors.Required("calendarId");
        else if (!await db.SlaCalendars.AnyAsync(c => c.Id == calendarId, ct))
            errors.Add("calendarId", SlaErrorCodes.NotFound, "This calendar does not exist.", ("id", calendarId));
        SlaPolicy.CheckWarnAtPercent(d.WarnAtPercent, errors);
        var pauses = d.PauseStatuses ?? [];
        for (var i = 0; i < pauses.Count; i++)
            if (!PausableStatuses.Contains(pauses[i])) errors.Add($"pauseStatuses[{i}]", SlaErrorCodes.InvalidPauseStatus, "new, open, pending or on_hold.");

        var priorities = Enum.GetValues<TicketPriority>().Select(p => p.ToSnakeCase()).ToList();
        foreach (var (priority, targets) in d.Targets ?? [])
        {
            if (!priorities.Contains(priority)) errors.Add($"targets.{priority}", SlaErrorCodes.InvalidPriority, "low, normal, high or urgent.");
            targets?.Check($"targets.{priority}", errors);
        }

        var conditions = d.Conditions ?? [];
        if (conditions.Count > MaxConditions) errors.TooMany("conditions", MaxConditions, "conditions");
        if (d.IsDefault == true && conditions.Count > 0)
            errors.Add("conditions", SlaErrorCodes.DefaultWithConditions, "The default policy takes the tickets no other policy matches; it has no conditions.");
        for (var i = 0; i < Math.Min(conditions.Count, MaxConditions); i++)
        {
            var field = $"conditions[{i}]";
            var condition = conditions[i];
            if (condition?.Field is not { } name || !ConditionFields.Contains(name))
            {
                errors.Add($"{field}.field", SlaErrorCodes.InvalidConditionField, "group, company, contract, service_object, type, channel, tag or priority.");
                continue;
            }
            var values = condition.Values ?? [];
            if (values.Count == 0) errors.Required($"{field}.values");
            if (values.Count > MaxValues) errors.TooMany($"{field}.values", MaxValues, "values");
            for (var j = 0; j < Math.Min(values.Count, MaxValues); j++)
                if (!ValueIsValid(name, values[j])) errors.Add($"{field}.values[{j}]", SlaErrorCodes.InvalidConditionValue,
                    $"Not a {name}.", ("field", name), ("value", values[j] ?? ""));
        }
        // Ids must name what exists: a condition on a deleted group would silently match nothing.
        foreach (var (kind, exists) in new (string, Func<List<long>, Task<List<long>>>)[]
                 {
                     ("group", ids => db.Groups.Where(g => ids.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct)),
                     ("company", ids => db.Companies.Where(g => ids.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct)),
                     ("contract", ids => db.Contracts.Where(g => ids.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct)),
                     ("service_object", ids => db.Set<Customers.ServiceObjects.ServiceObject>().Where(g => ids.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct)),
                 })
        {
            for (var i = 0; i < Math.Min(conditions.Count, MaxConditions); i++)
            {
                if (conditions[i] is not { Field: var f, Values: { } values } || f != kind) continue;
                var ids = values.Take(MaxValues).Select(v => long.TryParse(v, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();
                var found = await exists(ids);
                for (var j = 0; j < Math.Min(values.Count, MaxValues); j++)
                    if (long.TryParse(values[j], CultureInfo.InvariantCulture, out var id) && !found.Contains(id))
                        errors.Add($"conditions[{i}].values[{j}]", SlaErrorCodes.InvalidConditionValue, $"No {kind} {id}.", ("field", kind), ("value", values[j]!));
            }
        }
        errors.ThrowIfAny();
    }

    private static bool ValueIsValid(string field, string? value) => !string.IsNullOrWhiteSpace(value) && field switch
    {
        "group" or "company" or "contract" or "service_object" => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0,
        "type" => Enum.GetValues<TicketType>().Any(t => t.ToSnakeCase() == value),
        "priority" => Enum.GetValues<TicketPriority>().Any(t => t.ToSnakeCase() == value),
        "channel" => ChannelKind.TryParse(value, out _),
        "tag" => value.Length <= 50,
        _ => false,
    };

    private async Task StoreAsync(SlaPolicy policy, SlaPolicyDefinition d, DateTimeOffset now, CancellationToken ct)
    {
        policy.Name = d.Name!.Trim();
        policy.CalendarId = d.CalendarId!.Value;
        policy.WarnAtPercent = d.WarnAtPercent ?? SlaPolicy.DefaultWarnAtPercent;
        policy.PauseStatuses = string.Join(",", (d.PauseStatuses ?? [.. SlaClock.DefaultPauseStatuses]).Distinct());
        policy.Targets = JsonSerializer.Serialize((d.Targets ?? []).Where(t => t.Value is not null)
            .ToDictionary(t => t.Key, t => t.Value!), SlaCalendar.Json);
        policy.Conditions = JsonSerializer.Serialize((d.Conditions ?? []).Select(c => new SlaCondition(c!.Field!,
            c.Values!.Select(v => c.Field == "tag" ? Tag.Normalize(v!) : v!.Trim()).Distinct().ToList())).ToList(), SlaCalendar.Json);
        policy.UpdatedAt = now;
        if (d.IsDefault == true && !policy.IsDefault)
        {
            // One default: making this one the default unmakes the other.
            await db.SlaPolicies.Where(p => p.IsDefault && p.Id != policy.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsDefault, false), ct);
        }
        policy.IsDefault = d.IsDefault == true;
    }

    private static SlaPolicyView ToView(SlaPolicy p) => new(p.Id, p.Name, p.CalendarId, p.Position, p.IsDefault, p.WarnAtPercent,
        p.ReadPauseStatuses().ToList(), p.ReadTargets(), p.ReadConditions(), p.CreatedAt, p.UpdatedAt);

    private static OknoException NotFound(long id) => new(new NotFound(SlaErrorCodes.PolicyNotFound, "SLA policy", id));
}

/// <summary>Lets Customers check the SLA policy a contract grants without referencing this section.</summary>
internal sealed class SlaPolicyDirectory(OknoDb db, TimeProvider clock) : ISlaPolicyDirectory
{
    public Task<bool> ExistsAsync(long policyId, CancellationToken ct) => db.SlaPolicies.AnyAsync(p => p.Id == policyId, ct);

    public Task GrantChangedAsync(CancellationToken ct) => SlaSetup.RaiseGenerationAsync(db, clock.GetUtcNow(), ct);

    public async Task<IReadOnlyList<SlaPolicyChoice>> ChoicesAsync(CancellationToken ct) =>
        await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).Take(SlaPolicies.MaxPolicies)
            .Select(p => new SlaPolicyChoice(p.Id, p.Name)).ToListAsync(ct);
}
