using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.CustomFields;

namespace Okno.Customers.ServiceObjects;

/// <summary>What the equipment list filters by. <see cref="Text"/> is a serial (prefix of the normalised serial), an
/// inventory number, or words of the type, maker or model (the search index).</summary>
public sealed record EquipmentFilter(long? CompanyId = null, long? ServiceObjectId = null, string? Text = null, string? Type = null,
    IReadOnlyList<CustomFieldCondition>? CustomFields = null);

/// <summary>A company's objects and equipment at a glance (the customer card, the company page): counts and the first few.</summary>
public sealed record CompanyObjectsSummary(long CompanyId, int Objects, int Equipment, IReadOnlyList<ServiceObjectView> FirstObjects,
    IReadOnlyList<EquipmentView> FirstEquipment);

/// <summary>The reads of service objects and equipment that the API and the agent pages share: one implementation of
/// each list, paged by id (keyset) on the indexes of <see cref="ServiceObjectsConfiguration"/>.</summary>
public sealed class ServiceObjectQueries(OknoDb db)
{
    public const int SummaryItems = 5;
    /// <summary>Counted up to this many on the card ("1000+"): a count of a big client's equipment is not worth a scan.</summary>
    public const int SummaryCountCap = 1000;

    /// <summary>Objects (of a company), oldest first; <paramref name="text"/> matches words of the name or the address.</summary>
    public async Task<Page<ServiceObjectView>> ObjectsAsync(long? companyId, string? text, int? limit, string? cursor, CancellationToken ct,
        IReadOnlyList<CustomFieldCondition>? customFields = null)
    {
        var take = Paging.Limit(limit);
        var query = db.ServiceObjects.AsQueryable();
        if (companyId is { } company) query = query.Where(o => o.CompanyId == company);
        var terms = SearchIndex.Analyze(Platform.Text.SingleLine.Of(text ?? ""));
        if (terms.Count > 0)
        {
            var ids = db.SearchMatches(terms, [ServiceObject.SearchKind]).Select(m => m.OwnerId);
            query = query.Where(o => ids.Contains(o.Id));
        }
        foreach (var condition in customFields ?? [])
        {
            var matches = condition.Matches(db, CustomFieldEntity.ServiceObject);
            query = query.Where(o => matches.Any(v => v.EntityId == o.Id));
        }
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(o => o.Id > lastId);
        var rows = await ServiceObjectsEndpoints.ProjectObjects(query.OrderBy(o => o.Id).Take(take + 1)).ToListAsync(ct);
        return Paging.ToPage(rows, take, o => Paging.Encode(o.Id));
    }

