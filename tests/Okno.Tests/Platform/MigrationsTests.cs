using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Okno.Platform.Data;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>Each provider keeps its own migrations; a model change without a migration for BOTH fails here
/// (add them with scripts/add-migration NAME).</summary>
public sealed class MigrationsTests
{
    [Theory]
    [BothDatabases]
    public void Model_has_no_changes_without_a_migration(string provider)
    {
        using OknoDb db = provider == "sqlite"
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes without a migration: run scripts/add-migration NAME.");
    }
}
