using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Routing;

public sealed record EscalationReasonView(long Id, string Name, int Position, bool Archived);

/// <summary>POST and PUT body. On PUT a field left out keeps its value; <see cref="Archived"/> false brings an archived
/// reason back.</summary>
public sealed record EscalationReasonRequest(string? Name, int? Position, bool? Archived);

/// <summary>The reasons admins offer for an escalation or a return, in their order. A reason the history names is
/// archived instead of deleted.</summary>
public sealed class EscalationReasons(OknoDb db, Audit audit)
{
    public const int MaxReasons = 200;

    public async Task<IReadOnlyList<EscalationReasonView>> ListAsync(bool includeArchived, CancellationToken ct) =>
        await db.Set<EscalationReason>().Where(r => includeArchived || !r.Archived).OrderBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => new EscalationReasonView(r.Id, r.Name, r.Position, r.Archived)).ToListAsync(ct);

    public Task<EscalationReasonView> CreateAsync(EscalationReasonRequest request, long adminId, CancellationToken ct)
    {
        var name = Validate(request, required: true);
        return db.WriteAsync(async token =>
        {
            await EnsureNameFreeAsync(name!, null, token);
            if (await db.Set<EscalationReason>().CountAsync(token) >= MaxReasons)
                throw new OknoException(InvalidInput.Field("name", ErrorCodes.TooMany, $"At most {MaxReasons} reasons.", ("max", MaxReasons)));
            var position = request.Position ?? (await db.Set<EscalationReason>().MaxAsync(r => (int?)r.Position, token) ?? 0) + 1;
            var reason = new EscalationReason { Name = name!, Position = position, Archived = request.Archived ?? false };
            db.Add(reason);
            await db.SaveChangesAsync(token);
            audit.Add(adminId, "routing.reason_created", $"escalation_reason:{reason.Id}", reason.Name);
            await db.SaveChangesAsync(token);
            return View(reason);
        }, ct);
    }

    public Task<EscalationReasonView> UpdateAsync(long id, EscalationReasonRequest request, long adminId, CancellationToken ct)
    {
        var name = Validate(request, required: false);
        return db.WriteAsync(async token =>
        {
            var reason = await FindAsync(id, token);
            if (name is not null)
            {
                await EnsureNameFreeAsync(name, id, token);
                reason.Name = name;
            }
            if (request.Position is { } position) reason.Position = position;
            if (request.Archived is { } archived) reason.Archived = archived;
            audit.Add(adminId, "routing.reason_changed", $"escalation_reason:{id}", reason.Name);
            await db.SaveChangesAsync(token);
            return View(reason);
        }, ct);
    }

    /// <summary>Deletes a reason nobody has used; archives one the history names (true: it was archived).</summary>
    public Task<bool> DeleteAsync(long id, long adminId, CancellationToken ct) =>
        db.WriteAsync(async token =>
        {
            var reason = await FindAsync(id, token);
            var used = await db.TicketEvents.AnyAsync(e => e.ReasonId == id, token);
            if (used) reason.Archived = true;
            else db.Remove(reason);
            audit.Add(adminId, used ? "routing.reason_archived" : "routing.reason_deleted", $"escalation_reason:{id}", reason.Name);
            await db.SaveChangesAsync(token);
            return used;
        }, ct);

    private async Task<EscalationReason> FindAsync(long id, CancellationToken ct) =>
        await db.Set<EscalationReason>().SingleOrDefaultAsync(r => r.Id == id, ct)
        ?? throw new OknoException(new NotFound(RoutingErrorCodes.ReasonNotFound, "Escalation reason", id));

    /// <summary>Two active reasons of one name would be one choice twice in the dropdown.</summary>
    private async Task EnsureNameFreeAsync(string name, long? exceptId, CancellationToken ct)
    {
        var folded = name.ToLowerInvariant();
        var others = await db.Set<EscalationReason>().Where(r => !r.Archived && r.Id != exceptId).Select(r => r.Name).ToListAsync(ct);
        if (others.Any(o => o.ToLowerInvariant() == folded))
            throw new OknoException(new Duplicate(RoutingErrorCodes.ReasonNameTaken, "name", $"There is a reason '{name}' already.", ("name", name)));
    }

    /// <summary>The trimmed name (null when not given and not required).</summary>
    private static string? Validate(EscalationReasonRequest request, bool required)
    {
        var errors = new FieldErrors();
        if (required || request.Name is not null) errors.Text("name", request.Name, EscalationReason.NameMaxLength);
        if (request.Position is < 0 or > 100_000)
            errors.Add("position", ErrorCodes.OutOfRange, "A position is from 0 to 100000.", ("min", 0), ("max", 100_000));
        errors.ThrowIfAny();
        return request.Name?.Trim();
    }

    private static EscalationReasonView View(EscalationReason r) => new(r.Id, r.Name, r.Position, r.Archived);
}

/// <summary>Reason names for the ticket history's escalation entries, archived ones too.</summary>
internal sealed class EscalationReasonNames(OknoDb db) : IEscalationReasonNames
{
    public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> reasonIds, CancellationToken cancellationToken) =>
        await db.Set<EscalationReason>().Where(r => reasonIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
}
