using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers.Contracts;

/// <summary>A contract as the API takes it. Dates are yyyy-MM-dd; <see cref="EndsOn"/> is the last day covered (none:
/// open-ended). <see cref="Kind"/>: subscription, hour_package (with <see cref="IncludedHours"/>) or per_incident.
/// <see cref="Prices"/> override the price list's prices; <see cref="IncludedItemIds"/> (subscriptions only) are the
/// items the subscription covers; both name items of <see cref="PriceListId"/>. <see cref="ServiceObjectIds"/>: the
/// company's service objects the contract covers (empty: the whole company; null keeps them as they are).</summary>
public sealed record ContractRequest(long? CompanyId, string? Number, string? Kind, string? StartsOn, string? EndsOn, decimal? IncludedHours,
    long? SlaPolicyId, long? PriceListId, bool? IsDefault, bool? IsActive, string? Notes, List<ContractPriceRequest?>? Prices,
    List<long?>? IncludedItemIds, List<long?>? ServiceObjectIds = null);

public sealed record ContractPriceRequest(long? ItemId, decimal? Price);

public sealed record ContractPriceView(long ItemId, decimal Price);

/// <summary>A contract to choose in a list: "A-1 — Acme".</summary>
public sealed record ContractChoice(long Id, string Label);

public sealed record ContractView(long Id, long CompanyId, string Number, string Kind, string StartsOn, string? EndsOn, decimal? IncludedHours,
    long? SlaPolicyId, long? PriceListId, bool IsDefault, bool IsActive, string? Notes, IReadOnlyList<ContractPriceView> Prices,
    IReadOnlyList<long> IncludedItemIds, string Currency, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The service objects it covers (empty: the whole company).</summary>
    public IReadOnlyList<long> ServiceObjectIds { get; init; } = [];
}

/// <summary>Contracts of client companies: create, rewrite, read, list (paged, by company), delete one no ticket is
/// linked to. One default per company: marking one unmarks the others.</summary>
public sealed class Contracts(OknoDb db, TimeProvider clock, IOptions<ContractsOptions> options, IEnumerable<ISlaPolicyDirectory> slaPolicies)
{
    public const int MaxPrices = 500;
    public const decimal MaxHours = 100_000m;
    private const string DateFormat = "yyyy-MM-dd";

    public async Task<Page<ContractView>> ListAsync(long? companyId, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.Contracts.AsNoTracking();
        if (companyId is { } company) query = query.Where(c => c.CompanyId == company);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(c => c.Id < lastId);
        var rows = await query.OrderByDescending(c => c.Id).Take(take + 1).Include(c => c.Prices).Include(c => c.IncludedItems).Include(c => c.ServiceObjects).AsSplitQuery().ToListAsync(ct);
        return Paging.ToPage(rows.Select(ToView).ToList(), take, c => Paging.Encode(c.Id));
    }

    public const int MaxChoices = 500;

    /// <summary>Active contracts to choose from (an SLA condition), by company name and number; at most <see cref="MaxChoices"/>.</summary>
    public async Task<IReadOnlyList<ContractChoice>> ChoicesAsync(CancellationToken ct) =>
        (await db.Contracts.AsNoTracking().Where(c => c.IsActive)
            .Join(db.Companies, c => c.CompanyId, k => k.Id, (c, k) => new { c.Id, c.Number, Company = k.Name })
            .OrderBy(c => c.Company).ThenBy(c => c.Number).Take(MaxChoices).ToListAsync(ct))
        .Select(c => new ContractChoice(c.Id, $"{c.Number} — {c.Company}")).ToList();

    public async Task<ContractView> GetAsync(long id, CancellationToken ct) =>
        ToView(await db.Contracts.AsNoTracking().Include(c => c.Prices).Include(c => c.IncludedItems).Include(c => c.ServiceObjects).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound(id));

