using Microsoft.Extensions.Time.Testing;
using Okno.Customers;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Tests.Tickets;

/// <summary>The domain rules of <see cref="Ticket"/>: status changes, messages, history and version.</summary>
public sealed class TicketTests
{
    private static readonly Actor Agent = Actor.Agent(7);
    private static readonly Actor Customer = Actor.Contact(5);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    private DateTimeOffset Later(int minutes = 5)
    {
        _clock.Advance(TimeSpan.FromMinutes(minutes));
        return _clock.GetUtcNow();
    }

    private Ticket NewTicket(long? groupId = null, string subject = "  Не работает вход  ", long number = 1001) =>
        Ticket.Create(number, subject, new Contact { Id = 5, Name = "Иван" }, ChannelKind.Email, TicketPriority.Normal,
            TicketType.Question, groupId, Customer, Now);

    private Ticket TicketIn(TicketStatus status)
    {
        var ticket = NewTicket();
        if (status == TicketStatus.New) return ticket;
        if (status is TicketStatus.Resolved or TicketStatus.Closed) ticket.ChangeStatus(TicketStatus.Open, Agent, Later());
        ticket.ChangeStatus(status, Agent, Later());
        Assert.Equal(status, ticket.Status);
        return ticket;
    }

    private static Message Reply(DateTimeOffset at, string text = "Здравствуйте!") =>
        new(MessageDirection.Out, isInternal: false, Agent, text, $"<p>{text}</p>", at);

    private static Message Note(DateTimeOffset at) =>
        new(MessageDirection.Out, isInternal: true, Agent, "для своих", "<p>для своих</p>", at);

    private static Message Inbound(DateTimeOffset at) =>
        new(MessageDirection.In, isInternal: false, Customer, "Всё ещё не работает", "<p>Всё ещё не работает</p>", at);

    private static T Refused<T>(Action action) where T : OknoError
    {
        var e = Assert.Throws<OknoException>(action);
        return Assert.IsType<T>(e.Error);
    }

    // --- creation -------------------------------------------------------------------------------------------

    [Fact]
    public void New_ticket_is_new_with_trimmed_subject_and_a_created_event()
    {
        var ticket = NewTicket(number: 1001);

        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(1001, ticket.Number);
        Assert.Equal("Не работает вход", ticket.Subject);
        Assert.Equal(Now, ticket.CreatedAt);
        Assert.Equal(Now, ticket.UpdatedAt);
        Assert.Null(ticket.FirstResponseAt);
        Assert.Null(ticket.ResolvedAt);
        Assert.Null(ticket.ClosedAt);
        var created = Assert.Single(ticket.History);
        Assert.Equal(TicketEventKind.Created, created.Kind);
        Assert.Equal("Не работает вход", created.NewValue);
        Assert.Null(created.Field);
        Assert.Equal(ActorKind.Contact, created.ActorKind);
        Assert.Equal(5, created.ActorId);
        Assert.Equal(Now, created.At);
        Assert.Equal(1, ticket.Version);
    }

    [Fact]
    public void A_customers_ticket_routed_to_a_group_credits_the_routing_to_the_system_and_the_opening_to_the_customer()
    {
        var ticket = NewTicket(groupId: 3);

        Assert.Equal(
            new (TicketEventKind, string?, ActorKind, long?)[] { (TicketEventKind.Created, null, ActorKind.Contact, 5), (TicketEventKind.Changed, "group", ActorKind.System, null) },
            ticket.History.Select(e => (e.Kind, e.Field, e.ActorKind, e.ActorId)));
    }

    [Fact]
    public void An_agents_ticket_routed_to_a_group_credits_the_routing_to_the_agent()
    {
        var ticket = Ticket.Create(1, "s", new Contact { Id = 5, Name = "Иван" }, ChannelKind.Phone, TicketPriority.Normal,
            TicketType.Question, 3, Agent, Now);

        Assert.All(ticket.History, e => Assert.Equal((ActorKind.Agent, (long?)7), (e.ActorKind, e.ActorId)));
    }

    [Fact]
    public void New_ticket_takes_the_contact_and_its_company()
    {
        var contact = new Contact { Id = 5, Name = "Иван", CompanyId = 42 };
        var ticket = Ticket.Create(1, "s", contact, ChannelKind.Telegram, TicketPriority.High, TicketType.Incident, null, Customer, Now);

        Assert.Same(contact, ticket.Contact);
        Assert.Equal(42, ticket.CompanyId);
        Assert.Equal(ChannelKind.Telegram, ticket.Channel);
        Assert.Equal(TicketPriority.High, ticket.Priority);
        Assert.Equal(TicketType.Incident, ticket.Type);
    }

