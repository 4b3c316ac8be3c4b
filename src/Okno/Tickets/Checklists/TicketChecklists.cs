using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Tickets.Checklists;

public sealed record ChecklistTemplateItemRequest(string? Text, bool? Required);

public sealed record ChecklistTemplateRequest(List<ChecklistTemplateItemRequest?>? Items);

public sealed record ChecklistTemplateItemView(string Text, bool Required);

public sealed record ChecklistTemplateView(string TicketType, IReadOnlyList<ChecklistTemplateItemView> Items, DateTimeOffset? UpdatedAt);

public sealed record ChecklistItemView(long Id, int Position, string Text, bool Required, bool Done, DateTimeOffset? DoneAt, long? DoneById,
    string? DoneByName);

public sealed record AddChecklistItemRequest(string? Text, bool? Required);

public sealed record TickChecklistItemRequest(bool? Done);

/// <summary>The codes of the checklists' errors.</summary>
public static class ChecklistErrorCodes
{
    /// <summary>{count} (and {items}, their texts): the ticket has required checklist items open.</summary>
    public const string RequiredItemsOpen = "checklist.required_items_open";
    /// <summary>{id}</summary>
    public const string ItemNotFound = "checklist.item_not_found";
}

/// <summary>A ticket cannot be resolved or closed while required checklist items are open.</summary>
public sealed record RequiredChecklistItemsOpen(int Count, string Items) : StateConflict(ChecklistErrorCodes.RequiredItemsOpen,
    "Checklist not done", $"Tick the required checklist items first: {Count} still open ({Items}).", ("count", Count), ("items", Items));