    public async Task<ContractView> SaveAsync(long? id, ContractRequest request, CancellationToken ct)
    {
        var saved = await db.WriteAsync(async c =>
        {
            Contract? contract = null;
            if (id is { } existing)
                contract = await db.Contracts.Include(k => k.Prices).Include(k => k.IncludedItems).Include(k => k.ServiceObjects).AsSplitQuery()
                    .SingleOrDefaultAsync(k => k.Id == existing, c) ?? throw NotFound(existing);
            var (kind, startsOn, endsOn) = await ValidateAsync(id, request, c);
            var now = clock.GetUtcNow();
            if (contract is null) db.Contracts.Add(contract = new Contract { CreatedAt = now });
            contract.CompanyId = request.CompanyId!.Value;
            contract.Number = request.Number!.Trim();
            contract.Kind = kind;
            contract.StartsOn = startsOn;
            contract.EndsOn = endsOn;
            contract.IncludedHours = kind == ContractKind.HourPackage ? request.IncludedHours : null;
            // Tickets under this contract may now have another policy: the SLA section recomputes the open ones.
            var grantChanged = contract.Id != 0 && (contract.SlaPolicyId != request.SlaPolicyId || contract.IsActive != (request.IsActive ?? contract.IsActive));
            contract.SlaPolicyId = request.SlaPolicyId;
            contract.PriceListId = request.PriceListId;
            contract.IsActive = request.IsActive ?? contract.IsActive;
            contract.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
            contract.UpdatedAt = now;
            var prices = (request.Prices ?? []).OfType<ContractPriceRequest>().GroupBy(p => p.ItemId!.Value)
                .ToDictionary(g => g.Key, g => g.Last().Price!.Value);
            contract.Prices.RemoveAll(p => !prices.ContainsKey(p.PriceListItemId));
            foreach (var (itemId, price) in prices)
            {
                if (contract.Prices.Find(p => p.PriceListItemId == itemId) is { } known) known.Price = price;
                else contract.Prices.Add(new ContractPrice { PriceListItemId = itemId, Price = price });
            }
            var included = kind == ContractKind.Subscription ? (request.IncludedItemIds ?? []).OfType<long>().ToHashSet() : [];
            contract.IncludedItems.RemoveAll(i => !included.Contains(i.PriceListItemId));
            foreach (var itemId in included.Where(i => contract.IncludedItems.TrueForAll(k => k.PriceListItemId != i)))
                contract.IncludedItems.Add(new ContractIncludedItem { PriceListItemId = itemId });
            if (request.ServiceObjectIds is { } objectIds)
            {
                var covered = objectIds.OfType<long>().ToHashSet();
                contract.ServiceObjects.RemoveAll(o => !covered.Contains(o.ServiceObjectId));
                foreach (var objectId in covered.Where(o => contract.ServiceObjects.TrueForAll(k => k.ServiceObjectId != o)))
                    contract.ServiceObjects.Add(new ContractServiceObject { ServiceObjectId = objectId });
            }
            if (request.IsDefault == true && !contract.IsDefault)
                await db.Contracts.Where(k => k.CompanyId == contract.CompanyId && k.IsDefault && k.Id != contract.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.IsDefault, false), c);
            contract.IsDefault = request.IsDefault ?? contract.IsDefault;
            if (grantChanged)
                foreach (var directory in slaPolicies) await directory.GrantChangedAsync(c);
            await db.SaveChangesAsync(c);
            return contract;
        }, ct);
        return ToView(saved);
    }

    /// <summary>Refused while tickets are linked to it (deactivate it instead: new tickets are then not linked).</summary>
    public Task DeleteAsync(long id, CancellationToken ct) => db.WriteAsync(async c =>
    {
        var contract = await db.Contracts.SingleOrDefaultAsync(k => k.Id == id, c) ?? throw NotFound(id);
        var tickets = await db.Tickets.Where(t => t.ContractId == id).Take(10_000).CountAsync(c);
        if (tickets > 0)
            throw new OknoException(new StateConflict(ContractErrorCodes.ContractInUse,
                $"Tickets are linked to contract {contract.Number}: {tickets}; deactivate it instead.", ("count", tickets)));
        db.Contracts.Remove(contract);
        await db.SaveChangesAsync(c);
        return 0;
    }, ct);

    private async Task<(ContractKind Kind, DateOnly StartsOn, DateOnly? EndsOn)> ValidateAsync(long? id, ContractRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (r.CompanyId is not { } companyId) errors.Required("companyId");
        else if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct))
            errors.Add("companyId", CustomerErrorCodes.CompanyNotFound, $"Company {companyId} does not exist.", ("id", companyId));
        errors.Text("number", r.Number, Contract.NumberMaxLength);
        var kind = ParseKind(r.Kind);
        if (r.Kind is null) errors.Required("kind");
        else if (kind is null) errors.Add("kind", ErrorCodes.NotOneOf, "subscription, hour_package or per_incident.",
            ("value", r.Kind), ("allowed", "subscription, hour_package, per_incident"));
        var startsOn = Date("startsOn", r.StartsOn, required: true, errors);
        var endsOn = Date("endsOn", r.EndsOn, required: false, errors);
        if (startsOn is { } s && endsOn is { } e && e < s)
            errors.Add("endsOn", ContractErrorCodes.EndsBeforeStart, "The contract cannot end before it starts.");
        if (kind == ContractKind.HourPackage)
        {
            if (r.IncludedHours is not { } hours) errors.Required("includedHours");
            else if (hours <= 0 || hours > MaxHours || decimal.Round(hours, 2) != hours)
                errors.Add("includedHours", ErrorCodes.OutOfRange, $"From 0.01 to {MaxHours} hours.", ("min", 0.01m), ("max", MaxHours));
        }
        errors.Text("notes", r.Notes, Contract.NotesMaxLength, required: false);
        if (r.SlaPolicyId is { } policyId && !await PolicyExistsAsync(policyId, ct))
            errors.Add("slaPolicyId", ContractErrorCodes.SlaPolicyNotFound, $"There is no SLA policy {policyId}.", ("id", policyId));
        var listItems = new HashSet<long>();
        if (r.PriceListId is { } listId)
        {
            if (!await db.PriceLists.AnyAsync(p => p.Id == listId, ct))
                errors.Add("priceListId", ContractErrorCodes.PriceListNotFound, $"Price list {listId} does not exist.", ("id", listId));
            else listItems = (await db.PriceListItems.Where(i => i.PriceListId == listId).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        }
        var prices = r.Prices ?? [];
        if (prices.Count > MaxPrices) errors.TooMany("prices", MaxPrices, "prices");
        for (var i = 0; i < Math.Min(prices.Count, MaxPrices); i++)
        {
            if (prices[i] is not { } p) { errors.Required($"prices[{i}]"); continue; }
            ItemOfList($"prices[{i}].itemId", p.ItemId, listItems, errors);
            PriceLists.CheckPrice($"prices[{i}].price", p.Price, errors);
        }
        var included = r.IncludedItemIds ?? [];
        if (included.Count > MaxPrices) errors.TooMany("includedItemIds", MaxPrices, "items");
        if (included.Count > 0 && kind is { } k && k != ContractKind.Subscription)
            errors.Add("includedItemIds", ErrorCodes.InvalidValue, "Only a subscription includes services.");
        else
            for (var i = 0; i < Math.Min(included.Count, MaxPrices); i++) ItemOfList($"includedItemIds[{i}]", included[i], listItems, errors);
        await ValidateObjectsAsync(r, errors, ct);
        errors.ThrowIfAny();

        var number = r.Number!.Trim();
        if (await db.Contracts.AnyAsync(c => c.CompanyId == r.CompanyId && c.Number == number && c.Id != (id ?? 0), ct))
            throw new OknoException(new Duplicate(ContractErrorCodes.NumberTaken, "number", $"The company has a contract {number} already.", ("number", number)));
        return (kind!.Value, startsOn!.Value, endsOn);
    }

    public const int MaxServiceObjects = 1000;

    /// <summary>Covered objects exist and are the contract company's.</summary>
    private async Task ValidateObjectsAsync(ContractRequest r, FieldErrors errors, CancellationToken ct)
    {
        if (r.ServiceObjectIds is not { } objectIds) return;
        if (objectIds.Count > MaxServiceObjects)
        {
            errors.TooMany("serviceObjectIds", MaxServiceObjects, "objects");
            return;
        }
        var ids = objectIds.OfType<long>().Distinct().ToList();
        var found = await db.Set<ServiceObjects.ServiceObject>().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.CompanyId }).ToDictionaryAsync(o => o.Id, o => o.CompanyId, ct);
        for (var i = 0; i < objectIds.Count; i++)
        {
            var field = $"serviceObjectIds[{i}]";
            if (objectIds[i] is not { } id) errors.Required(field);
            else if (!found.TryGetValue(id, out var company))
                errors.Add(field, ServiceObjects.ServiceObjectErrorCodes.ObjectNotFound, $"There is no service object {id}.", ("id", id));
            else if (company != r.CompanyId)
                errors.Add(field, ServiceObjects.ServiceObjectErrorCodes.ObjectOfOtherCompany, $"Service object {id} belongs to another company.", ("id", id));
        }
    }

    /// <summary>The SLA policies a contract may grant (none when no SLA section is installed).</summary>
    public async Task<IReadOnlyList<SlaPolicyChoice>> SlaPolicyChoicesAsync(CancellationToken ct)
    {
        foreach (var directory in slaPolicies) return await directory.ChoicesAsync(ct);
        return [];
    }

    private async Task<bool> PolicyExistsAsync(long policyId, CancellationToken ct)
    {
        foreach (var directory in slaPolicies)
            if (await directory.ExistsAsync(policyId, ct)) return true;
        return false;
    }

    private static void ItemOfList(string field, long? itemId, HashSet<long> listItems, FieldErrors errors)
    {
        if (itemId is not { } id) errors.Required(field);
        else if (!listItems.Contains(id))
            errors.Add(field, ContractErrorCodes.ItemNotInPriceList, $"Item {id} is not in the contract's price list.", ("id", id));
    }

    private static DateOnly? Date(string field, string? text, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Required(field);
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, ErrorCodes.InvalidDate, "Expected a date as yyyy-MM-dd.", ("format", DateFormat));
        return null;
    }

    internal static ContractKind? ParseKind(string? kind) => Enum.GetValues<ContractKind>().Cast<ContractKind?>().FirstOrDefault(k => k!.Value.ToSnakeCase() == kind);

    private ContractView ToView(Contract c) => new(c.Id, c.CompanyId, c.Number, c.Kind.ToSnakeCase(),
        c.StartsOn.ToString(DateFormat, CultureInfo.InvariantCulture), c.EndsOn?.ToString(DateFormat, CultureInfo.InvariantCulture), c.IncludedHours,
        c.SlaPolicyId, c.PriceListId, c.IsDefault, c.IsActive, c.Notes,
        c.Prices.OrderBy(p => p.PriceListItemId).Select(p => new ContractPriceView(p.PriceListItemId, p.Price)).ToList(),
        c.IncludedItems.Select(i => i.PriceListItemId).Order().ToList(), options.Value.Currency, c.CreatedAt, c.UpdatedAt)
    {
        ServiceObjectIds = c.ServiceObjects.Select(o => o.ServiceObjectId).Order().ToList(),
    };

    private static OknoException NotFound(long id) => new(new NotFound(ContractErrorCodes.ContractNotFound, "Contract", id));
}
