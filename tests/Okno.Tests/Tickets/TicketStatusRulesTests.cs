using Okno.Tickets;

namespace Okno.Tests.Tickets;

public sealed class TicketStatusRulesTests
{
    private const TicketStatus New = TicketStatus.New;
    private const TicketStatus Open = TicketStatus.Open;
    private const TicketStatus Pending = TicketStatus.Pending;
    private const TicketStatus OnHold = TicketStatus.OnHold;
    private const TicketStatus Resolved = TicketStatus.Resolved;
    private const TicketStatus Closed = TicketStatus.Closed;

    /// <summary>Every (from, to) pair of the six statuses, with whether the move is allowed.</summary>
    public static TheoryData<TicketStatus, TicketStatus, bool> AllPairs => new()
    {
        { New, New, false }, { New, Open, true }, { New, Pending, true }, { New, OnHold, true }, { New, Resolved, true }, { New, Closed, true },
        { Open, New, false }, { Open, Open, false }, { Open, Pending, true }, { Open, OnHold, true }, { Open, Resolved, true }, { Open, Closed, true },
        { Pending, New, false }, { Pending, Open, true }, { Pending, Pending, false }, { Pending, OnHold, true }, { Pending, Resolved, true }, { Pending, Closed, true },
        { OnHold, New, false }, { OnHold, Open, true }, { OnHold, Pending, true }, { OnHold, OnHold, false }, { OnHold, Resolved, true }, { OnHold, Closed, true },
        { Resolved, New, false }, { Resolved, Open, true }, { Resolved, Pending, false }, { Resolved, OnHold, false }, { Resolved, Resolved, false }, { Resolved, Closed, true },
        { Closed, New, false }, { Closed, Open, false }, { Closed, Pending, false }, { Closed, OnHold, false }, { Closed, Resolved, false }, { Closed, Closed, false },
    };

    [Fact]
    public void Table_covers_every_pair_of_statuses_exactly_once()
    {
        var statuses = Enum.GetValues<TicketStatus>();
        var pairs = AllPairs.Select(row => ((TicketStatus)row[0], (TicketStatus)row[1])).ToList();

        Assert.Equal(statuses.Length * statuses.Length, pairs.Count);
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanChange_allows_exactly_the_listed_transitions(TicketStatus from, TicketStatus to, bool allowed)
    {
        Assert.Equal(allowed, TicketStatusRules.CanChange(from, to));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void NextOf_agrees_with_CanChange(TicketStatus from, TicketStatus to, bool allowed)
    {
        Assert.Equal(allowed, TicketStatusRules.NextOf(from).Contains(to));
    }

    [Fact]
    public void Closed_is_final()
    {
        Assert.Empty(TicketStatusRules.NextOf(TicketStatus.Closed));
    }

    [Fact]
    public void Nothing_goes_back_to_new()
    {
        Assert.All(Enum.GetValues<TicketStatus>(), from => Assert.False(TicketStatusRules.CanChange(from, TicketStatus.New)));
    }

    [Fact]
    public void Resolved_may_only_go_to_open_or_closed()
    {
        Assert.Equal([TicketStatus.Open, TicketStatus.Closed], TicketStatusRules.NextOf(TicketStatus.Resolved).Order());
    }

    [Theory]
    [InlineData(TicketStatus.New, true)]
    [InlineData(TicketStatus.Open, true)]
    [InlineData(TicketStatus.Pending, true)]
    [InlineData(TicketStatus.OnHold, true)]
    [InlineData(TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.Closed, false)]
    public void IsOpenLike_is_false_only_for_resolved_and_closed(TicketStatus status, bool openLike)
    {
        Assert.Equal(openLike, TicketStatusRules.IsOpenLike(status));
    }
}
