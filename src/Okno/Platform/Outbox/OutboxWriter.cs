using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Okno.Platform.Data;
using static Okno.Platform.Data.StatementBatch;

namespace Okno.Platform.Outbox;

/// <summary>Writes outbox events as a multi-row INSERT into the save's <see cref="StatementBatch"/>, so they travel in
/// the same round trip as the save's search entries. Written through EF (a second SaveChanges) they cost a round trip
/// of their own, a RETURNING of every id and a second change scan of the whole save, on the one writer every ticket
/// creation waits for. Each value goes in as the model stores it (SQLite keeps times as UTC ticks).</summary>
public static class OutboxWriter
{
    private static readonly string[] Columns = ["Topic", "Type", "StreamId", "StreamVersion", "OperationId", "CreatedAt", "Payload"];

    public static async Task AddAsync(StatementBatch statements, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        var db = statements.Db;
        var entity = db.Model.FindEntityType(typeof(OutboxEvent))!;
        var mappings = Columns.Select(c => entity.FindProperty(c)!.GetTypeMapping()).ToArray();
        // PostgreSQL fills TxId with the writer's transaction id (its column default); SQLite's is always 0.
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        var head = "INSERT INTO \"OutboxEvents\" (" + string.Join(", ", Columns.Select(c => $"\"{c}\"")) + (sqlite ? ", \"TxId\"" : "") + ") VALUES ";
        foreach (var chunk in events.Chunk(200))
        {
            var sql = new StringBuilder(head);
            var parameters = new List<object>(chunk.Length * Columns.Length);
            foreach (var e in chunk)
            {
                if (parameters.Count > 0) sql.Append(", ");
                sql.Append('(');
                object[] values = [e.Topic, e.Type, e.StreamId, e.StreamVersion, e.OperationId, e.CreatedAt, e.Payload];
                for (var i = 0; i < values.Length; i++)
                {
                    if (i > 0) sql.Append(", ");
                    sql.Append(Placeholder(parameters.Count));
                    parameters.Add(mappings[i].Converter is { } converter ? converter.ConvertToProvider(values[i])! : values[i]);
                }
                sql.Append(sqlite ? ", 0)" : ")");
            }
            await statements.AddAsync(sql.ToString(), parameters, cancellationToken);
        }
    }
}
