using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers.ServiceObjects;

/// <summary><see cref="ToObjectId"/> null takes the equipment to stock.</summary>
public sealed record MoveEquipmentRequest(long? ToObjectId, string? Comment);

/// <summary>Moves equipment to another object of its company (or to stock) and writes the move into its history, in one
/// transaction. Moving it where it is already writes nothing.</summary>
public sealed class MoveEquipment(OknoDb db, TimeProvider clock)
{
    public async Task ExecuteAsync(long id, MoveEquipmentRequest request, long? agentId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("comment", request.Comment, EquipmentMove.CommentMaxLength, required: false);
        errors.ThrowIfAny();
        await db.WriteAsync(async ct =>
        {
            var item = await db.Equipment.SingleOrDefaultAsync(e => e.Id == id, ct)
                ?? throw new OknoException(new NotFound(ServiceObjectErrorCodes.EquipmentNotFound, "Equipment", id));
            if (request.ToObjectId is { } to) await SaveEquipment.CheckObjectAsync(db, to, item.CompanyId, "toObjectId", errors, ct);
            errors.ThrowIfAny();
            if (item.ServiceObjectId == request.ToObjectId) return 0;
            db.EquipmentMoves.Add(new EquipmentMove
            {
                EquipmentId = item.Id, FromObjectId = item.ServiceObjectId, ToObjectId = request.ToObjectId, AgentId = agentId,
                At = clock.GetUtcNow(), Comment = SaveServiceObject.Trimmed(request.Comment),
            });
            item.ServiceObjectId = request.ToObjectId;
            await db.SaveChangesAsync(ct);
            return 1;
        }, cancellationToken);
    }
}
