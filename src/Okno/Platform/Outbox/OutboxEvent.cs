using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Platform.Outbox;

/// <summary>Something that happened, written in the same transaction as the change itself, for the handlers of its
/// <see cref="Topic"/> to react to after commit (see <see cref="OutboxDispatcher"/>). Rows are only inserted, then
/// deleted by <see cref="OutboxRetention"/> once every handler is past them.</summary>
public sealed class OutboxEvent
{
    public long Id { get; set; }
    /// <summary>PostgreSQL: the id of the transaction that wrote the row (<c>pg_current_xact_id()</c>), which tells the
    /// dispatcher when every earlier writer has finished; see <see cref="OutboxQueries"/>. SQLite: always 0.</summary>
    public long TxId { get; set; }
    /// <summary>Which handlers it is for ("ticket").</summary>
    public string Topic { get; set; } = "";
    /// <summary>The event's type within the topic ("reply_sent"), for a reader that does not open the payload.</summary>
    public string Type { get; set; } = "";
    /// <summary>What it happened to (a ticket id): events of one stream are handled in the order they were written.</summary>
    public long StreamId { get; set; }
    /// <summary>The stream's version this event produced (a ticket's version).</summary>
    public long StreamVersion { get; set; }
    /// <summary>Groups the events of one request or job run.</summary>
    public Guid OperationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The event itself, as JSON written and read by its topic's owner.</summary>
    public string Payload { get; set; } = "";

    public const int TopicMaxLength = 32;
    public const int TypeMaxLength = 64;
}

/// <summary>How far one handler is: the last event it handled (the (TxId, Id) order the dispatcher reads in), and its
/// failures. One row per handler, shared by every node; the node that handles a batch moves it in the same transaction
/// as the handler's own writes.</summary>
public sealed class OutboxProgress
{
    public string Handler { get; set; } = "";
    public long LastTxId { get; set; }
    public long LastEventId { get; set; }
    /// <summary>Events handled so far, for the drain rate (events/s between two readings).</summary>
    public long Handled { get; set; }
    public DateTimeOffset? LastHandledAt { get; set; }
    /// <summary>Failed attempts at the current batch in a row; 0 when the last attempt succeeded.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }

    public const int HandlerMaxLength = 100;
    public const int ErrorMaxLength = 2000;
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.ToTable("OutboxEvents");
        b.Property(e => e.Topic).HasMaxLength(OutboxEvent.TopicMaxLength);
        b.Property(e => e.Type).HasMaxLength(OutboxEvent.TypeMaxLength);
        // The dispatcher's read (a topic's events after a cursor, in order), the health check's lag and the
        // retention's delete are all ranges of this one index.
        b.HasIndex(e => new { e.Topic, e.TxId, e.Id });
    }
}

internal sealed class OutboxProgressConfiguration : IEntityTypeConfiguration<OutboxProgress>
{
    public void Configure(EntityTypeBuilder<OutboxProgress> b)
    {
        b.ToTable("OutboxProgress");
        b.HasKey(p => p.Handler);
        b.Property(p => p.Handler).HasMaxLength(OutboxProgress.HandlerMaxLength);
        b.Property(p => p.LastError).HasMaxLength(OutboxProgress.ErrorMaxLength);
    }
}
