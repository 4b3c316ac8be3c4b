using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Okno.Platform.Search;
using Okno.Platform.Security;

namespace Okno.Platform.Data;

/// <summary>The one database of Okno. LINQ is written once against this class; what differs between
/// SQLite and PostgreSQL lives in the two subclasses beside it.</summary>
public abstract class OknoDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AgentSession> AgentSessions => Set<AgentSession>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();
    public DbSet<SearchBacklogItem> SearchBacklog => Set<SearchBacklogItem>();
    public DbSet<Outbox.OutboxEvent> OutboxEvents => Set<Outbox.OutboxEvent>();
    public DbSet<Outbox.OutboxProgress> OutboxProgress => Set<Outbox.OutboxProgress>();

    /// <summary>The types of the outbox events a save wrote in a transaction not yet committed; the commit then wakes
    /// the dispatchers of the handlers that care about one of them (<see cref="Outbox.OutboxCommitInterceptor"/>).</summary>
    internal HashSet<string> OutboxTypesWritten { get; } = [];

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The next human ticket number (10001, 10002…). Call it inside the transaction that inserts the ticket.</summary>
    public async Task<long> NextTicketNumberAsync(CancellationToken cancellationToken) => (await NextTicketNumbersAsync(1, cancellationToken))[0];

    /// <summary>The next <paramref name="count"/> ticket numbers, ascending, in one round trip. Call it inside the
    /// transaction that inserts the tickets.</summary>
    public abstract Task<IReadOnlyList<long>> NextTicketNumbersAsync(int count, CancellationToken cancellationToken);

    /// <summary>Makes concurrent writers of one ticket wait for each other instead of failing; call first inside
    /// <see cref="WriteAsync{T}"/>, before loading the ticket.</summary>
    public abstract Task LockTicketAsync(long ticketId, CancellationToken cancellationToken);

    /// <summary>Case-folds text the same way on both databases, for case-insensitive LIKE over any alphabet.
    /// Only usable inside queries.</summary>
    public static string Fold(string text) => throw new InvalidOperationException("Fold is translated to SQL only.");

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it commits or none of it does. A unique-key
    /// race with a concurrent writer (two requests creating the same contact or tag, or changing the same ticket) is
    /// retried from scratch, so <paramref name="work"/> must load and create everything it saves itself.</summary>
    public async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // Already inside one (an outbox handler's, which commits the handler's progress with its writes): be part of
        // it; a failure then fails the whole and is retried by its owner.
        if (Database.CurrentTransaction is not null) return await work(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            // A failure rolls the whole transaction back and retries it, so per-SaveChanges savepoints would only
            // cost two round trips each.
            Database.AutoSavepointsEnabled = false;
            try
            {
                var result = await work(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException e) when (attempt < MaxWriteAttempts && (e is DbUpdateConcurrencyException || IsUniqueViolation(e)))
            {
                await transaction.RollbackAsync(cancellationToken);
                ChangeTracker.Clear();
                // A little jitter, so writers that collided do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(2, 20) * attempt, cancellationToken);
            }
        }
    }

    private const int MaxWriteAttempts = 5;

    /// <summary>Begins a transaction whose commit is atomic and visible at once but does not wait for the disk: a crash
    /// of the database server or machine (not of Okno) may undo the last such commits, all of each or nothing. Only
    /// for work that is redone when undone, such as an outbox handler's round (its writes and its cursor move).</summary>
    public abstract Task<IDbContextTransaction> BeginUnflushedTransactionAsync(CancellationToken cancellationToken);

    public abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>Full-text matches of entries holding every one of <paramref name="terms"/> (analyzer output, at least
    /// one), each with a rank where higher is better and a title hit outweighs a body hit. The terms are passed as
    /// quoted data, never as query syntax. Only entries of <paramref name="kinds"/> (at least one; the filter is inside
    /// the index, so a rare kind is cheap to search among common words). Compose with LINQ (language, access filters,
    /// <see cref="SearchIndex.Candidates"/>) before reading.</summary>
    /// <para><paramref name="kindsAreFew"/>: false when the kinds hold most of the index (ticket subjects and messages).
    /// SQLite then checks the kind on each match instead of in FTS5, whose newest-first walk over a token in millions of
    /// entries (the kind's own) costs ~120 ms at 6M entries whatever the words.</para>
    /// <para><paramref name="anyTerm"/>: entries holding at least one of the terms (OR) instead of all of them — for a
    /// question written as a sentence, whose words are ranked by the caller (the answer bot).</para>
    public abstract IQueryable<SearchMatch> SearchMatches(IReadOnlyList<string> terms, IReadOnlyCollection<string> kinds, bool kindsAreFew = true,
        bool anyTerm = false);

    /// <summary>Kinds are code constants (lowercase letters, digits, underscores); anything else is a programming error.</summary>
    protected static IReadOnlyCollection<string> CheckedKinds(IReadOnlyCollection<string> kinds)
    {
        if (kinds.Count == 0) throw new ArgumentException("At least one kind.", nameof(kinds));
        foreach (var kind in kinds)
            if (kind.Length == 0 || !kind.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                throw new ArgumentException($"Not a search kind: '{kind}'.", nameof(kinds));
        return kinds;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OknoDb).Assembly, t => t.Namespace?.StartsWith("Okno.", StringComparison.Ordinal) == true);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    // Rarely used (the app saves asynchronously); SQLite's and Npgsql's async paths are safe to wait on here.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // One scan for changes before the hooks instead of one per ChangeTracker.Entries() call in them (five per save):
        // the hooks read what is tracked; whatever they change on a tracked entity is found by the save's own scan.
        ChangeTracker.DetectChanges();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        List<(ISaveHook, object)>? staged;
        SearchIndexing.Pending? search;
        try
        {
            staged = await RunSaveHooksAsync(cancellationToken);
            search = SearchIndexing.Collect(this);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        return search is null && staged is null
            ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await SaveWithStagesAsync(search, staged, acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Saves the entities (their ids are known afterwards), then writes their search entries and what the save
    /// hooks stage after it (the outbox events derived from ticket history) as one more command, in one transaction: the
    /// caller's (<see cref="WriteAsync{T}"/>) or one opened here.</summary>
    private async Task<int> SaveWithStagesAsync(SearchIndexing.Pending? search, List<(ISaveHook Hook, object Staged)>? staged,
        bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var after = new StatementBatch(this);
        if (search is not null) await SearchIndexing.StageAsync(after, search, cancellationToken);
        foreach (var (hook, state) in staged ?? []) await hook.AfterSaveAsync(after, state, cancellationToken);
        await after.FlushAsync(cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return saved;
    }

    private IReadOnlyList<ISaveHook>? _saveHooks;

    /// <summary>Runs the sections' <see cref="ISaveHook"/>s (from the application's services; none for a context made
    /// outside the app, such as the benchmark's bulk loader or design-time tools) and returns what they stage for after
    /// the save, or null.</summary>
    private async ValueTask<List<(ISaveHook, object)>?> RunSaveHooksAsync(CancellationToken cancellationToken)
    {
        _saveHooks ??= ((IInfrastructure<IServiceProvider>)this).GetService<IDbContextOptions>()
            .FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetServices<ISaveHook>().ToList() ?? [];
        List<(ISaveHook, object)>? staged = null;
        foreach (var hook in _saveHooks)
            if (await hook.BeforeSaveAsync(this, cancellationToken) is { } state) (staged ??= []).Add((hook, state));
        return staged;
    }
}

public enum DatabaseProvider { Sqlite, Postgres }
