using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Customers.Contracts;
using Okno.Notifications.Workspace;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers.WorkLogs;

/// <summary>A work line to log or rewrite. <see cref="ItemId"/>: a price-list item; without it a free-text material
/// (<see cref="Name"/>, <see cref="Price"/>, <see cref="Unit"/>, default "piece"). <see cref="Minutes"/> for an
/// hour-unit (or minute-unit) service, <see cref="Quantity"/> otherwise. <see cref="Coverage"/>: "auto" (default),
/// "within" or "billable" — an override, which needs <see cref="OverrideReason"/>.</summary>
public sealed record WorkLineRequest(long? ItemId = null, string? Name = null, decimal? Price = null, string? Unit = null, decimal? Quantity = null,
    int? Minutes = null, DateTimeOffset? WorkedAt = null, string? Comment = null, string? Coverage = null, string? OverrideReason = null);

/// <summary>A work line as the API and the UI show it. <see cref="Coverage"/>: within, billable or split.</summary>
public sealed record WorkLineView(long Id, long TicketId, long TicketNumber, long? CompanyId, long? ContractId, long AgentId, string AgentName,
    DateTimeOffset WorkedAt, long? ItemId, string Kind, string? ItemCode, string ItemName, string Unit, int? Minutes, decimal Quantity,
    decimal WithinQuantity, decimal UnitPrice, decimal Total, decimal BillableAmount, string Coverage, string Reason, string? Override,
    string? OverrideReason, string? Comment, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A ticket's work: its lines (newest work last) and their sums.</summary>
public sealed record TicketWorkView(IReadOnlyList<WorkLineView> Lines, decimal Total, decimal BillableTotal, int Minutes, bool More, string Currency);

/// <summary>An item the ticket's work can be logged with, at the price that applies to it (the contract's own, else the list's).</summary>
public sealed record WorkItemChoice(long Id, string Kind, string Code, string Name, string Unit, decimal Price, bool IsTime, bool Included);

/// <summary>An hour package's usage in its period.</summary>
public sealed record PackageUsageView(long ContractId, decimal IncludedHours, int IncludedMinutes, int UsedMinutes, int LeftMinutes, int Percent,
    int WarningPercent, bool Warning);

/// <summary>Work lines on tickets (issue 20): logged, rewritten and deleted by their author or a supervisor, each change a
/// row of the ticket's history in the same transaction (through <see cref="Ticket.RecordWorkLine"/>, so the timeline
/// shows it and an event goes out); the unit price resolved when logged; within/billable decided by
/// <see cref="WorkCoverage"/>; an hour package's used minutes kept in <see cref="ContractWorkUsage"/> in the same
/// transaction, its account manager told once when the warning threshold is crossed.</summary>
public sealed class WorkLogs(OknoDb db, TimeProvider clock, IOptions<WorkLogsOptions> options, IOptions<ContractsOptions> contracts,
    AgentNotificationFeed feed)
{
    public const string PackageWarningKind = "hour_package_warning";
    public const int MaxLinesShown = 200;

    private string Currency => contracts.Value.Currency;

    public async Task<TicketWorkView> ForTicketAsync(long ticketId, TicketAccessRule access, CancellationToken ct)
    {
        await EnsureVisibleAsync(ticketId, access, ct);
        var lines = db.WorkLines.AsNoTracking().Where(l => l.TicketId == ticketId);
        var sums = await lines.GroupBy(_ => 1).Select(g => new { Total = g.Sum(l => l.Total), Billable = g.Sum(l => l.BillableAmount), Minutes = g.Sum(l => l.Minutes ?? 0) })
            .SingleOrDefaultAsync(ct);
        var rows = await Views(lines.OrderBy(l => l.WorkedAt).ThenBy(l => l.Id).Take(MaxLinesShown + 1)).ToListAsync(ct);
        return new TicketWorkView(rows.Take(MaxLinesShown).ToList(), sums?.Total ?? 0, sums?.Billable ?? 0, sums?.Minutes ?? 0, rows.Count > MaxLinesShown, Currency);
    }

    public async Task<WorkLineView> GetAsync(long ticketId, long lineId, TicketAccessRule access, CancellationToken ct)
    {
        await EnsureVisibleAsync(ticketId, access, ct);
        return await Views(db.WorkLines.AsNoTracking().Where(l => l.Id == lineId && l.TicketId == ticketId)).SingleOrDefaultAsync(ct) ?? throw LineNotFound(lineId);
    }

    /// <summary>The items of the ticket's price list (its contract's, else the desk's default), active ones, at their prices.</summary>
    public async Task<IReadOnlyList<WorkItemChoice>> ItemsAsync(long ticketId, TicketAccessRule access, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().AllowedBy(access).Where(t => t.Id == ticketId).Select(t => new { t.ContractId }).SingleOrDefaultAsync(ct)
            ?? throw TicketNotFound(ticketId);
        var contract = ticket.ContractId is { } cid ? await db.Contracts.AsNoTracking().Include(c => c.Prices).Include(c => c.IncludedItems).SingleOrDefaultAsync(c => c.Id == cid, ct) : null;
        var listId = contract?.PriceListId ?? options.Value.DefaultPriceListId;
        if (listId is null) return [];
        var items = await db.PriceListItems.AsNoTracking().Where(i => i.PriceListId == listId && i.IsActive).OrderBy(i => i.Kind).ThenBy(i => i.Name)
            .Take(500).ToListAsync(ct);
        return items.Select(i => new WorkItemChoice(i.Id, i.Kind.ToSnakeCase(), i.Code, i.Name, i.Unit,
            contract?.Prices.FirstOrDefault(p => p.PriceListItemId == i.Id)?.Price ?? i.Price, WorkCoverage.IsTimeUnit(i.Unit),
            contract is { Kind: ContractKind.Subscription } && contract.IncludedItems.Any(x => x.PriceListItemId == i.Id))).ToList();
    }

    public async Task<WorkLineView> AddAsync(long ticketId, WorkLineRequest request, CurrentAgent agent, TicketAccessRule access, CancellationToken ct)
    {
        var (coverage, workedAt) = Validate(request);
        var told = new List<long>();
        var id = await db.WriteAsync(async c =>
        {
            told.Clear();
            await db.LockTicketAsync(ticketId, c);
            var ticket = await db.Tickets.AllowedBy(access).SingleOrDefaultAsync(t => t.Id == ticketId, c) ?? throw TicketNotFound(ticketId);
            if (ticket.Status == TicketStatus.Closed) throw new OknoException(new TicketIsClosed(ticket.Number));
            var now = clock.GetUtcNow();
            var line = new WorkLine { TicketId = ticketId, CompanyId = ticket.CompanyId, ContractId = ticket.ContractId, AgentId = agent.Id, CreatedAt = now };
            await FillAsync(line, request, coverage, workedAt ?? now, c);
            db.WorkLines.Add(line);
            await db.SaveChangesAsync(c);
            ticket.RecordWorkLine(line.Id, "added", Summary(line), agent.AsActor(), now);
            await CheckThresholdAsync(line, ticket.Id, told, c);
            await db.SaveChangesAsync(c);
            return line.Id;
        }, ct);
        if (told.Count > 0) feed.Publish(told);
        return await GetAsync(ticketId, id, access, ct);
    }

    public async Task<WorkLineView> UpdateAsync(long ticketId, long lineId, WorkLineRequest request, CurrentAgent agent, TicketAccessRule access, CancellationToken ct)
    {
        var (coverage, workedAt) = Validate(request);
        var told = new List<long>();
        await db.WriteAsync(async c =>
        {
            told.Clear();
            var (ticket, line) = await LoadForChangeAsync(ticketId, lineId, agent, access, c);
            await ReleaseAsync(line, c);
            await FillAsync(line, request, coverage, workedAt ?? line.WorkedAt, c);
            var now = clock.GetUtcNow();
            line.UpdatedAt = now;
            ticket.RecordWorkLine(line.Id, "edited", Summary(line), agent.AsActor(), now);
            await CheckThresholdAsync(line, ticket.Id, told, c);
            await db.SaveChangesAsync(c);
            return 0;
        }, ct);
        if (told.Count > 0) feed.Publish(told);
        return await GetAsync(ticketId, lineId, access, ct);
    }

    public Task DeleteAsync(long ticketId, long lineId, CurrentAgent agent, TicketAccessRule access, CancellationToken ct) => db.WriteAsync(async c =>
    {
        var (ticket, line) = await LoadForChangeAsync(ticketId, lineId, agent, access, c);
        await ReleaseAsync(line, c);
        ticket.RecordWorkLine(line.Id, "deleted", Summary(line), agent.AsActor(), clock.GetUtcNow());
        db.WorkLines.Remove(line);
        await CheckThresholdAsync(line, ticket.Id, [], c);
        await db.SaveChangesAsync(c);
        return 0;
    }, ct);

    /// <summary>The accounting export: lines in time order (keyset paged on (WorkedAt, Id)), filtered by work day (from and
    /// to included, UTC dates yyyy-MM-dd), company, contract and billable (any billable part) or not.</summary>
    public async Task<Page<WorkLineView>> ListAsync(string? from, string? to, long? companyId, long? contractId, bool? billable, int? limit, string? cursor,
        CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var errors = new FieldErrors();
        var start = Day("from", from, errors);
        var end = Day("to", to, errors);
        if (start is { } s0 && end is { } e0 && e0 < s0) errors.Add("to", ErrorCodes.InvalidValue, "Not before from.");
        errors.ThrowIfAny();
        var query = db.WorkLines.AsNoTracking();
        if (start is { } s) { var at = new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); query = query.Where(l => l.WorkedAt >= at); }
        if (end is { } e) { var at = new DateTimeOffset(e.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero); query = query.Where(l => l.WorkedAt < at); }
        if (companyId is { } company) query = query.Where(l => l.CompanyId == company);
        if (contractId is { } contract) query = query.Where(l => l.ContractId == contract);
        if (billable is true) query = query.Where(l => l.WithinQuantity < l.Quantity);
        if (billable is false) query = query.Where(l => l.WithinQuantity >= l.Quantity);
        if (Paging.Decode(cursor, 2) is [var ticks, var lastId])
        {
            var after = new DateTimeOffset(ticks, TimeSpan.Zero);
            query = query.Where(l => l.WorkedAt > after || (l.WorkedAt == after && l.Id > lastId));
        }
        var rows = await Views(query.OrderBy(l => l.WorkedAt).ThenBy(l => l.Id).Take(take + 1)).ToListAsync(ct);
        return Paging.ToPage(rows, take, l => Paging.Encode(l.WorkedAt.UtcTicks, l.Id));
    }

    private static DateOnly? Day(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(field, ErrorCodes.InvalidDate, "A date as yyyy-MM-dd.", ("format", "yyyy-MM-dd"));
        return null;
    }

    /// <summary>Usage of an hour package (null for a contract of another kind): one row read.</summary>
    public async Task<PackageUsageView?> PackageUsageAsync(long contractId, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().Where(c => c.Id == contractId).Select(c => new { c.Kind, c.IncludedHours }).SingleOrDefaultAsync(ct)
            ?? throw new OknoException(new NotFound(ContractErrorCodes.ContractNotFound, "Contract", contractId));
        if (contract.Kind != ContractKind.HourPackage) return null;
        var used = await db.ContractWorkUsages.AsNoTracking().Where(u => u.ContractId == contractId).Select(u => (int?)u.UsedMinutes).SingleOrDefaultAsync(ct) ?? 0;
        return Usage(contractId, contract.IncludedHours ?? 0, used);
    }

    internal PackageUsageView Usage(long contractId, decimal includedHours, int used)
    {
        var included = (int)Math.Round(includedHours * 60);
        var percent = included == 0 ? (used > 0 ? 100 : 0) : (int)Math.Floor(used * 100m / included);
        var warning = options.Value.PackageWarningPercent;
        return new PackageUsageView(contractId, includedHours, included, used, Math.Max(0, included - used), percent, warning, used > 0 && percent >= warning);
    }

    // ---- writing ----

    private (CoverageOverride? Coverage, DateTimeOffset? WorkedAt) Validate(WorkLineRequest request)
    {
        var errors = new FieldErrors();
        if (request.ItemId is null)
        {
            errors.Text("name", request.Name, WorkLine.NameMaxLength);
            PriceLists.CheckPrice("price", request.Price, errors);
            if (request.Unit is not null && !PriceListItem.Units.Contains(request.Unit))
                errors.Add("unit", ErrorCodes.NotOneOf, $"One of {string.Join(", ", PriceListItem.Units)}.", ("allowed", string.Join(", ", PriceListItem.Units)));
            else if (request.Unit is { } unit && WorkCoverage.IsTimeUnit(unit))
                errors.Add("unit", WorkLogErrorCodes.FreeTextMaterialOnly, "A free-text line is a material; log time with a service of the price list.");
        }
        if (request.Minutes is { } minutes && (minutes < 1 || minutes > WorkLine.MaxMinutes))
            errors.Add("minutes", ErrorCodes.OutOfRange, $"From 1 to {WorkLine.MaxMinutes}.", ("min", 1), ("max", WorkLine.MaxMinutes));
        if (request.Quantity is { } q && (q <= 0 || q > WorkLine.MaxQuantity || decimal.Round(q, 3) != q))
            errors.Add("quantity", ErrorCodes.OutOfRange, $"More than 0, at most {WorkLine.MaxQuantity}, three decimal places.", ("min", 0), ("max", WorkLine.MaxQuantity));
        errors.Text("comment", request.Comment, WorkLine.CommentMaxLength, required: false);
        CoverageOverride? coverage = null;
        switch (request.Coverage)
        {
            case null or "auto": break;
            case "within": coverage = CoverageOverride.Within; break;
            case "billable": coverage = CoverageOverride.Billable; break;
            default: errors.Add("coverage", ErrorCodes.NotOneOf, "auto, within or billable.", ("allowed", "auto, within, billable")); break;
        }
        if (coverage is not null) errors.Text("overrideReason", request.OverrideReason, WorkLine.ReasonMaxLength);
        var now = clock.GetUtcNow();
        if (request.WorkedAt is { } at && (at > now.AddDays(1) || at < now.AddYears(-5)))
            errors.Add("workedAt", ErrorCodes.InvalidValue, "Not more than a day ahead, nor more than five years back.");
        errors.ThrowIfAny();
        return (coverage, request.WorkedAt?.ToUniversalTime());
    }

    /// <summary>Resolves the item and its price, the amount, and the coverage (taking from the hour package's counter).</summary>
    private async Task FillAsync(WorkLine line, WorkLineRequest request, CoverageOverride? coverage, DateTimeOffset workedAt, CancellationToken ct)
    {
        var contract = line.ContractId is { } cid
            ? await db.Contracts.AsNoTracking().Include(c => c.Prices).Include(c => c.IncludedItems).SingleOrDefaultAsync(c => c.Id == cid, ct)
            : null;
        var errors = new FieldErrors();
        line.WorkedAt = workedAt;
        if (request.ItemId is { } itemId)
        {
            var listId = contract?.PriceListId ?? options.Value.DefaultPriceListId;
            var item = await db.PriceListItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.PriceListId == listId && i.IsActive, ct);
            if (item is null)
            {
                errors.Add("itemId", WorkLogErrorCodes.ItemNotInPriceList, "Not an active item of the ticket's price list.", ("id", itemId));
                errors.ThrowIfAny();
                return;
            }
            line.PriceListItemId = item.Id;
            line.ItemKind = item.Kind;
            line.ItemCode = item.Code;
            line.ItemName = item.Name.Length > WorkLine.NameMaxLength ? item.Name[..WorkLine.NameMaxLength] : item.Name;
            line.Unit = item.Unit;
            // Resolved now and kept: a later change of the list or the contract does not rewrite logged work.
            line.UnitPrice = contract?.Prices.FirstOrDefault(p => p.PriceListItemId == item.Id)?.Price ?? item.Price;
        }
        else
        {
            line.PriceListItemId = null;
            line.ItemKind = PriceItemKind.Material;
            line.ItemCode = null;
            line.ItemName = request.Name!.Trim();
            line.Unit = request.Unit ?? "piece";
            line.UnitPrice = request.Price!.Value;
        }
        var isTime = WorkCoverage.IsTimeUnit(line.Unit);
        if (isTime && request.Minutes is null) errors.Required("minutes");
        if (!isTime && request.Quantity is null) errors.Required("quantity");
        errors.ThrowIfAny();
        line.Minutes = isTime ? request.Minutes : null;
        line.Quantity = isTime ? WorkCoverage.QuantityOf(line.Unit, request.Minutes!.Value) : request.Quantity!.Value;
        // From the minutes, not the rounded hours: 1 minute at 6000 an hour is 100.00, not 0.0167 × 6000.
        line.Total = WorkCoverage.Money(line.Unit == "hour" ? line.UnitPrice * line.Minutes!.Value / 60m : line.Quantity * line.UnitPrice);
        line.Override = coverage;
        line.OverrideReason = coverage is null ? null : request.OverrideReason!.Trim();
        line.Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();

        ContractWorkUsage? usage = null;
        if (contract is { Kind: ContractKind.HourPackage })
            usage = await UsageRowAsync(contract.Id, ct);
        var input = contract is null ? null : new CoverageContract(contract.Kind, contract.StartsOn, contract.EndsOn,
            contract.IncludedItems.Select(i => i.PriceListItemId).ToHashSet(), (int)Math.Round((contract.IncludedHours ?? 0) * 60), usage?.UsedMinutes ?? 0);
        var split = WorkCoverage.Decide(input, new CoverageLine(line.PriceListItemId, line.ItemKind, isTime, line.Quantity, line.Minutes ?? 0,
            DateOnly.FromDateTime(line.WorkedAt.UtcDateTime), coverage));
        line.WithinQuantity = split.WithinQuantity;
        // A split (only an hour package's time line) bills what its package minutes do not cover.
        line.BillableAmount = split.BillableQuantity == 0 ? 0 : split.WithinQuantity == 0 ? line.Total
            : line.Total - WorkCoverage.Money(line.Unit == "hour" ? line.UnitPrice * split.PackageMinutes / 60m : split.WithinQuantity * line.UnitPrice);
        line.PackageMinutes = split.PackageMinutes;
        line.Reason = split.Reason;
        if (usage is not null) usage.UsedMinutes += split.PackageMinutes;
    }

    /// <summary>Gives a line's package minutes back before it is rewritten or deleted.</summary>
    private async Task ReleaseAsync(WorkLine line, CancellationToken ct)
    {
        if (line.PackageMinutes == 0 || line.ContractId is not { } contractId) return;
        var usage = await UsageRowAsync(contractId, ct);
        usage.UsedMinutes = Math.Max(0, usage.UsedMinutes - line.PackageMinutes);
        line.PackageMinutes = 0;
    }

    private async Task<ContractWorkUsage> UsageRowAsync(long contractId, CancellationToken ct)
    {
        var usage = db.ContractWorkUsages.Local.FirstOrDefault(u => u.ContractId == contractId)
            ?? await db.ContractWorkUsages.SingleOrDefaultAsync(u => u.ContractId == contractId, ct);
        if (usage is null) db.ContractWorkUsages.Add(usage = new ContractWorkUsage { ContractId = contractId });
        return usage;
    }

    /// <summary>After a change of a package's usage: crossing the threshold up marks it and tells the company's account
    /// manager (one bell item, keyed by the line that crossed it); dropping below clears the mark for the next crossing.</summary>
    private async Task CheckThresholdAsync(WorkLine line, long ticketId, List<long> told, CancellationToken ct)
    {
        if (line.ContractId is not { } contractId) return;
        var usage = db.ContractWorkUsages.Local.FirstOrDefault(u => u.ContractId == contractId);
        if (usage is null) return;
        var contract = await db.Contracts.AsNoTracking().Where(c => c.Id == contractId).Select(c => new { c.CompanyId, c.Number, c.IncludedHours }).SingleAsync(ct);
        var view = Usage(contractId, contract.IncludedHours ?? 0, usage.UsedMinutes);
        if (!view.Warning)
        {
            usage.WarnedAt = null;
            return;
        }
        if (usage.WarnedAt is not null) return;
        usage.WarnedAt = clock.GetUtcNow();
        var manager = await db.Companies.Where(c => c.Id == contract.CompanyId).Select(c => c.ManagerId).SingleOrDefaultAsync(ct);
        if (manager is not { } managerId) return;
        if (!await db.Agents.AnyAsync(a => a.Id == managerId && a.IsActive, ct)) return;
        db.AgentNotifications.Add(new AgentNotification
        {
            AgentId = managerId, Kind = PackageWarningKind, TicketId = ticketId, EventId = line.Id, ActorName = contract.Number,
            Excerpt = string.Create(CultureInfo.InvariantCulture, $"{view.Percent}%"), At = usage.WarnedAt.Value,
        });
        told.Add(managerId);
    }

    private async Task<(Ticket Ticket, WorkLine Line)> LoadForChangeAsync(long ticketId, long lineId, CurrentAgent agent, TicketAccessRule access, CancellationToken ct)
    {
        await db.LockTicketAsync(ticketId, ct);
        var ticket = await db.Tickets.AllowedBy(access).SingleOrDefaultAsync(t => t.Id == ticketId, ct) ?? throw TicketNotFound(ticketId);
        var line = await db.WorkLines.SingleOrDefaultAsync(l => l.Id == lineId && l.TicketId == ticketId, ct) ?? throw LineNotFound(lineId);
        if (line.AgentId != agent.Id && !agent.SeesAllTickets)
            throw new OknoException(new Forbidden(WorkLogErrorCodes.NotYours, "Only the line's author or a supervisor changes it."));
        if (ticket.Status == TicketStatus.Closed) throw new OknoException(new TicketIsClosed(ticket.Number));
        return (ticket, line);
    }

    /// <summary>The history row's words: what, how much, and the coverage (with an override's reason).</summary>
    internal static string Summary(WorkLine l)
    {
        var amount = l.Minutes is { } m ? $"{m} min" : $"{l.Quantity.ToString("0.###", CultureInfo.InvariantCulture)} {l.Unit}";
        var coverage = CoverageOf(l);
        var reason = l.Override is null ? "" : $" ({l.Override.Value.ToSnakeCase()}: {l.OverrideReason})";
        return string.Create(CultureInfo.InvariantCulture, $"{l.ItemName}, {amount}, {l.Total:0.00}, {coverage}{reason}");
    }

    internal static string CoverageOf(WorkLine l) => CoverageOf(l.WithinQuantity, l.Quantity);

    internal static string CoverageOf(decimal within, decimal quantity) => within == 0 ? "billable" : within >= quantity ? "within" : "split";

    internal IQueryable<WorkLineView> Views(IQueryable<WorkLine> lines)
    {
        // Extension properties cannot stand in an expression tree: the sets are taken first.
        var tickets = db.Tickets;
        var agents = db.Agents;
        return lines.Select(l => new WorkLineView(l.Id, l.TicketId,
        tickets.Where(t => t.Id == l.TicketId).Select(t => t.Number).FirstOrDefault(), l.CompanyId, l.ContractId, l.AgentId,
        agents.Where(a => a.Id == l.AgentId).Select(a => a.Name).FirstOrDefault() ?? "", l.WorkedAt, l.PriceListItemId,
        l.ItemKind == PriceItemKind.Service ? "service" : "material", l.ItemCode, l.ItemName, l.Unit, l.Minutes, l.Quantity, l.WithinQuantity, l.UnitPrice,
        l.Total, l.BillableAmount, l.WithinQuantity == 0 ? "billable" : l.WithinQuantity >= l.Quantity ? "within" : "split", l.Reason,
        l.Override == null ? null : l.Override == CoverageOverride.Within ? "within" : "billable", l.OverrideReason, l.Comment, l.CreatedAt, l.UpdatedAt));
    }

    private async Task EnsureVisibleAsync(long ticketId, TicketAccessRule access, CancellationToken ct)
    {
        if (!await db.Tickets.AllowedBy(access).AnyAsync(t => t.Id == ticketId, ct)) throw TicketNotFound(ticketId);
    }

    private static OknoException TicketNotFound(long id) => new(new NotFound(TicketErrorCodes.NotFound, "Ticket", id));

    private static OknoException LineNotFound(long id) => new(new NotFound(WorkLogErrorCodes.LineNotFound, "Work line", id));
}
