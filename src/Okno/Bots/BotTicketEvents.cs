using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Tickets;
using Okno.Tickets.Events;
using Quartz;

namespace Okno.Bots;

/// <summary>Bots react to tickets here, after commit, in order per ticket: a customer's message starts or continues a
/// conversation; an agent's reply, assignment or closing ends it (the agent has it now).</summary>
internal sealed class BotTicketEvents(BotRunner runner, OknoDb db) : ITicketEventHandler
{
    /// <summary>Whether any bot can act in this batch: a source with a bot (a conversation may start) or an active
    /// conversation (one may go on). Read once per batch; on a desk without bots a customer's message then costs no
    /// reads here (it was four per message, 7 % of Okno's CPU during a creation load at 1M tickets).</summary>
    private bool? _anyBot;

    public string Name => "bots";

    public bool WakesFor(string eventType) => eventType is MessageReceived.Type or ReplySent.Type or TicketAssigneeChanged.Type
        or TicketStatusChanged.Type or TicketMerged.Type;

    public async Task HandleAsync(TicketDomainEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case MessageReceived received:
                _anyBot ??= await db.Set<BotChannelSetting>().AnyAsync(ct)
                    || await db.Set<BotConversation>().AnyAsync(c => c.State == BotConversationState.Active, ct);
                if (_anyBot == true) await runner.ReceivedAsync(e.TicketId, received.MessageId, ct);
                break;
            case ReplySent when e.Cause.Kind == ActorKind.Agent:
            case TicketAssigneeChanged { To: not null } when e.Cause.Kind == ActorKind.Agent:
            case TicketStatusChanged { To: TicketStatus.Closed or TicketStatus.Resolved } when e.Cause.Kind is ActorKind.Agent or ActorKind.Automation:
            case TicketMerged:
                await runner.TakenOverAsync(e.TicketId, e.Cause.Kind == ActorKind.Bot ? Actor.System : e.Cause, ct);
                break;
        }
    }
}

/// <summary>Every 30 seconds, ends the waits the customers let pass (the engine decides what silence means: usually a
/// person takes over). Clustered Quartz runs it on one node at a time; each conversation is its own transaction.</summary>
[DisallowConcurrentExecution]
internal sealed class BotSilence(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BotSilence> logger) : IJob
{
    public static readonly JobKey Key = new("bot-silence");
    public const int Batch = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunDueAsync(cancellationToken);

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            due = await scope.ServiceProvider.GetRequiredService<OknoDb>().Set<BotConversation>()
                .Where(c => c.State == BotConversationState.Active && c.WaitUntil != null && c.WaitUntil <= now)
                .OrderBy(c => c.WaitUntil).Select(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
        }
        foreach (var id in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
                var runner = scope.ServiceProvider.GetRequiredService<BotRunner>();
                using (Platform.Outbox.Operation.Begin())
                    await db.WriteAsync(async ct => { await runner.SilenceAsync(id, ct); await db.SaveChangesAsync(ct); return 0; }, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Ending the silent bot conversation {Conversation} failed; the next run tries again", id);
            }
        }
        return due.Count;
    }
}
