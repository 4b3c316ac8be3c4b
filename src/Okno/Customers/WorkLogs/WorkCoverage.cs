using Okno.Customers.Contracts;

namespace Okno.Customers.WorkLogs;

/// <summary>What the coverage decision knows of the ticket's contract: its kind and period, the items a subscription
/// includes, and for an hour package its size and how many of its minutes are used already (by other lines).</summary>
public sealed record CoverageContract(ContractKind Kind, DateOnly StartsOn, DateOnly? EndsOn, IReadOnlySet<long> IncludedItemIds,
    int PackageMinutes, int UsedMinutes);

/// <summary>An agent's forced decision, with its reason (kept on the line and in the ticket's history).</summary>
public enum CoverageOverride { Within, Billable }

/// <summary>One work line as the decision sees it: the price-list item (null for a free-text material), whether it is
/// an hour-unit service (its time in <see cref="Minutes"/>), its quantity in the item's unit, and the day it was worked.</summary>
public sealed record CoverageLine(long? ItemId, PriceItemKind Kind, bool IsTime, decimal Quantity, int Minutes, DateOnly WorkedOn,
    CoverageOverride? Override = null);

/// <summary>How much of a line is within the contract and how much is billed. <see cref="PackageMinutes"/>: what the
/// line takes from an hour package (its within minutes; 0 for any other contract). <see cref="Reason"/> says why, for
/// the UI and the API: none, included, not_included, package, package_exhausted, package_split, material, per_incident,
/// outside_period, override.</summary>
public sealed record CoverageSplit(decimal WithinQuantity, decimal BillableQuantity, int PackageMinutes, string Reason)
{
    public bool IsSplit => WithinQuantity > 0 && BillableQuantity > 0;
}

/// <summary>Decides whether a work line is within its ticket's contract or billable, as a pure function (table-tested):
/// no contract → billable; a line worked outside the contract's period → billable; subscription → within when the item
/// is one the contract includes, else billable; hour package → an hour-unit service is within while the package has
/// minutes left, and a line crossing what is left is split (the remainder within, the rest billable); materials are
/// billable; per incident → billable. An override makes the whole line within or billable (an overridden hour-unit
/// line within an hour package still counts against it, so the package shows what was really spent).</summary>
public static class WorkCoverage
{
    public static CoverageSplit Decide(CoverageContract? contract, CoverageLine line)
    {
        var packageTime = contract is { Kind: ContractKind.HourPackage } && line.IsTime && line.Kind == PriceItemKind.Service
            && InPeriod(contract, line.WorkedOn);
        if (line.Override is { } forced)
            return forced == CoverageOverride.Within
                ? new CoverageSplit(line.Quantity, 0, packageTime ? line.Minutes : 0, "override")
                : new CoverageSplit(0, line.Quantity, 0, "override");
        if (contract is null) return Billable(line, "none");
        if (!InPeriod(contract, line.WorkedOn)) return Billable(line, "outside_period");
        switch (contract.Kind)
        {
            case ContractKind.Subscription:
                return line.ItemId is { } item && contract.IncludedItemIds.Contains(item)
                    ? new CoverageSplit(line.Quantity, 0, 0, "included")
                    : Billable(line, "not_included");
            case ContractKind.HourPackage:
                if (!packageTime) return Billable(line, line.Kind == PriceItemKind.Material ? "material" : "not_time");
                var left = Math.Max(0, contract.PackageMinutes - contract.UsedMinutes);
                if (left == 0 || line.Minutes <= 0) return Billable(line, left == 0 ? "package_exhausted" : "package");
                if (line.Minutes <= left) return new CoverageSplit(line.Quantity, 0, line.Minutes, "package");
                // The quantity is split in proportion to the minutes (hours = minutes / 60 for an hour-unit item).
                var within = Math.Round(line.Quantity * left / line.Minutes, 4, MidpointRounding.AwayFromZero);
                return new CoverageSplit(within, line.Quantity - within, left, "package_split");
            default:
                return Billable(line, "per_incident");
        }
    }

    private static CoverageSplit Billable(CoverageLine line, string reason) => new(0, line.Quantity, 0, reason);

    private static bool InPeriod(CoverageContract c, DateOnly day) => c.StartsOn <= day && (c.EndsOn is not { } end || day <= end);

    /// <summary>Whether a price-list unit is time, logged in minutes: "hour" and "minute".</summary>
    public static bool IsTimeUnit(string unit) => unit is "hour" or "minute";

    /// <summary>A time in minutes as a quantity in the unit (hours for "hour").</summary>
    public static decimal QuantityOf(string unit, int minutes) => unit == "hour" ? Math.Round(minutes / 60m, 4, MidpointRounding.AwayFromZero) : minutes;

    /// <summary>Money to two places, half away from zero (as an accountant rounds).</summary>
    public static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
