namespace Okno.Platform.Data;

/// <summary>Work a section adds to every save of <see cref="OknoDb"/>, in the same transaction: history that must not
/// be edited, counters that follow tickets, events derived from history, deliveries of new replies. Registered in DI
/// by the section's module (<c>services.AddSingleton&lt;ISaveHook, …&gt;()</c>) and run in registration order before
/// the entities are written, so no use case can forget it.</summary>
public interface ISaveHook
{
    /// <summary>Looks at the tracked changes (call <c>db.ChangeTracker.DetectChanges()</c> first if it reads them) and
    /// adds or refuses what it must. Throwing aborts the save.</summary>
    void BeforeSave(OknoDb db);
}
