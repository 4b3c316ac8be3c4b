namespace Okno.Platform.Data;

/// <summary>Work a section adds to every save of <see cref="OknoDb"/>, in the same transaction: history that must not
/// be edited, counters that follow tickets, events derived from history, deliveries of new replies. Registered in DI
/// by the section's module (<c>services.AddSingleton&lt;ISaveHook, …&gt;()</c>) and run in registration order, so no
/// use case can forget it.</summary>
public interface ISaveHook
{
    /// <summary>Before the entities are written: looks at the tracked changes (call
    /// <c>db.ChangeTracker.DetectChanges()</c> first if it reads them) and adds or refuses what it must (throwing
    /// aborts the save); it may read the database. Returns what <see cref="AfterSaveAsync"/> needs, or null when it has
    /// nothing to do then.</summary>
    ValueTask<object?> BeforeSaveAsync(OknoDb db, CancellationToken cancellationToken);

    /// <summary>After the entities were written (their ids are known), still inside the save's transaction: adds the
    /// rows that need those ids to <paramref name="statements"/>, which the save sends as one command with the search
    /// entries (one round trip, no change tracking). Called only when <see cref="BeforeSaveAsync"/> returned something.</summary>
    Task AfterSaveAsync(StatementBatch statements, object staged, CancellationToken cancellationToken) => Task.CompletedTask;
}
