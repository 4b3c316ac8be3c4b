using Okno.Customers.Contracts;
using Okno.Customers.WorkLogs;

namespace Okno.Tests.Customers;

/// <summary>Within the contract or billable (issue 20), as a table: every contract kind, the hour package's remainder
/// (a line crossing it is split), the contract's period, and an agent's override.</summary>
public sealed class WorkCoverageTests
{
    private static readonly DateOnly Day = new(2026, 11, 10);
    private const long Hour = 1, Visit = 2, Cable = 3;

    /// <summary>contract: "none", or "kind:packageMinutes:usedMinutes:startOffset:endOffset" (end "-" is open-ended) with the
    /// subscription including <see cref="Visit"/>; line: "item:minutes-or-quantity[:override]" (hour and visit are services,
    /// only hour is time; cable a material); expected: "withinQuantity/billableQuantity/packageMinutes/reason".</summary>
    [Theory]
    // No contract: billable, whatever the line.
    [InlineData("none", "hour:90", "0/1.5/0/none")]
    [InlineData("none", "cable:10", "0/10/0/none")]
    // Subscription: an included item is within, anything else billable.
    [InlineData("subscription:0:0:-30:-", "visit:1", "1/0/0/included")]
    [InlineData("subscription:0:0:-30:-", "hour:60", "0/1/0/not_included")]
    [InlineData("subscription:0:0:-30:-", "cable:3", "0/3/0/not_included")]
    // Per incident: always billable.
    [InlineData("per_incident:0:0:-30:-", "visit:1", "0/1/0/per_incident")]
    // Hour package: hour services within while minutes are left…
    [InlineData("hour_package:120:0:-30:-", "hour:60", "1/0/60/package")]
    [InlineData("hour_package:120:60:-30:-", "hour:60", "1/0/60/package")]
    // …a line crossing the remainder is split (15 of 45 minutes left: a third within)…
    [InlineData("hour_package:120:75:-30:-", "hour:90", "0.75/0.75/45/package_split")]
    [InlineData("hour_package:120:105:-30:-", "hour:30", "0.25/0.25/15/package_split")]
    // …nothing left: billable; used beyond the package (an override took more): still billable.
    [InlineData("hour_package:120:120:-30:-", "hour:30", "0/0.5/0/package_exhausted")]
    [InlineData("hour_package:120:150:-30:-", "hour:30", "0/0.5/0/package_exhausted")]
    // …materials and services that are not time are billable.
    [InlineData("hour_package:120:0:-30:-", "cable:5", "0/5/0/material")]
    [InlineData("hour_package:120:0:-30:-", "visit:1", "0/1/0/not_time")]
    // Outside the contract's period (starts tomorrow; ended yesterday): billable. Start and end days are inside.
    [InlineData("hour_package:120:0:1:-", "hour:60", "0/1/0/outside_period")]
    [InlineData("subscription:0:0:-30:-1", "visit:1", "0/1/0/outside_period")]
    [InlineData("subscription:0:0:0:0", "visit:1", "1/0/0/included")]
    // Overrides: the whole line, whatever the contract; within on a package still counts its minutes.
    [InlineData("none", "hour:60:within", "1/0/0/override")]
    [InlineData("subscription:0:0:-30:-", "visit:1:billable", "0/1/0/override")]
    [InlineData("hour_package:120:0:-30:-", "hour:60:billable", "0/1/0/override")]
    [InlineData("hour_package:120:120:-30:-", "hour:30:within", "0.5/0/30/override")]
    [InlineData("per_incident:0:0:-30:-", "cable:2:within", "2/0/0/override")]
    public void A_line_is_within_billable_or_split_as_its_contract_says(string contract, string line, string expected)
    {
        var split = WorkCoverage.Decide(Contract(contract), Line(line));
        Assert.Equal(expected, string.Join('/', Fmt(split.WithinQuantity), Fmt(split.BillableQuantity), split.PackageMinutes, split.Reason));
        Assert.Equal(Line(line).Quantity, split.WithinQuantity + split.BillableQuantity);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(59, 1, 1)]
    [InlineData(61, 1, 2)]
    [InlineData(450, 1, 8)]
    [InlineData(450, 5, 10)]
    [InlineData(600, 15, 15)]
    [InlineData(901, 15, 30)]
    public void A_stopped_timer_rounds_up_to_the_step(int seconds, int step, int minutes) =>
        Assert.Equal(minutes, WorkTimers.RoundUp(TimeSpan.FromSeconds(seconds), step));

    private static string Fmt(decimal d) => d.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static CoverageContract? Contract(string spec)
    {
        if (spec == "none") return null;
        var p = spec.Split(':');
        var kind = p[0] switch { "subscription" => ContractKind.Subscription, "hour_package" => ContractKind.HourPackage, _ => ContractKind.PerIncident };
        return new CoverageContract(kind, Day.AddDays(int.Parse(p[3])), p[4] == "-" ? null : Day.AddDays(int.Parse(p[4])),
            new HashSet<long> { Visit }, int.Parse(p[1]), int.Parse(p[2]));
    }

    private static CoverageLine Line(string spec)
    {
        var p = spec.Split(':');
        var amount = int.Parse(p[1]);
        CoverageOverride? forced = p.Length > 2 ? (p[2] == "within" ? CoverageOverride.Within : CoverageOverride.Billable) : null;
        return p[0] switch
        {
            "hour" => new CoverageLine(Hour, PriceItemKind.Service, true, WorkCoverage.QuantityOf("hour", amount), amount, Day, forced),
            "visit" => new CoverageLine(Visit, PriceItemKind.Service, false, amount, 0, Day, forced),
            _ => new CoverageLine(Cable, PriceItemKind.Material, false, amount, 0, Day, forced),
        };
    }
}
