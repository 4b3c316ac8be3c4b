using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Customers.Contracts;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers.WorkLogs;

/// <summary>The company's requisites at the top of a statement.</summary>
public sealed record StatementCompany(long Id, string Name, string? FullName, string? Inn, string? Kpp, string? Ogrn, string? LegalAddress,
    string? BankName, string? Bik, string? SettlementAccount, string? CorrespondentAccount);

public sealed record StatementLine(long Id, DateTimeOffset WorkedAt, string AgentName, string? ItemCode, string ItemName, string Kind, string Unit,
    int? Minutes, decimal Quantity, decimal UnitPrice, decimal Total, decimal BillableAmount, string Coverage, string? OverrideReason);

public sealed record StatementTicket(long TicketId, long Number, string Subject, IReadOnlyList<StatementLine> Lines, decimal Total, decimal BillableTotal);

public sealed record StatementView(StatementCompany Company, string Month, DateOnly From, DateOnly To, IReadOnlyList<StatementTicket> Tickets,
    decimal Total, decimal WithinTotal, decimal BillableTotal, IReadOnlyList<StatementPackage> Packages, string Currency);

public sealed record StatementPackage(long ContractId, string Number, decimal IncludedHours, int UsedMinutesInMonth, int UsedMinutesTotal, int LeftMinutes);

/// <summary>One line of a statement's stream, with its ticket (the xlsx export reads these one by one).</summary>
public sealed record StatementRow(long TicketId, long TicketNumber, string TicketSubject, StatementLine Line);

/// <summary>A company's monthly statement (акт выполненных работ): its tickets with work in the month (UTC), their lines,
/// subtotals, the billable total and hour-package usage. The lines are one range read of the (CompanyId, WorkedAt) index,
/// joined to their tickets and agents; the packages a second small query.</summary>
public sealed class WorkStatements(OknoDb db, IOptions<ContractsOptions> contracts)
{
    /// <summary>"2026-11" → its first and last day; else the month field's error.</summary>
    public static (DateOnly From, DateOnly To) ParseMonth(string? month)
    {
        if (month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && from.Year >= 2000)
            return (from, from.AddMonths(1).AddDays(-1));
        throw new OknoException(InvalidInput.Field("month", WorkLogErrorCodes.InvalidMonth, "A month as yyyy-MM.", ("value", month is { Length: > 20 } ? month[..20] : month)));
    }

    public async Task<StatementView> BuildAsync(long companyId, string? month, CancellationToken ct)
    {
        var (from, to) = ParseMonth(month);
        var company = await CompanyAsync(companyId, ct);
        var tickets = new List<StatementTicket>();
        List<StatementLine>? lines = null;
        StatementRow? current = null;
        void Close()
        {
            if (current is null || lines is null) return;
            tickets.Add(new StatementTicket(current.TicketId, current.TicketNumber, current.TicketSubject, lines, lines.Sum(l => l.Total), lines.Sum(l => l.BillableAmount)));
        }
        await foreach (var row in RowsAsync(companyId, from, to, ct))
        {
            if (current?.TicketId != row.TicketId)
            {
                Close();
                lines = [];
            }
            current = row;
            lines!.Add(row.Line);
        }
        Close();
        var total = tickets.Sum(t => t.Total);
        var billable = tickets.Sum(t => t.BillableTotal);
        return new StatementView(company, from.ToString("yyyy-MM", CultureInfo.InvariantCulture), from, to, tickets, total, total - billable, billable,
            await PackagesAsync(companyId, from, to, ct), contracts.Value.Currency);
    }

    public async Task<StatementCompany> CompanyAsync(long companyId, CancellationToken ct) =>
        await db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new StatementCompany(c.Id, c.Name, c.FullName, c.Inn, c.Kpp, c.Ogrn, c.LegalAddress, c.BankName, c.Bik, c.SettlementAccount,
                c.CorrespondentAccount)).SingleOrDefaultAsync(ct)
        ?? throw new OknoException(new NotFound(CustomerErrorCodes.CompanyNotFound, "Company", companyId));

    /// <summary>The month's lines of the company, by ticket then time, streamed.</summary>
    public IAsyncEnumerable<StatementRow> RowsAsync(long companyId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = Range(from, to);
        return db.WorkLines.AsNoTracking().Where(l => l.CompanyId == companyId && l.WorkedAt >= start && l.WorkedAt < end)
            .Join(db.Tickets, l => l.TicketId, t => t.Id, (l, t) => new { l, t.Number, t.Subject })
            .Join(db.Agents, x => x.l.AgentId, a => a.Id, (x, a) => new { x.l, x.Number, x.Subject, AgentName = a.Name })
            .OrderBy(x => x.l.TicketId).ThenBy(x => x.l.WorkedAt).ThenBy(x => x.l.Id)
            .Select(x => new StatementRow(x.l.TicketId, x.Number, x.Subject, new StatementLine(x.l.Id, x.l.WorkedAt, x.AgentName, x.l.ItemCode, x.l.ItemName,
                x.l.ItemKind == PriceItemKind.Service ? "service" : "material", x.l.Unit, x.l.Minutes, x.l.Quantity, x.l.UnitPrice, x.l.Total, x.l.BillableAmount,
                x.l.WithinQuantity == 0 ? "billable" : x.l.WithinQuantity >= x.l.Quantity ? "within" : "split", x.l.OverrideReason)))
            .AsAsyncEnumerable();
    }

    /// <summary>The company's hour packages that overlap the month: minutes used in the month (a sum over the contract's
    /// index range) and in all (the maintained counter).</summary>
    public async Task<IReadOnlyList<StatementPackage>> PackagesAsync(long companyId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = Range(from, to);
        var (usages, lines) = (db.ContractWorkUsages, db.WorkLines);
        var packages = await db.Contracts.AsNoTracking()
            .Where(c => c.CompanyId == companyId && c.Kind == ContractKind.HourPackage && c.StartsOn <= to && (c.EndsOn == null || c.EndsOn >= from))
            .OrderBy(c => c.Id).Take(50)
            .Select(c => new
            {
                c.Id, c.Number, c.IncludedHours,
                Used = usages.Where(u => u.ContractId == c.Id).Select(u => (int?)u.UsedMinutes).FirstOrDefault() ?? 0,
                InMonth = lines.Where(l => l.ContractId == c.Id && l.WorkedAt >= start && l.WorkedAt < end).Sum(l => (int?)l.PackageMinutes) ?? 0,
            }).ToListAsync(ct);
        return packages.Select(p => new StatementPackage(p.Id, p.Number, p.IncludedHours ?? 0, p.InMonth, p.Used,
            Math.Max(0, (int)Math.Round((p.IncludedHours ?? 0) * 60) - p.Used))).ToList();
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Range(DateOnly from, DateOnly to) =>
        (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
