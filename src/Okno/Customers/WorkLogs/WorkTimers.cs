using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers.WorkLogs;

public sealed record StartTimerRequest(long? TicketId, bool? Replace);

public sealed record TimerView(long TicketId, long TicketNumber, string TicketSubject, DateTimeOffset StartedAt, int ElapsedMinutes);

/// <summary>A stopped timer: the measured minutes rounded up (to <see cref="WorkLogsOptions.TimerRoundingMinutes"/>), to
/// prefill a work line that the agent may still edit before saving. <see cref="Replaced"/>: the timer a start stopped.</summary>
public sealed record StoppedTimerView(long TicketId, DateTimeOffset StartedAt, DateTimeOffset StoppedAt, int Minutes);

public sealed record StartedTimerView(TimerView Timer, StoppedTimerView? Replaced);

/// <summary>Each agent's one running timer, kept server-side (a row per agent). Starting on another ticket while one runs
/// is refused with <see cref="WorkLogErrorCodes.TimerRunning"/> (the UI asks) unless <c>replace</c>: then the running one
/// is stopped and its minutes returned, for the agent to log.</summary>
public sealed class WorkTimers(OknoDb db, TimeProvider clock, IOptions<WorkLogsOptions> options)
{
    public async Task<TimerView?> CurrentAsync(long agentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.WorkTimers.AsNoTracking().Where(t => t.AgentId == agentId)
            .Join(db.Tickets, t => t.TicketId, k => k.Id, (t, k) => new { t.TicketId, k.Number, k.Subject, t.StartedAt }).SingleOrDefaultAsync(ct);
        return row is null ? null : new TimerView(row.TicketId, row.Number, row.Subject, row.StartedAt, Elapsed(row.StartedAt, now));
    }

    public async Task<StartedTimerView> StartAsync(CurrentAgent agent, StartTimerRequest request, TicketAccessRule access, CancellationToken ct)
    {
        if (request.TicketId is not { } ticketId) throw new OknoException(InvalidInput.Required("ticketId"));
        var replaced = await db.WriteAsync(async c =>
        {
            var ticket = await db.Tickets.AllowedBy(access).Where(t => t.Id == ticketId).Select(t => new { t.Number, t.Status }).SingleOrDefaultAsync(c)
                ?? throw new OknoException(new NotFound(TicketErrorCodes.NotFound, "Ticket", ticketId));
            if (ticket.Status == TicketStatus.Closed) throw new OknoException(new TicketIsClosed(ticket.Number));
            var running = await db.WorkTimers.SingleOrDefaultAsync(t => t.AgentId == agent.Id, c);
            StoppedTimerView? stopped = null;
            if (running is not null)
            {
                if (running.TicketId == ticketId) return null;
                if (request.Replace != true)
                    throw new OknoException(new TimerRunningElsewhere(running.TicketId,
                        await db.Tickets.Where(t => t.Id == running.TicketId).Select(t => t.Number).SingleAsync(c)));
                stopped = Stop(running);
                db.WorkTimers.Remove(running);
                await db.SaveChangesAsync(c);
            }
            db.WorkTimers.Add(new WorkTimer { AgentId = agent.Id, TicketId = ticketId, StartedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(c);
            return stopped;
        }, ct);
        return new StartedTimerView((await CurrentAsync(agent.Id, ct))!, replaced);
    }

    public async Task<StoppedTimerView> StopAsync(long agentId, CancellationToken ct) => await db.WriteAsync(async c =>
    {
        var running = await db.WorkTimers.SingleOrDefaultAsync(t => t.AgentId == agentId, c)
            ?? throw new OknoException(new StateConflict(WorkLogErrorCodes.NoTimer, "No timer is running."));
        var stopped = Stop(running);
        db.WorkTimers.Remove(running);
        await db.SaveChangesAsync(c);
        return stopped;
    }, ct);

    private StoppedTimerView Stop(WorkTimer timer)
    {
        var now = clock.GetUtcNow();
        return new StoppedTimerView(timer.TicketId, timer.StartedAt, now, RoundUp(now - timer.StartedAt, options.Value.TimerRoundingMinutes));
    }

    /// <summary>Minutes rounded up to a multiple of <paramref name="step"/>: at least one step, at most <see cref="WorkLine.MaxMinutes"/>.</summary>
    public static int RoundUp(TimeSpan elapsed, int step)
    {
        step = Math.Max(1, step);
        var minutes = (int)Math.Ceiling(Math.Max(0, elapsed.TotalMinutes) / step) * step;
        return Math.Clamp(minutes, step, WorkLine.MaxMinutes);
    }

    private static int Elapsed(DateTimeOffset startedAt, DateTimeOffset now) => (int)Math.Max(0, Math.Floor((now - startedAt).TotalMinutes));
}
