using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers.Contracts;

public sealed record PriceListRequest(string? Name, bool? IsActive);

public sealed record PriceListView(long Id, string Name, bool IsActive, string Currency, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary><see cref="Kind"/>: service or material; <see cref="Unit"/>: one of <see cref="PriceListItem.Units"/>.</summary>
public sealed record PriceItemRequest(string? Kind, string? Code, string? Name, string? Unit, decimal? Price, bool? IsActive);

public sealed record PriceItemView(long Id, long PriceListId, string Kind, string Code, string Name, string Unit, decimal Price, bool IsActive,
    string Currency);

/// <summary>Price lists and their items: create, rewrite, list (paged), delete a list no contract uses.</summary>
public sealed class PriceLists(OknoDb db, TimeProvider clock, IOptions<ContractsOptions> options)
{
    private string Currency => options.Value.Currency;

    public async Task<Page<PriceListView>> ListAsync(int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = db.PriceLists.AsNoTracking();
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(p => p.Id > lastId);
        var rows = await query.OrderBy(p => p.Id).Take(take + 1).ToListAsync(ct);
        return Paging.ToPage(rows.Select(ToView).ToList(), take, p => Paging.Encode(p.Id));
    }

    public async Task<PriceListView> GetAsync(long id, CancellationToken ct) =>
        ToView(await db.PriceLists.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound(id));

    public async Task<PriceListView> SaveAsync(long? id, PriceListRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name, PriceList.NameMaxLength);
        errors.ThrowIfAny();
        var saved = await db.WriteAsync(async c =>
        {
            var now = clock.GetUtcNow();
            PriceList list;
            if (id is { } existing) list = await db.PriceLists.SingleOrDefaultAsync(p => p.Id == existing, c) ?? throw NotFound(existing);
            else db.PriceLists.Add(list = new PriceList { CreatedAt = now });
            list.Name = request.Name!.Trim();
            list.IsActive = request.IsActive ?? list.IsActive;
            list.UpdatedAt = now;
            await db.SaveChangesAsync(c);
            return list;
        }, ct);
        return ToView(saved);
    }

    /// <summary>Refused while contracts use the list (deactivate it instead).</summary>
    public Task DeleteAsync(long id, CancellationToken ct) => db.WriteAsync(async c =>
    {
        var list = await db.PriceLists.SingleOrDefaultAsync(p => p.Id == id, c) ?? throw NotFound(id);
        var users = await db.Contracts.CountAsync(k => k.PriceListId == id, c);
        if (users > 0)
            throw new OknoException(new StateConflict(ContractErrorCodes.PriceListInUse,
                $"Contracts use the price list '{list.Name}': {users}; deactivate it instead.", ("count", users)));
        db.PriceLists.Remove(list);
        await db.SaveChangesAsync(c);
        return 0;
    }, ct);

    public async Task<Page<PriceItemView>> ItemsAsync(long listId, int? limit, string? cursor, CancellationToken ct)
    {
        await GetAsync(listId, ct);
        var take = Paging.Limit(limit);
        var query = db.PriceListItems.AsNoTracking().Where(i => i.PriceListId == listId);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(i => i.Id > lastId);
        var rows = await query.OrderBy(i => i.Id).Take(take + 1).ToListAsync(ct);
        return Paging.ToPage(rows.Select(ToView).ToList(), take, i => Paging.Encode(i.Id));
    }

    public async Task<PriceItemView> SaveItemAsync(long listId, long? itemId, PriceItemRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = ParseKind(request.Kind);
        if (request.Kind is null) errors.Required("kind");
        else if (kind is null) errors.Add("kind", ErrorCodes.NotOneOf, "service or material.", ("allowed", "service, material"));
        errors.Text("code", request.Code, PriceListItem.CodeMaxLength);
        errors.Text("name", request.Name, PriceListItem.NameMaxLength);
        if (request.Unit is null) errors.Required("unit");
        else if (!PriceListItem.Units.Contains(request.Unit))
            errors.Add("unit", ErrorCodes.NotOneOf, $"One of {string.Join(", ", PriceListItem.Units)}.", ("allowed", string.Join(", ", PriceListItem.Units)));
        CheckPrice("price", request.Price, errors);
        errors.ThrowIfAny();
        var saved = await db.WriteAsync(async c =>
        {
            if (!await db.PriceLists.AnyAsync(p => p.Id == listId, c)) throw NotFound(listId);
            PriceListItem item;
            if (itemId is { } existing)
                item = await db.PriceListItems.SingleOrDefaultAsync(i => i.Id == existing && i.PriceListId == listId, c)
                    ?? throw new OknoException(new NotFound(ContractErrorCodes.PriceItemNotFound, "Price list item", existing));
            else db.PriceListItems.Add(item = new PriceListItem { PriceListId = listId });
            var code = request.Code!.Trim();
            if (await db.PriceListItems.AnyAsync(i => i.PriceListId == listId && i.Code == code && i.Id != item.Id, c))
                throw new OknoException(new Duplicate(ContractErrorCodes.PriceItemCodeTaken, "code", $"The code '{code}' is taken in this price list.", ("value", code)));
            item.Kind = kind!.Value;
            item.Code = code;
            item.Name = request.Name!.Trim();
            item.Unit = request.Unit!;
            item.Price = request.Price!.Value;
            item.IsActive = request.IsActive ?? item.IsActive;
            await db.SaveChangesAsync(c);
            return item;
        }, ct);
        return ToView(saved);
    }

    /// <summary>A price: required, from 0 to <see cref="PriceListItem.MaxPrice"/>, at most two decimal places.</summary>
    internal static void CheckPrice(string field, decimal? price, FieldErrors errors)
    {
        if (price is not { } p) errors.Required(field);
        else if (p < 0 || p > PriceListItem.MaxPrice)
            errors.Add(field, ErrorCodes.OutOfRange, $"From 0 to {PriceListItem.MaxPrice.ToString(CultureInfo.InvariantCulture)}.", ("min", 0), ("max", PriceListItem.MaxPrice));
        else if (decimal.Round(p, 2) != p) errors.Add(field, ErrorCodes.InvalidValue, "At most two decimal places.");
    }

    internal static PriceItemKind? ParseKind(string? kind) => kind switch
    {
        "service" => PriceItemKind.Service,
        "material" => PriceItemKind.Material,
        _ => null,
    };

    private PriceListView ToView(PriceList p) => new(p.Id, p.Name, p.IsActive, Currency, p.CreatedAt, p.UpdatedAt);

    private PriceItemView ToView(PriceListItem i) => new(i.Id, i.PriceListId, i.Kind.ToSnakeCase(), i.Code, i.Name, i.Unit, i.Price, i.IsActive, Currency);

    private static OknoException NotFound(long id) => new(new NotFound(ContractErrorCodes.PriceListNotFound, "Price list", id));
}
