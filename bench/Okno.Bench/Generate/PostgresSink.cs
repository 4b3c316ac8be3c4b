using Npgsql;
using NpgsqlTypes;

namespace Okno.Bench.Generate;

/// <summary>PostgreSQL: binary COPY per table, one transaction per chunk. Rows carry explicit ids, so after each chunk
/// the identity sequences are moved past them: Okno can start on a half-loaded database and insert without clashes.</summary>
public sealed class PostgresSink(string connectionString) : Sink(new NpgsqlConnection(connectionString))
{
    private static readonly string[] TicketTables = ["Tickets", "Messages", "TicketEvents"];
    private static readonly string[] ReferenceTables = ["Groups", "Agents", "Companies", "CompanyDomains", "Contacts", "ContactEmails", "ContactPhones", "Tags"];

    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    public override string Provider => "postgres";

    protected override string InsertTagSql => "INSERT INTO \"Tags\" (\"Name\") VALUES (@name) ON CONFLICT (\"Name\") DO NOTHING";

    public override async Task OpenAsync(CancellationToken ct)
    {
        await Npgsql.OpenAsync(ct);
        // Each chunk is redone after a crash anyway, so its commit need not wait for the WAL flush.
        await ExecuteAsync("SET synchronous_commit = off", ct);
    }

