using Microsoft.EntityFrameworkCore;

namespace Okno.Platform.Data;

/// <summary>Production: PostgreSQL, shared by several Okno nodes.</summary>
public sealed class PostgresOknoDb(DbContextOptions<PostgresOknoDb> options) : OknoDb(options)
{
    private const string TicketNumbers = "TicketNumbers";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    // A sequence never blocks concurrent creators; a gap after a rollback is acceptable for ticket numbers.
    public override async Task<long> NextTicketNumberAsync(CancellationToken cancellationToken) =>
        await Database.SqlQueryRaw<long>($"SELECT nextval('\"{TicketNumbers}\"') AS \"Value\"").SingleAsync(cancellationToken);

    public override async Task LockTicketAsync(long ticketId, CancellationToken cancellationToken) =>
        await Database.ExecuteSqlAsync($"SELECT 1 FROM \"Tickets\" WHERE \"Id\" = {ticketId} FOR UPDATE", cancellationToken);

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(TicketNumbers).StartsAt(10001);
        modelBuilder.HasDbFunction(typeof(OknoDb).GetMethod(nameof(Fold))!).HasName("lower").IsBuiltIn();
    }
}
