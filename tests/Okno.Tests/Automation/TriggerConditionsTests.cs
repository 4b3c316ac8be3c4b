using Okno.Automation.Triggers;
using Okno.Customers;
using Okno.Tickets;
using Okno.Tickets.Events;

namespace Okno.Tests.Automation;

/// <summary>Each registered condition judged against a ticket and an event, table-driven: state operators (equals, not
/// equals, in, is empty, contains with Russian word forms) and change operators (changed, changed to, changed from),
/// which hold only for the event that made that change.</summary>
public sealed class TriggerConditionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TriggerConditions Registry = new(
    [
        new StatusCondition(), new PriorityCondition(), new TypeCondition(), new ChannelCondition(), new GroupCondition(), new AssigneeCondition(),
        new CompanyCondition(), new TagsCondition(), new SubjectCondition(), new MessageTextCondition(), new ContactNameCondition(),
        new ContactEmailCondition(), new CompanyNameCondition(), new SlaTargetCondition(),
    ]);

    private static TriggerContext Context(TicketDomainEvent? e = null)
    {
        var ticket = Ticket.Create(1, "Не проходит оплата картой", new Contact { Id = 5, Name = "Иван Петров", CompanyId = 42 }, ChannelKind.Email,
            TicketPriority.High, TicketType.Incident, 7, Actor.System, Now);
        ticket.AssignTo(11, Actor.System, Now);
        ticket.ChangeStatus(TicketStatus.Pending, Actor.System, Now);
        ticket.Tags.Add(new TicketTag { Ticket = ticket, Tag = new Tag { Name = "vip" } });
        return new TriggerContext(ticket, e)
        {
            ContactName = "Иван Петров", ContactEmails = ["ivan@shop.example.ru", "i.petrov@mail.example"], CompanyName = "ООО «Ромашка»",
            MessageText = e is TicketMessageEvent ? "Деньги списались, а заказ не оформлен" : null,
        };
    }

    public static TheoryData<string, string, string[], TicketDomainEvent?, bool> Cases => new()
    {
        { "status", "equals", ["pending"], null, true },
        { "status", "not_equals", ["pending"], null, false },
        { "status", "in", ["new", "open"], null, false },
        { "status", "changed", [], new TicketStatusChanged(TicketStatus.Open, TicketStatus.Pending), true },
        { "status", "changed", [], new TicketPriorityChanged(TicketPriority.Low, TicketPriority.High), false },
        { "status", "changed_to", ["pending"], new TicketStatusChanged(TicketStatus.Open, TicketStatus.Pending), true },
        { "status", "changed_to", ["pending"], null, false },
        { "status", "changed_from", ["open"], new TicketStatusChanged(TicketStatus.Open, TicketStatus.Pending), true },
        { "status", "changed_from", ["new"], new TicketStatusChanged(TicketStatus.Open, TicketStatus.Pending), false },
        { "priority", "equals", ["high"], null, true },
        { "priority", "in", ["low", "urgent"], null, false },
        { "priority", "changed_to", ["high"], new TicketPriorityChanged(TicketPriority.Low, TicketPriority.High), true },
        { "type", "equals", ["incident"], null, true },
        { "type", "changed_from", ["question"], new TicketTypeChanged(TicketType.Question, TicketType.Incident), true },
        { "channel", "equals", ["email"], null, true },
        { "channel", "in", ["chat", "telegram"], null, false },
        { "group", "equals", ["7"], null, true },
        { "group", "is_empty", [], null, false },
        { "group", "changed_to", ["7"], new TicketGroupChanged(null, 7), true },
        { "group", "changed_from", ["7"], new TicketGroupChanged(null, 7), false },
        { "assignee", "in", ["10", "11"], null, true },
        { "assignee", "changed", [], new TicketAssigneeChanged(null, 11), true },
        { "company", "equals", ["42"], null, true },
        { "company", "not_equals", ["42"], null, false },
        { "tags", "contains", ["VIP"], null, true },
        { "tags", "not_contains", ["vip", "spam"], null, false },
        { "tags", "is_empty", [], null, false },
        { "tags", "changed_to", ["vip"], new TicketTagsChanged([], ["vip"]), true },
        { "tags", "changed_to", ["vip"], new TicketTagsChanged(["vip"], ["vip", "x"]), false },
        { "tags", "changed_from", ["spam"], new TicketTagsChanged(["spam"], ["vip"]), true },
        // Word forms through the search analyzer: «оплатой» and «оплата», «карты» and «картой».
        { "subject", "contains", ["оплатой"], null, true },
        { "subject", "contains", ["карты оплата"], null, true },
        { "subject", "contains", ["возврат", "ОПЛАТА"], null, true },
        { "subject", "contains", ["возврат"], null, false },
        { "subject", "not_contains", ["возврат"], null, true },
        { "subject", "equals", ["не проходит ОПЛАТА картой"], null, true },
        { "subject", "changed", [], new TicketSubjectChanged("a", "b"), true },
        { "message", "contains", ["списание денег"], new MessageReceived(3), false },
        { "message", "contains", ["деньгами списались"], new MessageReceived(3), true },
        { "message", "is_empty", [], null, true },
        { "contact_name", "contains", ["петров"], null, true },
        { "contact_email", "contains", ["@shop.example.ru"], null, true },
        { "contact_email", "equals", ["I.PETROV@mail.example"], null, true },
        { "contact_email", "contains", ["shop example"], null, false },
        { "company_name", "contains", ["ромашки"], null, true },
        { "sla_target", "equals", ["first_response"], new SlaAlertRaised("first_response", true, Now), true },
        { "sla_target", "in", ["resolution"], new SlaAlertRaised("first_response", true, Now), false },
        { "sla_target", "equals", ["first_response"], null, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_condition_holds_exactly_when_the_ticket_or_the_event_says_so(string field, string op, string[] values, TicketDomainEvent? e, bool expected)
    {
        var condition = Registry.Find(field);
        Assert.NotNull(condition);
        Assert.Contains(op, condition.Operators);
        Assert.Equal(expected, condition.Prepare(op, values)(Context(e)));
    }

    [Fact]
    public void A_condition_is_prepared_once_and_then_judges_any_ticket()
    {
        var prepared = Registry.Prepare(new ConditionSpec("subject", "contains", ["  ОПЛАТОЙ ", null]));
        Assert.Equal(["  ОПЛАТОЙ "], prepared.Values);
        Assert.True(prepared.Holds(Context()));
        Assert.True(prepared.Holds(Context(new MessageReceived(3))));
        Assert.Equal(ConditionFacts.Contact, Registry.Prepare(new ConditionSpec("contact_name", "is_empty", [])).Needs);
    }

    [Theory]
    [InlineData("no_such_field", "equals", new[] { "x" })]
    [InlineData("status", "contains", new[] { "pending" })]
    [InlineData("status", "equals", new string[0])]
    [InlineData("tags", "changed_to", new string[0])]
    [InlineData("group", "equals", new[] { "007" })]
    public void A_stored_condition_that_cannot_be_judged_never_holds(string field, string op, string[] values)
    {
        var prepared = Registry.Prepare(new ConditionSpec(field, op, values.Cast<string?>().ToList()));
        Assert.False(prepared.Holds(Context()));
        Assert.False(prepared.Holds(Context(new TicketTagsChanged([], ["vip"]))));
    }

    [Fact]
    public void Every_condition_has_operators_that_take_the_right_number_of_values()
    {
        Assert.Equal(14, Registry.All.Count);
        foreach (var condition in Registry.All)
            Assert.All(condition.Operators, op => Assert.True(ConditionOperators.ValueCount(op).Max >= ConditionOperators.ValueCount(op).Min));
    }
}