    [Fact]
    public void New_ticket_in_a_group_records_the_group_after_the_created_event()
    {
        var ticket = NewTicket(groupId: 3);

        Assert.Equal(3, ticket.GroupId);
        Assert.Collection(ticket.History,
            e => Assert.Equal(TicketEventKind.Created, e.Kind),
            e =>
            {
                Assert.Equal(TicketEventKind.Changed, e.Kind);
                Assert.Equal("group", e.Field);
                Assert.Null(e.OldValue);
                Assert.Equal("3", e.NewValue);
            });
        Assert.Equal(2, ticket.Version);
    }

    // --- status ---------------------------------------------------------------------------------------------

    [Fact]
    public void Status_change_records_one_event_with_snake_case_values()
    {
        var ticket = TicketIn(TicketStatus.Open);
        var before = ticket.History.Count;
        var at = Later();

        ticket.ChangeStatus(TicketStatus.OnHold, Agent, at);

        Assert.Equal(TicketStatus.OnHold, ticket.Status);
        Assert.Equal(before + 1, ticket.History.Count);
        var e = ticket.History[^1];
        Assert.Equal(TicketEventKind.Changed, e.Kind);
        Assert.Equal("status", e.Field);
        Assert.Equal("open", e.OldValue);
        Assert.Equal("on_hold", e.NewValue);
        Assert.Equal(ActorKind.Agent, e.ActorKind);
        Assert.Equal(7, e.ActorId);
        Assert.Equal(at, e.At);
        Assert.Equal(at, ticket.UpdatedAt);
    }

    [Fact]
    public void Illegal_status_change_throws_and_leaves_status_and_history_unchanged()
    {
        var ticket = TicketIn(TicketStatus.Resolved);
        var history = ticket.History.ToList();
        var version = ticket.Version;
        var updatedAt = ticket.UpdatedAt;
        var resolvedAt = ticket.ResolvedAt;

        var error = Refused<IllegalStatusChange>(() => ticket.ChangeStatus(TicketStatus.Pending, Agent, Later()));

        Assert.Equal(TicketStatus.Resolved, error.From);
        Assert.Equal(TicketStatus.Pending, error.To);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal(history, ticket.History);
        Assert.Equal(version, ticket.Version);
        Assert.Equal(updatedAt, ticket.UpdatedAt);
        Assert.Equal(resolvedAt, ticket.ResolvedAt);
    }

    [Fact]
    public void Illegal_status_change_names_the_allowed_next_statuses()
    {
        var ticket = TicketIn(TicketStatus.Resolved);

        var e = Assert.Throws<OknoException>(() => ticket.ChangeStatus(TicketStatus.OnHold, Agent, Later()));

        Assert.Contains("'resolved'", e.Message);
        Assert.Contains("'on_hold'", e.Message);
        Assert.Contains("open, closed", e.Message);
    }

