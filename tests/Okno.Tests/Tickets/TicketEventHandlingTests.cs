using Okno.Platform.Outbox;
using Okno.Tickets;
using Okno.Tickets.Events;
using Okno.Tickets.Live;

namespace Okno.Tests.Tickets;

public sealed class TicketEventHandlingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]   // capped
    [InlineData(1000, 300)]
    public void Retries_back_off_exponentially_up_to_a_cap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxDispatcher.Backoff(attempts, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)));

    [Fact]
    public void The_reader_parses_an_event_once_for_all_handlers_and_never_serves_another_databases_event_of_the_same_id()
    {
        static OutboxEvent Row(long id, TicketDomainEvent e) => new()
        {
            Id = id, Topic = TicketEventOutbox.Topic, Type = e.TypeName,
            Payload = System.Text.Json.JsonSerializer.Serialize(e, TicketEventOutbox.Json),
        };
        var reader = new TicketEventReader();
        var first = Row(7, new TicketSubjectChanged("Старая", "Новая") { TicketId = 1 });

        var read = reader.Read(first);
        Assert.Same(read, reader.Read(Row(7, new TicketSubjectChanged("Старая", "Новая") { TicketId = 1 })));
        Assert.Equal((7L, "Новая"), (read.EventId, Assert.IsType<TicketSubjectChanged>(read).To));

        // Event 7 of a database recreated under the app (ids start again) is another event.
        var other = reader.Read(Row(7, new TicketSubjectChanged("Иная", "Тема") { TicketId = 2 }));
        Assert.Equal(("Тема", 2L), (Assert.IsType<TicketSubjectChanged>(other).To, other.TicketId));
        // 8192 ids later the slot is another event's; the first is read again, not lost.
        reader.Read(Row(7 + 8192, new TicketSubjectChanged("а", "б") { TicketId = 3 }));
        Assert.Equal("Новая", Assert.IsType<TicketSubjectChanged>(reader.Read(first)).To);
    }

    [Fact]
    public async Task A_commit_wakes_only_the_handlers_that_care_about_a_type_it_wrote()
    {
        // Types of this test's own: the signal is process-wide, and other tests commit real events meanwhile.
        var reply = $"test.reply.{Guid.NewGuid():N}";
        var creation = $"test.created.{Guid.NewGuid():N}";
        using var repliesOnly = OutboxSignal.Listen(type => type == reply);
        using var everything = OutboxSignal.Listen(type => type.StartsWith("test.", StringComparison.Ordinal));
        var replyWake = repliesOnly.Next;
        var anyWake = everything.Next;

        OutboxSignal.Raise([creation]);
        Assert.True(anyWake.IsCompleted);
        Assert.False(replyWake.IsCompleted);

        OutboxSignal.Raise([creation, reply]);
        await replyWake.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(repliesOnly.Next.IsCompleted);   // a new wait starts after each wake-up

        repliesOnly.Dispose();
        var afterLeaving = repliesOnly.Next;
        OutboxSignal.Raise([reply]);
        Assert.False(afterLeaving.IsCompleted);
    }

    [Fact]
    public void The_delivery_wake_up_is_woken_by_replies_only() =>
        Assert.Equal([ReplySent.Type], new[] { TicketCreated.Type, MessageReceived.Type, ReplySent.Type, NoteAdded.Type, TicketStatusChanged.Type }
            .Where(new Okno.Channels.WakeDeliveriesOnReply(null!).WakesFor));

    [Fact]
    public void The_live_feed_tells_one_change_per_ticket_and_operation_named_by_its_first_event_with_routing_from_first_to_last()
    {
        var creation = Guid.NewGuid();
        var reply = Guid.NewGuid();
        var agent = Actor.Agent(7);
        TicketRouting New(long? group, long? assignee) => new(TicketStatus.New, group, assignee);
        var events = new TicketDomainEvent[]
        {
            new TicketCreated(10001, "Printer", "api", 3) { TicketId = 1, TicketVersion = 1, OperationId = creation, Cause = agent, At = T0, After = New(null, null) },
            new TicketGroupChanged(null, 5) { TicketId = 1, TicketVersion = 2, OperationId = creation, Cause = agent, At = T0, Before = New(null, null), After = New(5, null) },
            new MessageReceived(100) { TicketId = 1, TicketVersion = 3, OperationId = creation, Cause = Actor.Contact(3), At = T0, Before = New(5, null), After = New(5, null) },
            new TicketCreated(10002, "Other", "web", 4) { TicketId = 2, TicketVersion = 1, OperationId = creation, Cause = agent, At = T0, After = New(null, null) },
            new NoteAdded(101) { TicketId = 1, TicketVersion = 4, OperationId = reply, Cause = agent, At = T0, Before = New(5, null), After = New(5, null) },
        };

        var changes = TicketFeedHandler.Changes(events).ToList();

        Assert.Equal(3, changes.Count);
        Assert.Equal(new TicketChange(1, TicketChangeKind.Created, 5, null, 7, 100, false, null, New(5, null)), changes[0]);
        Assert.True(changes[0].MayMoveBucket);
        Assert.Equal(2, changes[1].TicketId);
        Assert.Equal(new TicketChange(1, TicketChangeKind.MessageAdded, 5, null, 7, 101, true, New(5, null), New(5, null)), changes[2]);
        Assert.False(changes[2].MayMoveBucket);   // a note moves no counter
    }

    [Fact]
    public void An_automation_actor_keeps_its_rule_and_depth_and_the_others_have_none()
    {
        var rule = Actor.Automation(ruleId: 12, depth: 3);
        Assert.Equal((ActorKind.Automation, 12L, 3), (rule.Kind, rule.RuleId!.Value, rule.Depth));
        Assert.Null(Actor.Agent(1).RuleId);
        Assert.Equal(0, Actor.Agent(1).Depth);
        Assert.Equal(Actor.Agent(1), new Actor(ActorKind.Agent, 1));
    }
}
