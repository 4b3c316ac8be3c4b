using Okno.Customers;
using Okno.Platform.Web;
using Okno.Routing;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Tests.Routing;

/// <summary>The rules of moving a ticket between support lines (issue 16): which target and reason are accepted, when a
/// comment is needed, escalation versus return; what the ticket records; the event derived from the record.</summary>
public sealed class EscalationRulesTests
{
    private const long L1 = 10, L2 = 20, L3 = 30, NotALine = 99, Reason = 7;
    private static readonly Dictionary<long, int> Lines = new() { [L1] = 1, [L2] = 2, [L3] = 3 };
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, long?, long?, long?, string?, long?, string> Refusals => new()
    {
        // case, current group, target, reason given, comment, active reason, expected "field:code"
        { "no target", L1, null, Reason, "x", Reason, "groupId:" + ErrorCodes.Required },
        { "not a line", L1, NotALine, Reason, "x", Reason, "groupId:" + RoutingErrorCodes.NotALine },
        { "same line", L2, L2, Reason, "x", Reason, "groupId:" + RoutingErrorCodes.SameLine },
        { "no reason", L1, L2, null, "x", null, "reason:" + RoutingErrorCodes.ReasonRequired },
        { "unknown or archived reason", L1, L2, Reason, "x", null, "reason:" + RoutingErrorCodes.ReasonUnknown },
        { "escalation without comment", L1, L2, Reason, "  ", Reason, "comment:" + ErrorCodes.Required },
        { "comment too long", L2, L1, Reason, new string('я', TicketEvent.CommentMaxLength + 1), Reason, "comment:" + ErrorCodes.TooLong },
        { "control characters", L1, L2, Reason, "a\u0001b", Reason, "comment:" + ErrorCodes.ControlCharacters },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_move_is_refused_naming_the_field(string @case, long? current, long? target, long? reason, string? comment, long? activeReason,
        string expected)
    {
        var error = Assert.IsType<InvalidInput>(Assert.Throws<OknoException>(() =>
            EscalationRules.Check(new EscalationRequest(target, reason, comment), current, Lines, activeReason)).Error);
        var (field, code) = (expected.Split(':')[0], expected.Split(':')[1]);
        Assert.True(error.Fields.TryGetValue(field, out var errors), $"{@case}: no error at {field}");
        Assert.Contains(errors, e => e.Code == code);
        Assert.Single(error.Fields);
    }

    public static TheoryData<long?, long, string?, bool> Moves => new()
    {
        // current group, target, comment, returned
        { L1, L2, "нужен доступ к БД", false },
        { L1, L3, "сразу на третью", false },
        { L3, L1, null, true },          // a return may go without a comment
        { L3, L2, "", true },
        { L2, L1, "готово, вернуть", true },
        { null, L1, "из ниоткуда", false },     // no group: any line is up
        { NotALine, L1, "из группы-не-линии", false },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_later_line_is_an_escalation_and_an_earlier_one_a_return(long? current, long target, string? comment, bool returned)
    {
        var move = EscalationRules.Check(new EscalationRequest(target, Reason, comment), current, Lines, Reason);
        Assert.Equal(new EscalationMove(target, returned, Reason, comment?.Trim() ?? ""), move);
    }

    [Fact]
    public void Escalating_records_the_escalation_then_the_group_change_and_derives_both_events()
    {
        var ticket = Ticket.Create(1001, "Нет доступа", new Contact { Id = 5, Name = "Иван" }, ChannelKind.Email, TicketPriority.Normal,
            TicketType.Question, L1, Actor.System, T0);
        ticket.AssignTo(3, Actor.Agent(3), T0);
        var agent = Actor.Agent(3);

        ticket.Escalate(L2, returned: false, Reason, "Нужен доступ к БД", agent, T0.AddMinutes(5));
        ticket.AssignTo(null, agent, T0.AddMinutes(5));

        Assert.Equal(L2, ticket.GroupId);
        var escalation = ticket.History[^3];
        Assert.Equal((TicketEventKind.Escalated, Ticket.EscalatedField, "10", "20", (long?)Reason, "Нужен доступ к БД"),
            (escalation.Kind, escalation.Field, escalation.OldValue, escalation.NewValue, escalation.ReasonId, escalation.Comment));
        Assert.Equal((TicketEventKind.Changed, "group"), (ticket.History[^2].Kind, ticket.History[^2].Field));

        var events = TicketEventOutbox.Derive(null!, new TicketEventOutbox.Pending(ticket.History, Guid.NewGuid(), T0)).ToList();
        var escalated = Assert.Single(events.OfType<TicketEscalated>());
        Assert.Equal(new TicketEscalated(L1, L2, false, Reason, "Нужен доступ к БД"),
            new TicketEscalated(escalated.FromGroupId, escalated.ToGroupId, escalated.Returned, escalated.ReasonId, escalated.Comment));
        Assert.Equal(agent, escalated.Cause);
        // The escalation comes before its group change: at it the ticket is still in the line it leaves.
        Assert.Equal(L1, escalated.After.GroupId);
        var moved = Assert.Single(events.OfType<TicketGroupChanged>(), e => e.To == L2);
        Assert.Equal(escalated.TicketVersion + 1, moved.TicketVersion);
        Assert.Equal((L2, (long?)null), (events[^1].After.GroupId, events[^1].After.AssigneeId));
    }

    [Fact]
    public void A_return_without_a_comment_is_recorded_as_returned_and_its_event_survives_the_outbox_round_trip()
    {
        var ticket = Ticket.Create(1002, "Вопрос", new Contact { Id = 5, Name = "Иван" }, ChannelKind.Email, TicketPriority.Normal,
            TicketType.Question, L3, Actor.System, T0);

        ticket.Escalate(L1, returned: true, Reason, "", Actor.Automation(4, 1), T0);

        var row = ticket.History.Single(h => h.Kind == TicketEventKind.Escalated);
        Assert.Equal((Ticket.ReturnedField, (string?)null), (row.Field, row.Comment));
        var derived = TicketEventOutbox.Derive(null!, new TicketEventOutbox.Pending(ticket.History, Guid.NewGuid(), T0)).OfType<TicketEscalated>().Single();
        var outbox = new Okno.Platform.Outbox.OutboxEvent
        {
            Id = 42, Topic = TicketEventOutbox.Topic, Type = derived.TypeName,
            Payload = System.Text.Json.JsonSerializer.Serialize<TicketDomainEvent>(derived, TicketEventOutbox.Json),
        };
        var read = Assert.IsType<TicketEscalated>(TicketEventOutbox.Read(outbox));
        Assert.Equal((L3, L1, true, Reason, ""), (read.FromGroupId, read.ToGroupId, read.Returned, read.ReasonId, read.Comment));
        Assert.Equal(Actor.Automation(4, 1), read.Cause);
    }

    [Fact]
    public void A_closed_ticket_is_not_escalated()
    {
        var ticket = Ticket.Create(1003, "Закрыта", new Contact { Id = 5, Name = "Иван" }, ChannelKind.Email, TicketPriority.Normal,
            TicketType.Question, L1, Actor.System, T0);
        ticket.ChangeStatus(TicketStatus.Closed, Actor.Agent(3), T0);
        Assert.IsType<TicketIsClosed>(Assert.Throws<OknoException>(() => ticket.Escalate(L2, false, Reason, "x", Actor.Agent(3), T0)).Error);
    }

    [Theory]
    [InlineData(new long[] { 5 }, 5.0)]
    [InlineData(new long[] { 9, 1, 5 }, 5.0)]
    [InlineData(new long[] { 10, 2, 4, 8 }, 6.0)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones(long[] values, double median) =>
        Assert.Equal(median, LineReport.Median(values));

    [Theory]
    [InlineData(TicketStatus.Open, TicketStatus.Resolved, true)]
    [InlineData(TicketStatus.Open, TicketStatus.Closed, true)]
    [InlineData(TicketStatus.Resolved, TicketStatus.Closed, false)]   // counted when it was resolved
    [InlineData(TicketStatus.Open, TicketStatus.Pending, false)]
    public void A_resolution_is_a_resolve_or_a_close_that_did_not_follow_one(TicketStatus from, TicketStatus to, bool counts) =>
        Assert.Equal(counts, LineFacts.IsResolution(new TicketStatusChanged(from, to)));
}