    [Theory]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Resolved)]
    public void Status_never_goes_back_to_new(TicketStatus from)
    {
        var ticket = TicketIn(from);

        Refused<IllegalStatusChange>(() => ticket.ChangeStatus(TicketStatus.New, Agent, Later()));
        Assert.Equal(from, ticket.Status);
    }

    [Fact]
    public void Changing_status_to_the_same_status_records_nothing()
    {
        var ticket = TicketIn(TicketStatus.Pending);
        var count = ticket.History.Count;
        var version = ticket.Version;
        var updatedAt = ticket.UpdatedAt;

        ticket.ChangeStatus(TicketStatus.Pending, Agent, Later());

        Assert.Equal(count, ticket.History.Count);
        Assert.Equal(version, ticket.Version);
        Assert.Equal(updatedAt, ticket.UpdatedAt);
    }

    [Fact]
    public void Resolving_sets_ResolvedAt_and_reopening_clears_it()
    {
        var ticket = TicketIn(TicketStatus.Open);
        var resolvedAt = Later();

        ticket.ChangeStatus(TicketStatus.Resolved, Agent, resolvedAt);
        Assert.Equal(resolvedAt, ticket.ResolvedAt);
        Assert.Null(ticket.ClosedAt);

        ticket.ChangeStatus(TicketStatus.Open, Agent, Later());
        Assert.Null(ticket.ResolvedAt);
        Assert.Equal(TicketStatus.Open, ticket.Status);
    }

    [Fact]
    public void Closing_sets_ClosedAt_and_keeps_the_earlier_ResolvedAt()
    {
        var ticket = TicketIn(TicketStatus.Open);
        var resolvedAt = Later();
        ticket.ChangeStatus(TicketStatus.Resolved, Agent, resolvedAt);
        var closedAt = Later(60);

        ticket.ChangeStatus(TicketStatus.Closed, Agent, closedAt);

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(closedAt, ticket.ClosedAt);
        Assert.Equal(resolvedAt, ticket.ResolvedAt);
    }

    [Fact]
    public void Closing_an_unresolved_ticket_sets_ClosedAt_and_ResolvedAt()
    {
        var ticket = TicketIn(TicketStatus.Open);
        var closedAt = Later();

        ticket.ChangeStatus(TicketStatus.Closed, Agent, closedAt);

        Assert.Equal(closedAt, ticket.ClosedAt);
        Assert.Equal(closedAt, ticket.ResolvedAt);
    }

    // --- closed is final ------------------------------------------------------------------------------------

    [Theory]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.Closed)]
    public void Closed_ticket_refuses_status_change(TicketStatus to)
    {
        var ticket = TicketIn(TicketStatus.Closed);
        var count = ticket.History.Count;

        var error = Refused<TicketIsClosed>(() => ticket.ChangeStatus(to, Agent, Later()));

        Assert.Equal(ticket.Number, error.Number);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(count, ticket.History.Count);
    }

    [Fact]
    public void Closed_ticket_refuses_priority_change()
    {
        var ticket = TicketIn(TicketStatus.Closed);

        Refused<TicketIsClosed>(() => ticket.ChangePriority(TicketPriority.Urgent, Agent, Later()));
        Assert.Equal(TicketPriority.Normal, ticket.Priority);
    }

    [Fact]
    public void Closed_ticket_refuses_assignment()
    {
        var ticket = TicketIn(TicketStatus.Closed);

        Refused<TicketIsClosed>(() => ticket.AssignTo(7, Agent, Later()));
        Assert.Null(ticket.AssigneeId);
    }

    [Fact]
    public void Closed_ticket_refuses_messages()
    {
        var ticket = TicketIn(TicketStatus.Closed);
        var count = ticket.History.Count;

        Refused<TicketIsClosed>(() => ticket.AddMessage(Inbound(Now), Later()));

        Assert.Empty(ticket.Messages);
        Assert.Equal(0, ticket.MessageCount);
        Assert.Equal(count, ticket.History.Count);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }

    [Fact]
    public void Closed_ticket_refuses_other_changes()
    {
        var ticket = TicketIn(TicketStatus.Closed);

        Refused<TicketIsClosed>(() => ticket.ChangeType(TicketType.Bug, Agent, Later()));
        Refused<TicketIsClosed>(() => ticket.ChangeSubject("new", Agent, Later()));
        Refused<TicketIsClosed>(() => ticket.MoveToGroup(9, Agent, Later()));
        Refused<TicketIsClosed>(() => ticket.SetTags([new Tag { Name = "vip" }], Agent, Later()));
    }

    // --- messages -------------------------------------------------------------------------------------------

    [Fact]
    public void First_public_reply_sets_FirstResponseAt_and_opens_a_new_ticket()
    {
        var ticket = NewTicket();
        var at = Later();

        var message = ticket.AddMessage(Reply(at), at);

        Assert.Equal(at, ticket.FirstResponseAt);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Same(ticket, message.Ticket);
        Assert.Equal(1, ticket.MessageCount);
        Assert.Collection(ticket.History.Skip(1),
            e =>
            {
                Assert.Equal(TicketEventKind.MessageAdded, e.Kind);
                Assert.Same(message, e.Message);
            },
            e =>
            {
                Assert.Equal("status", e.Field);
                Assert.Equal("new", e.OldValue);
                Assert.Equal("open", e.NewValue);
                Assert.Equal(ActorKind.Agent, e.ActorKind);
            });
    }

    [Fact]
    public void Later_replies_keep_the_first_FirstResponseAt()
    {
        var ticket = NewTicket();
        var first = Later();
        ticket.AddMessage(Reply(first), first);

        var second = Later();
        ticket.AddMessage(Reply(second), second);

        Assert.Equal(first, ticket.FirstResponseAt);
        Assert.Equal(2, ticket.MessageCount);
    }

    [Fact]
    public void Internal_note_neither_counts_as_response_nor_opens_the_ticket()
    {
        var ticket = NewTicket();
        var at = Later();

        ticket.AddMessage(Note(at), at);

        Assert.Null(ticket.FirstResponseAt);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(1, ticket.MessageCount);
        var e = ticket.History[^1];
        Assert.Equal(TicketEventKind.NoteAdded, e.Kind);
        Assert.DoesNotContain(ticket.History, h => h.Field == "status");
    }

    [Fact]
    public void Public_reply_to_a_pending_ticket_keeps_it_pending()
    {
        var ticket = TicketIn(TicketStatus.Pending);
        var at = Later();

        ticket.AddMessage(Reply(at), at);

        Assert.Equal(TicketStatus.Pending, ticket.Status);
        Assert.Equal(at, ticket.FirstResponseAt);
    }

    [Theory]
    [InlineData(TicketStatus.Pending, "pending")]
    [InlineData(TicketStatus.Resolved, "resolved")]
    public void Inbound_message_reopens_the_ticket(TicketStatus from, string fromText)
    {
        var ticket = TicketIn(from);
        var at = Later();

        ticket.AddMessage(Inbound(at), at);

        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Null(ticket.ResolvedAt);
        Assert.Null(ticket.FirstResponseAt);
        var statusEvent = ticket.History[^1];
        Assert.Equal("status", statusEvent.Field);
        Assert.Equal(fromText, statusEvent.OldValue);
        Assert.Equal("open", statusEvent.NewValue);
        // The customer wrote; reopening is what the desk does about it.
        Assert.Equal((ActorKind.System, (long?)null), (statusEvent.ActorKind, statusEvent.ActorId));
        Assert.Equal((ActorKind.Contact, (long?)5), (ticket.History[^2].ActorKind, ticket.History[^2].ActorId));
        Assert.Equal(TicketEventKind.MessageAdded, ticket.History[^2].Kind);
    }

    [Theory]
    [InlineData(TicketStatus.New)]
    [InlineData(TicketStatus.Open)]
    [InlineData(TicketStatus.OnHold)]
    public void Inbound_message_leaves_other_statuses_alone(TicketStatus status)
    {
        var ticket = TicketIn(status);
        var at = Later();

        ticket.AddMessage(Inbound(at), at);

        Assert.Equal(status, ticket.Status);
        Assert.Equal(TicketEventKind.MessageAdded, ticket.History[^1].Kind);
        Assert.Null(ticket.FirstResponseAt);
    }

    [Fact]
    public void Inbound_internal_note_cannot_be_made()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new Message(MessageDirection.In, isInternal: true, Customer, "x", "<p>x</p>", Now));

        Assert.Equal("isInternal", e.ParamName);
    }

    // --- other fields ---------------------------------------------------------------------------------------

    [Fact]
    public void Priority_change_records_old_and_new_in_snake_case()
    {
        var ticket = NewTicket();

        ticket.ChangePriority(TicketPriority.Urgent, Agent, Later());

        Assert.Equal(TicketPriority.Urgent, ticket.Priority);
        var e = ticket.History[^1];
        Assert.Equal(("priority", "normal", "urgent"), (e.Field, e.OldValue, e.NewValue));
    }

    [Fact]
    public void Type_change_records_old_and_new_in_snake_case()
    {
        var ticket = NewTicket();

        ticket.ChangeType(TicketType.FeatureRequest, Agent, Later());

        Assert.Equal(TicketType.FeatureRequest, ticket.Type);
        var e = ticket.History[^1];
        Assert.Equal(("type", "question", "feature_request"), (e.Field, e.OldValue, e.NewValue));
    }

    [Fact]
    public void Subject_change_is_trimmed_and_records_old_and_new()
    {
        var ticket = NewTicket(subject: "Старая тема");

        ticket.ChangeSubject("  Новая тема ", Agent, Later());

        Assert.Equal("Новая тема", ticket.Subject);
        var e = ticket.History[^1];
        Assert.Equal(("subject", "Старая тема", "Новая тема"), (e.Field, e.OldValue, e.NewValue));
    }

    [Fact]
    public void Assignment_records_old_and_new_agent_ids()
    {
        var ticket = NewTicket();

        ticket.AssignTo(7, Agent, Later());
        ticket.AssignTo(8, Agent, Later());
        ticket.AssignTo(null, Agent, Later());

        Assert.Null(ticket.AssigneeId);
        var changes = ticket.History.Where(e => e.Field == "assignee").Select(e => (e.OldValue, e.NewValue)).ToList();
        Assert.Equal([(null, "7"), ("7", "8"), ("8", null)], changes);
    }

    [Fact]
    public void Moving_to_a_group_records_old_and_new_group_ids()
    {
        var ticket = NewTicket(groupId: 3);

        ticket.MoveToGroup(4, Agent, Later());

        Assert.Equal(4, ticket.GroupId);
        var e = ticket.History[^1];
        Assert.Equal(("group", "3", "4"), (e.Field, e.OldValue, e.NewValue));
    }

    [Fact]
    public void No_op_changes_record_nothing()
    {
        var ticket = NewTicket(groupId: 3, subject: "Тема");
        ticket.AssignTo(7, Agent, Later());
        ticket.SetTags([new Tag { Name = "vip" }], Agent, Later());
        var count = ticket.History.Count;
        var version = ticket.Version;
        var updatedAt = ticket.UpdatedAt;

        ticket.ChangeStatus(TicketStatus.New, Agent, Later());
        ticket.ChangePriority(TicketPriority.Normal, Agent, Later());
        ticket.ChangeType(TicketType.Question, Agent, Later());
        ticket.ChangeSubject("  Тема ", Agent, Later());
        ticket.AssignTo(7, Agent, Later());
        ticket.MoveToGroup(3, Agent, Later());
        ticket.SetTags([new Tag { Name = "vip" }], Agent, Later());

        Assert.Equal(count, ticket.History.Count);
        Assert.Equal(version, ticket.Version);
        Assert.Equal(updatedAt, ticket.UpdatedAt);
    }

    [Fact]
    public void SetTags_records_sorted_old_and_new_tag_lists()
    {
        var ticket = NewTicket();
        Tag vip = new() { Name = "vip" }, billing = new() { Name = "billing" }, urgent = new() { Name = "urgent" };

        ticket.SetTags([vip, billing], Agent, Later());
        var first = ticket.History[^1];
        ticket.SetTags([urgent, vip], Agent, Later());
        var second = ticket.History[^1];

        Assert.Equal(("tags", "", "billing, vip"), (first.Field, first.OldValue, first.NewValue));
        Assert.Equal(("tags", "billing, vip", "urgent, vip"), (second.Field, second.OldValue, second.NewValue));
        Assert.Equal(["urgent", "vip"], ticket.Tags.Select(t => t.Tag.Name).Order());
        Assert.Same(vip, ticket.Tags.Single(t => t.Tag.Name == "vip").Tag);
    }

    [Fact]
    public void SetTags_ignores_order_and_duplicates()
    {
        var ticket = NewTicket();
        ticket.SetTags([new Tag { Name = "a" }, new Tag { Name = "b" }], Agent, Later());
        var count = ticket.History.Count;

        ticket.SetTags([new Tag { Name = "b" }, new Tag { Name = "a" }, new Tag { Name = "b" }], Agent, Later());

        Assert.Equal(count, ticket.History.Count);
        Assert.Equal(2, ticket.Tags.Count);
    }

    [Fact]
    public void SetTags_with_duplicates_adds_each_tag_once()
    {
        var ticket = NewTicket();

        ticket.SetTags([new Tag { Name = "vip" }, new Tag { Name = "vip" }], Agent, Later());

        Assert.Single(ticket.Tags);
        Assert.Equal("vip", ticket.History[^1].NewValue);
    }

    [Fact]
    public void SetTags_to_empty_removes_all_tags()
    {
        var ticket = NewTicket();
        ticket.SetTags([new Tag { Name = "vip" }], Agent, Later());

        ticket.SetTags([], Agent, Later());

        Assert.Empty(ticket.Tags);
        var e = ticket.History[^1];
        Assert.Equal(("tags", "vip", ""), (e.Field, e.OldValue, e.NewValue));
    }

    // --- version and history --------------------------------------------------------------------------------

    [Fact]
    public void Version_increases_with_each_recorded_change()
    {
        var ticket = NewTicket();
        var versions = new List<long> { ticket.Version };

        ticket.ChangePriority(TicketPriority.High, Agent, Later());
        versions.Add(ticket.Version);
        ticket.AssignTo(7, Agent, Later());
        versions.Add(ticket.Version);
        ticket.AddMessage(Reply(Now), Later()); // message event + status new→open
        versions.Add(ticket.Version);
        ticket.ChangeStatus(TicketStatus.Resolved, Agent, Later());
        versions.Add(ticket.Version);

        Assert.Equal([1, 2, 3, 5, 6], versions);
        Assert.Equal(ticket.History.Count, ticket.Version);
    }

    [Fact]
    public void Each_change_updates_UpdatedAt_to_its_time()
    {
        var ticket = NewTicket();
        var at = Later(90);

        ticket.ChangePriority(TicketPriority.Low, Agent, at);

        Assert.Equal(at, ticket.UpdatedAt);
        Assert.NotEqual(ticket.CreatedAt, ticket.UpdatedAt);
    }
}
