using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Tickets;
using Okno.Tickets.Events;
using Quartz;

namespace Okno.Reports.Topics;

/// <summary>A ticket's topic facts for the top-topics report, kept beside the ticket so a period's topics are a grouped
/// read of this narrow table through its (created, key) index, not a scan of tickets with text analysis.</summary>
public sealed class TicketTopic
{
    public const int KeyMaxLength = 200;

    public long TicketId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The ticket's current type (kept up to date on a type change).</summary>
    public TicketType Type { get; set; }
    /// <summary>The subject's topic key (<see cref="TopicKeys.Of"/>); empty when the subject has no meaningful word.</summary>
    public string Key { get; set; } = "";
}

internal sealed class TicketTopicConfiguration : IEntityTypeConfiguration<TicketTopic>
{
    public void Configure(EntityTypeBuilder<TicketTopic> b)
    {
        b.ToTable("TicketTopics");
        b.HasKey(t => t.TicketId);
        b.Property(t => t.TicketId).ValueGeneratedNever();
        b.Property(t => t.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.Key).HasMaxLength(TicketTopic.KeyMaxLength);
        b.HasOne<Ticket>().WithOne().HasForeignKey<TicketTopic>(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.CreatedAt, t.Key });
        b.HasIndex(t => new { t.CreatedAt, t.Type });
        b.HasIndex(t => new { t.Key, t.CreatedAt });
    }
}

/// <summary>How similar subjects are grouped: a subject becomes the sorted set of its stems by the search analyzer
/// (<see cref="TextAnalyzer"/>, Russian and English word forms), without stop words, numbers and codes (an order number
/// makes every subject unique) and mail prefixes (re, fw, fwd). So «Не работает принтер» and «Принтер не работает!»
/// and «принтеры не работают» share the key «принтер работа», and "Printer is not working" and "printers not working"
/// share "printer work". Subjects in different languages stay apart.</summary>
public static class TopicKeys
{
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal) { "re", "fw", "fwd", "ha", "aw", "sv" };

    public static string Of(string? subject)
    {
        var stems = TextAnalyzer.Terms(subject).Where(t => !Noise.Contains(t) && !t.Any(char.IsDigit) && t.Length > 1)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var key = string.Join(' ', stems);
        // A cut key is still a key: very long subjects group by their first (sorted) stems.
        return key.Length <= TicketTopic.KeyMaxLength ? key : key[..TicketTopic.KeyMaxLength].TrimEnd();
    }
}

/// <summary>Keeps <see cref="TicketTopic"/> rows: one on ticket creation, its key on a subject change, its type on a type
/// change. The batch's tickets are written once each before it commits, from the ticket as it is now (what its last
/// event says), so a replayed event writes the same values. Per event it was two reads and a save, three times a
/// creation's cost of the handler (bench/results/2026-12-06-postgres.md, creation at 1M).</summary>
internal sealed class TicketTopicsHandler(OknoDb db) : ITicketEventHandler
{
    private readonly HashSet<long> _tickets = [];

    public string Name => "reports.topics";

    public bool WakesFor(string eventType) => eventType is TicketCreated.Type or TicketSubjectChanged.Type or TicketTypeChanged.Type;
    public bool InBackground => true;

    public Task HandleAsync(TicketDomainEvent e, CancellationToken ct)
    {
        if (WakesFor(e.TypeName)) _tickets.Add(e.TicketId);
        return Task.CompletedTask;
    }

    public async Task BeforeCommitAsync(CancellationToken ct)
    {
        if (_tickets.Count == 0) return;
        var ids = _tickets.Order().ToList();
        _tickets.Clear();
        var rows = await db.Set<TicketTopic>().Where(t => ids.Contains(t.TicketId)).ToDictionaryAsync(t => t.TicketId, ct);
        var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.CreatedAt, t.Type, t.Subject })
            .ToListAsync(ct);
        foreach (var ticket in tickets)
        {
            var key = TopicKeys.Of(ticket.Subject);
            if (!rows.TryGetValue(ticket.Id, out var row))
            {
                db.Add(new TicketTopic { TicketId = ticket.Id, CreatedAt = ticket.CreatedAt, Type = ticket.Type, Key = key });
                continue;
            }
            // EF writes only what differs from what it read.
            row.Key = key;
            row.Type = ticket.Type;
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Fills <see cref="TicketTopic"/> for tickets made before it existed (or whose event was handled before the
/// handler was installed), a batch of ids at a time in id order, every few minutes until it reaches the end; after a
/// restart it walks the ids once more (a key-range read per batch) and finds little to do. Clustered Quartz runs it on
/// one node at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class TicketTopicsBackfill(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("ticket-topics-backfill");
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(2);
    public const int Batch = 1000;
    /// <summary>Batches per run, so one run stays short.</summary>
    public const int BatchesPerRun = 50;

    private static long _after;
    private static bool _done;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _done)) return;
        for (var i = 0; i < BatchesPerRun; i++)
        {
            var (last, _) = await RunBatchAsync(scopes, Interlocked.Read(ref _after), cancellationToken);
            if (last is null)
            {
                Volatile.Write(ref _done, true);
                return;
            }
            Interlocked.Exchange(ref _after, last.Value);
        }
    }

    /// <summary>One batch: the tickets with ids after <paramref name="after"/> (at most <see cref="Batch"/>) that have no
    /// topic row get one. Returns the last id looked at (null: no tickets left) and how many rows were added.</summary>
    public static async Task<(long? Last, int Added)> RunBatchAsync(IServiceScopeFactory scopes, long after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var ids = await db.Tickets.Where(t => t.Id > after).OrderBy(t => t.Id).Select(t => t.Id).Take(Batch).ToListAsync(ct);
        if (ids.Count == 0) return (null, 0);
        var (first, last) = (ids[0], ids[^1]);
        var missing = await db.Tickets.AsNoTracking().Where(t => t.Id >= first && t.Id <= last && !db.Set<TicketTopic>().Any(x => x.TicketId == t.Id))
            .Select(t => new { t.Id, t.CreatedAt, t.Type, t.Subject }).ToListAsync(ct);
        if (missing.Count > 0)
        {
            await db.WriteAsync(async c =>
            {
                var ids2 = missing.Select(m => m.Id).ToList();
                // The handler may have written some meanwhile.
                var have = await db.Set<TicketTopic>().Where(x => ids2.Contains(x.TicketId)).Select(x => x.TicketId).ToListAsync(c);
                foreach (var m in missing.Where(m => !have.Contains(m.Id)))
                    db.Add(new TicketTopic { TicketId = m.Id, CreatedAt = m.CreatedAt, Type = m.Type, Key = TopicKeys.Of(m.Subject) });
                await db.SaveChangesAsync(c);
                return 0;
            }, ct);
        }
        return (last, missing.Count);
    }
}
