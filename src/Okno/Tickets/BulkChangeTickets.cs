using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Tickets;

/// <summary>POST /tickets/bulk body: the tickets, and either a <see cref="Change"/> (the PATCH fields; <c>addTags</c> and
/// <c>removeTags</c> edit each ticket's own tags) or <see cref="MergeIntoId"/>, one of <see cref="Ids"/> that the
/// others are merged into.</summary>
public sealed record BulkChangeRequest(List<long?>? Ids, ChangeTicketRequest? Change, long? MergeIntoId);

/// <summary>A ticket the batch left as it was, and why.</summary>
public sealed record BulkRefusal(long Id, OknoError Error);

public sealed record BulkChangeResult(IReadOnlyList<long> Changed, IReadOnlyList<BulkRefusal> Refused);

/// <summary>Changes or merges many tickets, each on its own through the single write path of one ticket
/// (<see cref="ChangeTicket"/>, <see cref="MergeTickets"/>) and in its own transaction, so each gets the history entries
/// and events a change of it alone would. A ticket that is refused (not visible, closed, a status it cannot take…) is
/// reported and the others go on; a request that is wrong for every ticket (a group that does not exist) is refused
/// as a whole before any ticket changes.</summary>
public sealed class BulkChangeTickets(OknoDb db, ChangeTicket change, MergeTickets merge)
{
    /// <summary>How many tickets one API request may name; the inbox sends a larger selection in batches of this size.</summary>
    public const int MaxIds = 500;

    public async Task<BulkChangeResult> ExecuteAsync(BulkChangeRequest request, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Ids is not { Count: > 0 } ids) errors.Required("ids");
        else if (ids.Count > MaxIds) errors.Add("ids", TicketErrorCodes.BulkTooMany, $"At most {MaxIds} tickets at once.", ("max", MaxIds));
        else if (ids.Any(id => id is not > 0)) errors.Add("ids", ErrorCodes.InvalidValue, "Ticket ids are positive numbers.");
        if ((request.Change is null) == (request.MergeIntoId is null))
            errors.Add("change", ErrorCodes.Required, "Give either change or mergeIntoId.");
        else if (request.Change is { ChangesSomething: false }) errors.Add("change", ErrorCodes.Required, "The change names no field to change.");
        if (request.MergeIntoId is { } into && request.Ids is { } given && !given.Contains(into))
            errors.Add("mergeIntoId", TicketErrorCodes.BulkMergeTargetNotSelected, "The ticket to merge into must be one of ids.");
        errors.ThrowIfAny();

        var distinct = request.Ids!.Select(id => id!.Value).Distinct().ToList();
        return request.MergeIntoId is { } target
            ? await MergeAsync(distinct, target, actor, access, cancellationToken)
            : await ChangeAsync(distinct, request.Change!, actor, access, cancellationToken);
    }

    /// <summary>The change applied to each ticket; a stale version makes no sense for many tickets and is ignored.</summary>
    private async Task<BulkChangeResult> ChangeAsync(IReadOnlyList<long> ids, ChangeTicketRequest request, Actor actor,
        TicketAccessRule access, CancellationToken cancellationToken)
    {
        request = request with { Version = null };
        await change.ValidateAsync(request, "change.", cancellationToken);
        return await EachAsync(ids, id => change.ExecuteAsync(id, request, actor, access, cancellationToken), cancellationToken);
    }

    private Task<BulkChangeResult> MergeAsync(IReadOnlyList<long> ids, long into, Actor actor, TicketAccessRule access,
        CancellationToken cancellationToken) =>
        EachAsync(ids.Where(id => id != into).ToList(), id => merge.ExecuteAsync(id, into, actor, access, cancellationToken), cancellationToken);

    private async Task<BulkChangeResult> EachAsync(IReadOnlyList<long> ids, Func<long, Task> write, CancellationToken cancellationToken)
    {
        var changed = new List<long>();
        var refused = new List<BulkRefusal>();
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await write(id);
                changed.Add(id);
            }
            catch (OknoException e)
            {
                refused.Add(new BulkRefusal(id, e.Error));
            }
            finally
            {
                // A refused write leaves its half-changed ticket tracked (its transaction rolled back): the next ticket's
                // save must not write it. Cleared after a success too, so a long batch does not pile up entities.
                db.ChangeTracker.Clear();
            }
        }
        return new BulkChangeResult(changed, refused);
    }
}

public static class BulkRefusals
{
    /// <summary>The code and English words of a refusal as the API answers it: for bad fields, the first field's.</summary>
    public static (string Code, string Message) Describe(this OknoError error) => error is InvalidInput { Fields.Count: > 0 } invalid
        ? (invalid.Fields.First().Value[0].Code, invalid.Fields.First().Value[0].Message)
        : (error.Code, error.Detail);
}