    /// <summary>Equipment by the filter, oldest first. A text that is a serial's prefix finds those serials; else one that
    /// is an inventory number finds it; else its words are looked up in the search index.</summary>
    public async Task<Page<EquipmentView>> EquipmentAsync(EquipmentFilter filter, int? limit, string? cursor, CancellationToken ct)
    {
        var query = db.Equipment.AsQueryable();
        if (filter.CompanyId is { } company) query = query.Where(e => e.CompanyId == company);
        if (filter.ServiceObjectId is { } objectId) query = query.Where(e => e.ServiceObjectId == objectId);
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            var type = filter.Type.Trim();
            query = query.Where(e => e.Type == type);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // One index per try, never an OR across them (a scan at 300,000 pieces): serials that start with the text,
            // else the exact inventory number, else the words in the search index.
            var text = filter.Text.Trim();
            var key = Equipment.NormalizeSerial(text);
            var upper = key + '\uffff';
            var bySerial = query.Where(e => string.Compare(e.SerialKey, key) >= 0 && string.Compare(e.SerialKey, upper) < 0);
            var byInventory = query.Where(e => e.InventoryNumber == text);
            if (key.Length > 0 && await bySerial.AnyAsync(ct)) query = bySerial;
            else if (await byInventory.AnyAsync(ct)) query = byInventory;
            else
            {
                var terms = SearchIndex.Analyze(Platform.Text.SingleLine.Of(text));
                if (terms.Count == 0) return new Page<EquipmentView>([], null);
                var words = db.SearchMatches(terms, [Equipment.SearchKind]).Select(m => m.OwnerId);
                query = query.Where(e => words.Contains(e.Id));
            }
        }
        foreach (var condition in filter.CustomFields ?? [])
        {
            var matches = condition.Matches(db, CustomFieldEntity.Equipment);
            query = query.Where(e => matches.Any(v => v.EntityId == e.Id));
        }
        return await EquipmentEndpoints.ListAsync(query, limit, cursor, ct);
    }

    public async Task<CompanyObjectsSummary> CompanySummaryAsync(long companyId, CancellationToken ct)
    {
        var objects = await db.ServiceObjects.Where(o => o.CompanyId == companyId).Take(SummaryCountCap).CountAsync(ct);
        var equipment = await db.Equipment.Where(e => e.CompanyId == companyId).Take(SummaryCountCap).CountAsync(ct);
        var firstObjects = objects == 0 ? [] : await ServiceObjectsEndpoints.ProjectObjects(
            db.ServiceObjects.Where(o => o.CompanyId == companyId).OrderBy(o => o.Id).Take(SummaryItems)).ToListAsync(ct);
        var firstEquipment = equipment == 0 ? [] : await EquipmentEndpoints.Project(
            db.Equipment.Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).Take(SummaryItems)).ToListAsync(ct);
        return new CompanyObjectsSummary(companyId, objects, equipment, firstObjects, firstEquipment);
    }

    /// <summary>The contact's company (the customer card shows its objects).</summary>
    public Task<long?> CompanyOfContactAsync(long contactId, CancellationToken ct) =>
        db.Contacts.Where(c => c.Id == contactId).Select(c => c.CompanyId).SingleOrDefaultAsync(ct);

    /// <summary>The global search's equipment: serials that start with the text (normalised) and exact inventory numbers.</summary>
    public async Task<IReadOnlyList<EquipmentView>> BySerialOrInventoryAsync(string text, int limit, CancellationToken ct)
    {
        var serials = await EquipmentEndpoints.BySerialAsync(db, text, false, null, limit, null, ct);
        var inventory = text.Trim();
        var byInventory = await EquipmentEndpoints.Project(db.Equipment.Where(e => e.InventoryNumber == inventory).OrderBy(e => e.Id).Take(limit)).ToListAsync(ct);
        return serials.Items.Concat(byInventory.Where(e => serials.Items.All(s => s.Id != e.Id))).Take(limit).ToList();
    }

    public Task<ServiceObjectView> ObjectAsync(long id, CancellationToken ct) => ServiceObjectsEndpoints.FindObjectAsync(db, id, ct);

    public Task<EquipmentView> OneEquipmentAsync(long id, CancellationToken ct) => EquipmentEndpoints.FindAsync(db, id, ct);

    /// <summary>The equipment's moves, newest first.</summary>
    public async Task<Page<EquipmentMoveView>> MovesAsync(long equipmentId, int? limit, string? cursor, CancellationToken ct)
    {
        await EquipmentEndpoints.FindAsync(db, equipmentId, ct);
        var take = Paging.Limit(limit);
        var query = db.EquipmentMoves.Where(m => m.EquipmentId == equipmentId);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(m => m.Id < lastId);
        var rows = await query.OrderByDescending(m => m.Id).Take(take + 1)
            .Select(m => new EquipmentMoveView(m.Id, m.FromObjectId, m.ToObjectId, m.AgentId, m.At, m.Comment)).ToListAsync(ct);
        return Paging.ToPage(rows, take, m => Paging.Encode(m.Id));
    }

    /// <summary>The names of objects (a move history names them by id; deleted ones are left out).</summary>
    public async Task<IReadOnlyDictionary<long, string>> ObjectNamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? new Dictionary<long, string>()
            : await db.ServiceObjects.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>The names of contacts (the contacts on site).</summary>
    public async Task<IReadOnlyList<CompanyRef>> ContactNamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Contacts.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Select(c => new CompanyRef(c.Id, c.Name)).ToListAsync(ct);

    /// <summary>The tickets about an object (or a piece of equipment) that the agent may see, newest first.</summary>
    public async Task<Page<TicketView>> TicketsAsync(long? serviceObjectId, long? equipmentId, CurrentAgent agent, int? limit, string? cursor,
        CancellationToken ct)
    {
        var tickets = equipmentId is { } eid ? db.Tickets.Where(t => t.EquipmentId == eid) : db.Tickets.Where(t => t.ServiceObjectId == serviceObjectId);
        return await ServiceObjectsEndpoints.TicketsAsync(db, tickets, agent, limit, cursor, ct);
    }

    /// <summary>The contracts covering an object (its page shows them).</summary>
    public async Task<IReadOnlyList<Contracts.ContractChoice>> CoveringContractsAsync(long serviceObjectId, CancellationToken ct) =>
        (await db.Set<Contracts.ContractServiceObject>().Where(c => c.ServiceObjectId == serviceObjectId)
            .Join(db.Set<Contracts.Contract>(), c => c.ContractId, k => k.Id, (c, k) => new { k.Id, k.Number })
            .OrderBy(c => c.Id).Take(100).ToListAsync(ct)).Select(c => new Contracts.ContractChoice(c.Id, c.Number)).ToList();
}