    public override async Task WriteReferenceAsync(Reference r, string passwordHash, CancellationToken ct)
    {
        await using var tx = await Npgsql.BeginTransactionAsync(ct);
        await CopyAsync("Groups", ["Id", "Name", "Description", "CreatedAt"], r.Groups, (w, g) =>
        {
            w.Write(g.Id, NpgsqlDbType.Bigint);
            w.Write(g.Name, NpgsqlDbType.Varchar);
            w.Write(g.Description, NpgsqlDbType.Varchar);
            WriteTime(w, g.CreatedAt);
        }, ct);
        await CopyAsync("Agents", ["Id", "Email", "Name", "Role", "PasswordHash", "IsActive", "Language", "CreatedAt"],
            r.Agents, (w, a) =>
            {
                w.Write(a.Id, NpgsqlDbType.Bigint);
                w.Write(a.Email, NpgsqlDbType.Varchar);
                w.Write(a.Name, NpgsqlDbType.Varchar);
                w.Write(a.Role, NpgsqlDbType.Varchar);
                w.Write(passwordHash, NpgsqlDbType.Text);
                w.Write(true, NpgsqlDbType.Boolean);
                WriteText(w, a.Language);
                WriteTime(w, a.CreatedAt);
            }, ct);
        await CopyAsync("AgentGroups", ["AgentId", "GroupId"], r.Memberships, (w, m) =>
        {
            w.Write(m.AgentId, NpgsqlDbType.Bigint);
            w.Write(m.GroupId, NpgsqlDbType.Bigint);
        }, ct);
        await CopyAsync("Companies", ["Id", "Name", "CreatedAt"], r.Companies, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Bigint);
            w.Write(c.Name, NpgsqlDbType.Varchar);
            WriteTime(w, c.CreatedAt);
        }, ct);
        await CopyAsync("CompanyDomains", ["CompanyId", "Domain"], r.Companies, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Bigint);
            w.Write(c.Domain, NpgsqlDbType.Varchar);
        }, ct);
        await CopyAsync("Contacts", ["Id", "Name", "CompanyId", "CreatedAt"], r.Contacts, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Bigint);
            w.Write(c.Name, NpgsqlDbType.Varchar);
            WriteLong(w, c.CompanyId);
            WriteTime(w, c.CreatedAt);
        }, ct);
        // The primary company is always a membership too (ContactCompanies).
        await CopyAsync("ContactCompanies", ["ContactId", "CompanyId", "Role"], r.Contacts.Where(c => c.CompanyId is not null).ToList(), (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Bigint);
            w.Write(c.CompanyId!.Value, NpgsqlDbType.Bigint);
            w.Write("Member", NpgsqlDbType.Varchar);
        }, ct);
        await CopyAsync("ContactEmails", ["ContactId", "Address"], r.Emails, (w, e) =>
        {
            w.Write(e.ContactId, NpgsqlDbType.Bigint);
            w.Write(e.Address, NpgsqlDbType.Varchar);
        }, ct);
        await CopyAsync("ContactPhones", ["ContactId", "Number"], r.Phones, (w, p) =>
        {
            w.Write(p.ContactId, NpgsqlDbType.Bigint);
            w.Write(p.Number, NpgsqlDbType.Varchar);
        }, ct);
        foreach (var table in ReferenceTables) await BumpIdentityAsync(table, ct);
        await tx.CommitAsync(ct);
    }

    public override async Task WriteChunkAsync(Chunk chunk, CancellationToken ct)
    {
        await using var tx = await Npgsql.BeginTransactionAsync(ct);
        await CopyAsync("Tickets", ["Id", "Number", "Subject", "Status", "Priority", "Type", "Channel", "ContactId", "CompanyId", "GroupId",
            "AssigneeId", "CreatedAt", "UpdatedAt", "FirstResponseAt", "ResolvedAt", "ClosedAt", "MessageCount", "Version", "PriorityRank"], chunk.Tickets, (w, t) =>
        {
            w.Write(t.Id, NpgsqlDbType.Bigint);
            w.Write(t.Number, NpgsqlDbType.Bigint);
            w.Write(t.Subject, NpgsqlDbType.Varchar);
            w.Write(t.Status, NpgsqlDbType.Varchar);
            w.Write(t.Priority, NpgsqlDbType.Varchar);
            w.Write(t.Type, NpgsqlDbType.Varchar);
            w.Write(t.Channel, NpgsqlDbType.Varchar);
            w.Write(t.ContactId, NpgsqlDbType.Bigint);
            WriteLong(w, t.CompanyId);
            WriteLong(w, t.GroupId);
            WriteLong(w, t.AssigneeId);
            WriteTime(w, t.CreatedAt);
            WriteTime(w, t.UpdatedAt);
            WriteTime(w, t.FirstResponseAt);
            WriteTime(w, t.ResolvedAt);
            WriteTime(w, t.ClosedAt);
            w.Write(t.MessageCount, NpgsqlDbType.Integer);
            w.Write(t.Version, NpgsqlDbType.Bigint);
            w.Write(t.PriorityRank, NpgsqlDbType.Integer);
        }, ct);
        await CopyAsync("Messages", ["Id", "TicketId", "Direction", "IsInternal", "AuthorKind", "AuthorId", "BodyText", "BodyHtml", "CreatedAt"],
            chunk.Messages, (w, m) =>
            {
                w.Write(m.Id, NpgsqlDbType.Bigint);
                w.Write(m.TicketId, NpgsqlDbType.Bigint);
                w.Write(m.Direction, NpgsqlDbType.Varchar);
                w.Write(m.IsInternal, NpgsqlDbType.Boolean);
                w.Write(m.AuthorKind, NpgsqlDbType.Varchar);
                WriteLong(w, m.AuthorId);
                w.Write(m.BodyText, NpgsqlDbType.Text);
                w.Write(m.BodyHtml, NpgsqlDbType.Text);
                WriteTime(w, m.CreatedAt);
            }, ct);
        await CopyAsync("TicketEvents", ["Id", "TicketId", "TicketVersion", "ActorKind", "ActorId", "At", "Kind", "Field", "OldValue", "NewValue",
            "MessageId"], chunk.Events, (w, e) =>
        {
            w.Write(e.Id, NpgsqlDbType.Bigint);
            w.Write(e.TicketId, NpgsqlDbType.Bigint);
            w.Write(e.TicketVersion, NpgsqlDbType.Bigint);
            w.Write(e.ActorKind, NpgsqlDbType.Varchar);
            WriteLong(w, e.ActorId);
            WriteTime(w, e.At);
            w.Write(e.Kind, NpgsqlDbType.Varchar);
            WriteText(w, e.Field);
            WriteText(w, e.OldValue);
            WriteText(w, e.NewValue);
            WriteLong(w, e.MessageId);
        }, ct);
        await CopyAsync("TicketTags", ["TicketId", "TagId"], chunk.Tags, (w, tt) =>
        {
            w.Write(tt.TicketId, NpgsqlDbType.Bigint);
            w.Write(tt.TagId, NpgsqlDbType.Bigint);
        }, ct);
        foreach (var table in TicketTables) await BumpIdentityAsync(table, ct);
        await ExecuteAsync("SELECT setval('\"TicketNumbers\"', (SELECT MAX(\"Number\") FROM \"Tickets\"))", ct);
        await tx.CommitAsync(ct);
    }

    public override async Task FinishAsync(CancellationToken ct)
    {
        // Okno numbers new tickets from this sequence: it must continue after the highest generated number.
        await ExecuteAsync("SELECT setval('\"TicketNumbers\"', COALESCE((SELECT MAX(\"Number\") FROM \"Tickets\"), 10000))", ct);
        foreach (var table in TicketTables.Concat(ReferenceTables)) await BumpIdentityAsync(table, ct);
        await ExecuteAsync("ANALYZE", ct);
    }

    private Task BumpIdentityAsync(string table, CancellationToken ct) => ExecuteAsync(
        $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE(MAX(\"Id\"), 1), MAX(\"Id\") IS NOT NULL) FROM \"{table}\"", ct);

    private async Task CopyAsync<T>(string table, string[] columns, IReadOnlyCollection<T> rows, Action<NpgsqlBinaryImporter, T> write,
        CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await Npgsql.BeginBinaryImportAsync(sql, ct);
        // Synchronous writes per value: the importer buffers, and an await per field would cost more than the field.
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }
        await importer.CompleteAsync(ct);
    }

    private static void WriteLong(NpgsqlBinaryImporter w, long? value)
    {
        if (value is { } v) w.Write(v, NpgsqlDbType.Bigint);
        else w.WriteNull();
    }

    private static void WriteText(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, NpgsqlDbType.Text);
    }

    private static void WriteTime(NpgsqlBinaryImporter w, long? ticks)
    {
        if (ticks is { } t) w.Write(new DateTime(t, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
        else w.WriteNull();
    }
}