/// <summary>Checklist templates per ticket type and the checklists of tickets: copied at creation (and when a ticket
/// without a checklist changes type), ticked and unticked with who and when (a history row each), items added by hand.</summary>
public sealed class TicketChecklists(OknoDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ChecklistTemplateView>> TemplatesAsync(CancellationToken ct)
    {
        var templates = await db.ChecklistTemplates.AsNoTracking().Include(t => t.Items).ToListAsync(ct);
        return Enum.GetValues<TicketType>().Select(type => ToView(type, templates.FirstOrDefault(t => t.TicketType == type))).ToList();
    }

    public async Task<ChecklistTemplateView> TemplateAsync(TicketType type, CancellationToken ct) =>
        ToView(type, await db.ChecklistTemplates.AsNoTracking().Include(t => t.Items).SingleOrDefaultAsync(t => t.TicketType == type, ct));

    /// <summary>Replaces the template of <paramref name="type"/>; no items removes it.</summary>
    public async Task<ChecklistTemplateView> SaveTemplateAsync(TicketType type, ChecklistTemplateRequest request, CancellationToken ct)
    {
        var items = request.Items ?? [];
        var errors = new FieldErrors();
        if (items.Count > TicketChecklistItem.MaxItems) errors.TooMany("items", TicketChecklistItem.MaxItems, "items");
        for (var i = 0; i < Math.Min(items.Count, TicketChecklistItem.MaxItems); i++)
            errors.Text($"items[{i}].text", items[i]?.Text, TicketChecklistItem.TextMaxLength);
        errors.ThrowIfAny();
        await db.WriteAsync(async c =>
        {
            var template = await db.ChecklistTemplates.Include(t => t.Items).SingleOrDefaultAsync(t => t.TicketType == type, c);
            if (template is null) db.ChecklistTemplates.Add(template = new ChecklistTemplate { TicketType = type });
            template.Items.Clear();
            template.Items.AddRange(items.Select((item, i) => new ChecklistTemplateItem { Position = i, Text = item!.Text!.Trim(), Required = item.Required == true }));
            template.UpdatedAt = clock.GetUtcNow();
            if (items.Count == 0) db.ChecklistTemplates.Remove(template);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        return await TemplateAsync(type, ct);
    }

    public async Task<IReadOnlyList<ChecklistItemView>> ListAsync(long ticketId, TicketAccessRule access, CancellationToken ct)
    {
        await EnsureVisibleAsync(ticketId, access, ct);
        return await ItemsAsync(ticketId, ct);
    }

    public async Task<IReadOnlyList<ChecklistItemView>> ItemsAsync(long ticketId, CancellationToken ct) =>
        await db.TicketChecklistItems.AsNoTracking().Where(i => i.TicketId == ticketId).OrderBy(i => i.Position).ThenBy(i => i.Id)
            .Select(i => new ChecklistItemView(i.Id, i.Position, i.Text, i.Required, i.DoneAt != null, i.DoneAt, i.DoneById,
                db.Set<Admin.Agent>().Where(a => a.Id == i.DoneById).Select(a => a.Name).FirstOrDefault()))
            .Take(TicketChecklistItem.MaxItems).ToListAsync(ct);

    /// <summary>An agent adds an item to the ticket's checklist (at the end).</summary>
    public async Task<ChecklistItemView> AddAsync(long ticketId, AddChecklistItemRequest request, TicketAccessRule access, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("text", request.Text, TicketChecklistItem.TextMaxLength);
        errors.ThrowIfAny();
        var id = await db.WriteAsync(async c =>
        {
            await db.LockTicketAsync(ticketId, c);
            var ticket = await db.Tickets.AllowedBy(access).SingleOrDefaultAsync(t => t.Id == ticketId, c)
                ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
            if (ticket.Status == TicketStatus.Closed) throw new OknoException(new TicketIsClosed(ticket.Number));
            var positions = await db.TicketChecklistItems.Where(i => i.TicketId == ticketId).Select(i => i.Position).ToListAsync(c);
            if (positions.Count >= TicketChecklistItem.MaxItems)
                throw new OknoException(InvalidInput.Field("text", ErrorCodes.TooMany, $"At most {TicketChecklistItem.MaxItems} items.", ("max", TicketChecklistItem.MaxItems)));
            var item = new TicketChecklistItem
            {
                TicketId = ticketId, Position = positions.Count == 0 ? 0 : positions.Max() + 1, Text = request.Text!.Trim(),
                Required = request.Required == true, CreatedAt = clock.GetUtcNow(),
            };
            db.TicketChecklistItems.Add(item);
            await db.SaveChangesAsync(c);
            return item.Id;
        }, ct);
        return (await ItemsAsync(ticketId, ct)).Single(i => i.Id == id);
    }

    /// <summary>Ticks or unticks an item: who and when are kept on it, and the ticket's history gets a row (its timeline
    /// and the outbox event), in one transaction.</summary>
    public async Task<ChecklistItemView> TickAsync(long ticketId, long itemId, TickChecklistItemRequest request, Actor actor, TicketAccessRule access,
        CancellationToken ct)
    {
        if (request.Done is not { } done) throw new OknoException(InvalidInput.Required("done"));
        await db.WriteAsync(async c =>
        {
            await db.LockTicketAsync(ticketId, c);
            var ticket = await db.Tickets.AllowedBy(access).SingleOrDefaultAsync(t => t.Id == ticketId, c)
                ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
            var item = await db.TicketChecklistItems.SingleOrDefaultAsync(i => i.Id == itemId && i.TicketId == ticketId, c)
                ?? throw new OknoException(new NotFound(ChecklistErrorCodes.ItemNotFound, "Checklist item", itemId));
            if ((item.DoneAt is not null) == done) return 0;
            var now = clock.GetUtcNow();
            ticket.RecordChecklistTick(item.Text, done, actor, now);
            item.DoneAt = done ? now : null;
            item.DoneById = done && actor.Kind == ActorKind.Agent ? actor.Id : null;
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        return (await ItemsAsync(ticketId, ct)).Single(i => i.Id == itemId);
    }

    /// <summary>Refuses resolving or closing a ticket whose required items are not all ticked (called under the ticket's lock).</summary>
    internal static async Task EnsureRequiredDoneAsync(OknoDb db, long ticketId, CancellationToken ct)
    {
        var open = await db.TicketChecklistItems.Where(i => i.TicketId == ticketId && i.Required && i.DoneAt == null)
            .OrderBy(i => i.Position).Select(i => i.Text).Take(TicketChecklistItem.MaxItems).ToListAsync(ct);
        if (open.Count > 0) throw new OknoException(new RequiredChecklistItemsOpen(open.Count, string.Join("; ", open.Take(5))));
    }

    /// <summary>Copies the templates of their types onto new tickets (saved already, so their ids are known), in the
    /// creation's transaction; true when it added rows to save.</summary>
    internal static async Task<bool> CopyTemplatesAsync(OknoDb db, IReadOnlyList<Ticket> tickets, DateTimeOffset now, CancellationToken ct)
    {
        var types = tickets.Select(t => t.Type).Distinct().ToList();
        var templates = await db.ChecklistTemplates.AsNoTracking().Where(t => types.Contains(t.TicketType)).Include(t => t.Items).ToListAsync(ct);
        if (templates.Count == 0) return false;
        var added = false;
        foreach (var ticket in tickets)
            if (templates.FirstOrDefault(t => t.TicketType == ticket.Type) is { Items.Count: > 0 } template)
            {
                db.TicketChecklistItems.AddRange(Copy(template, ticket.Id, now));
                added = true;
            }
        return added;
    }

    /// <summary>A ticket whose type changed gets the new type's template when it has no checklist yet.</summary>
    internal static async Task CopyOnTypeChangeAsync(OknoDb db, long ticketId, TicketType type, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.TicketChecklistItems.AnyAsync(i => i.TicketId == ticketId, ct)) return;
        var template = await db.ChecklistTemplates.AsNoTracking().Include(t => t.Items).SingleOrDefaultAsync(t => t.TicketType == type, ct);
        if (template is not null) db.TicketChecklistItems.AddRange(Copy(template, ticketId, now));
    }

    private static IEnumerable<TicketChecklistItem> Copy(ChecklistTemplate template, long ticketId, DateTimeOffset now) =>
        template.Items.OrderBy(i => i.Position).Select(i => new TicketChecklistItem
        {
            TicketId = ticketId, Position = i.Position, Text = i.Text, Required = i.Required, CreatedAt = now,
        });

    private async Task EnsureVisibleAsync(long ticketId, TicketAccessRule access, CancellationToken ct)
    {
        if (!await db.Tickets.AllowedBy(access).AnyAsync(t => t.Id == ticketId, ct))
            throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
    }

    private static ChecklistTemplateView ToView(TicketType type, ChecklistTemplate? t) => new(type.ToSnakeCase(),
        t?.Items.OrderBy(i => i.Position).Select(i => new ChecklistTemplateItemView(i.Text, i.Required)).ToList() ?? [], t?.UpdatedAt);
}
