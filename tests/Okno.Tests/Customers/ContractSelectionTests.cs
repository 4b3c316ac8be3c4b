using Okno.Customers.Contracts;

namespace Okno.Tests.Customers;

/// <summary>Which contract a new ticket is linked to (issue 20), as a table: the company's active contracts covering the
/// day the ticket was opened; of several, the company's default, else the most recently started, else the newest.</summary>
public sealed class ContractSelectionTests
{
    private static readonly DateOnly Day = new(2026, 12, 6);

    /// <summary>Each contract as "id:company:active:default:start:end" (end "-" is open-ended; dates as days from
    /// <see cref="Day"/>).</summary>
    [Theory]
    // No company: no contract, whatever there is.
    [InlineData(null, "1:7:y:n:-10:-", null)]
    // The one contract of the company covering the day.
    [InlineData(7L, "1:7:y:n:-10:-", 1L)]
    // Another company's contract never.
    [InlineData(7L, "1:8:y:n:-10:-", null)]
    // Inactive: not chosen.
    [InlineData(7L, "1:7:n:n:-10:-", null)]
    // Starts tomorrow; ended yesterday: not covering. Starts today, ends today: covering (both inclusive).
    [InlineData(7L, "1:7:y:n:1:-", null)]
    [InlineData(7L, "1:7:y:n:-30:-1", null)]
    [InlineData(7L, "1:7:y:n:0:0", 1L)]
    // Several: the most recently started wins…
    [InlineData(7L, "1:7:y:n:-30:-|2:7:y:n:-5:30", 2L)]
    // …unless another is the company's default.
    [InlineData(7L, "1:7:y:y:-30:-|2:7:y:n:-5:30", 1L)]
    // A default that does not cover the day does not count.
    [InlineData(7L, "1:7:y:y:-30:-20|2:7:y:n:-5:30", 2L)]
    // The same start: the newest (highest id).
    [InlineData(7L, "3:7:y:n:-5:-|4:7:y:n:-5:-", 4L)]
    // An inactive default is passed over for an active one.
    [InlineData(7L, "1:7:n:y:-30:-|2:7:y:n:-40:-", 2L)]
    public void The_ticket_gets_the_rules_contract(long? company, string contracts, long? expected)
    {
        var candidates = contracts.Split('|').Select(Parse).ToList();
        Assert.Equal(expected, ContractSelection.Choose(candidates, company, Day));
    }

    [Fact]
    public void No_contracts_no_link() => Assert.Null(ContractSelection.Choose([], 7, Day));

    /// <summary>Contracts as "id:default:start:objects" of company 7, active, open-ended ("objects": covered object ids
    /// joined by "+", "-" for none: the whole company); the ticket names <paramref name="objectId"/>.</summary>
    [Theory]
    // The object's own contract beats the company-wide one, even the default and a more recent one.
    [InlineData(10L, "1:y:-5:-|2:n:-30:10", 2L)]
    [InlineData(10L, "1:n:-5:-|2:n:-30:10+11", 2L)]
    // A contract of other objects does not cover this one: the company-wide contract is chosen…
    [InlineData(10L, "1:n:-30:-|2:y:-5:11", 1L)]
    // …and with no company-wide contract, none.
    [InlineData(10L, "2:y:-5:11", null)]
    // No object named: every contract of the company may be chosen, by the usual rule (default first).
    [InlineData(null, "1:n:-30:-|2:y:-5:11", 2L)]
    [InlineData(null, "1:n:-30:-|2:n:-5:11", 2L)]
    // Two contracts naming the object: the usual rule between them (default, then the most recent start).
    [InlineData(10L, "1:n:-30:10|2:n:-5:10|3:n:-1:-", 2L)]
    [InlineData(10L, "1:y:-30:10|2:n:-5:10", 1L)]
    public void A_contract_covering_the_tickets_object_is_preferred(long? objectId, string contracts, long? expected)
    {
        var candidates = contracts.Split('|').Select(text =>
        {
            var p = text.Split(':');
            return new ContractCandidate(long.Parse(p[0]), 7, true, p[1] == "y", Day.AddDays(int.Parse(p[2])), null,
                p[3] == "-" ? [] : p[3].Split('+').Select(long.Parse).ToList());
        }).ToList();
        Assert.Equal(expected, ContractSelection.Choose(candidates, 7, Day, objectId));
    }

    private static ContractCandidate Parse(string text)
    {
        var p = text.Split(':');
        return new ContractCandidate(long.Parse(p[0]), long.Parse(p[1]), p[2] == "y", p[3] == "y", Day.AddDays(int.Parse(p[4])),
            p[5] == "-" ? null : Day.AddDays(int.Parse(p[5])));
    }
}
