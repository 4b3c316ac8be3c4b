using Microsoft.Data.Sqlite;

namespace Okno.Bench.Generate;

/// <summary>SQLite: prepared single-row INSERTs reused for every row, one large transaction per chunk, and the
/// durability switched off while loading (WAL keeps the file consistent if the process dies; a lost chunk is redone).</summary>
public sealed class SqliteSink(string connectionString) : Sink(new SqliteConnection(connectionString))
{
    private SqliteConnection Sqlite => (SqliteConnection)Connection;

    public override string Provider => "sqlite";

    protected override string InsertTagSql => "INSERT OR IGNORE INTO \"Tags\" (\"Name\") VALUES (@name)";

    public override async Task OpenAsync(CancellationToken ct)
    {
        await Sqlite.OpenAsync(ct);
        // A big page cache keeps the ticket indexes that grow in random order (contact, status, group) in memory.
        await ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576; " +
            "PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=30000;", ct);
    }

    public override async Task WriteReferenceAsync(Reference r, string passwordHash, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await Sqlite.BeginTransactionAsync(ct);
        using (var groups = new Insert(Sqlite, tx, "Groups", "Id", "Name", "Description", "CreatedAt"))
            foreach (var g in r.Groups) groups.Set(0, g.Id).Set(1, g.Name).Set(2, g.Description).Set(3, g.CreatedAt).Run();
        using (var agents = new Insert(Sqlite, tx, "Agents", "Id", "Email", "Name", "Role", "PasswordHash", "IsActive", "Language",
                   "CreatedAt"))
            foreach (var a in r.Agents)
                agents.Set(0, a.Id).Set(1, a.Email).Set(2, a.Name).Set(3, a.Role).Set(4, passwordHash).Set(5, true).Set(6, a.Language)
                    .Set(7, a.CreatedAt).Run();
        using (var memberships = new Insert(Sqlite, tx, "AgentGroups", "AgentId", "GroupId"))
            foreach (var m in r.Memberships) memberships.Set(0, m.AgentId).Set(1, m.GroupId).Run();
        using (var companies = new Insert(Sqlite, tx, "Companies", "Id", "Name", "CreatedAt"))
            foreach (var c in r.Companies) companies.Set(0, c.Id).Set(1, c.Name).Set(2, c.CreatedAt).Run();
        using (var domains = new Insert(Sqlite, tx, "CompanyDomains", "CompanyId", "Domain"))
            foreach (var c in r.Companies) domains.Set(0, c.Id).Set(1, c.Domain).Run();
        using (var contacts = new Insert(Sqlite, tx, "Contacts", "Id", "Name", "CompanyId", "CreatedAt"))
            foreach (var c in r.Contacts) contacts.Set(0, c.Id).Set(1, c.Name).Set(2, c.CompanyId).Set(3, c.CreatedAt).Run();
        // The primary company is always a membership too (ContactCompanies).
        using (var members = new Insert(Sqlite, tx, "ContactCompanies", "ContactId", "CompanyId", "Role"))
            foreach (var c in r.Contacts.Where(c => c.CompanyId is not null)) members.Set(0, c.Id).Set(1, c.CompanyId).Set(2, "Member").Run();
        using (var emails = new Insert(Sqlite, tx, "ContactEmails", "ContactId", "Address"))
            foreach (var e in r.Emails) emails.Set(0, e.ContactId).Set(1, e.Address).Run();
        using (var phones = new Insert(Sqlite, tx, "ContactPhones", "ContactId", "Number"))
            foreach (var p in r.Phones) phones.Set(0, p.ContactId).Set(1, p.Number).Run();
        await tx.CommitAsync(ct);
    }

    private Insert? _tickets, _messages, _events, _tags;

    public override async Task WriteChunkAsync(Chunk chunk, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await Sqlite.BeginTransactionAsync(ct);
        _tickets ??= new Insert(Sqlite, tx, "Tickets", "Id", "Number", "Subject", "Status", "Priority", "Type", "Channel", "ContactId",
            "CompanyId", "GroupId", "AssigneeId", "CreatedAt", "UpdatedAt", "FirstResponseAt", "ResolvedAt", "ClosedAt", "MessageCount", "Version",
            "PriorityRank");
        _messages ??= new Insert(Sqlite, tx, "Messages", "Id", "TicketId", "Direction", "IsInternal", "AuthorKind", "AuthorId", "BodyText",
            "BodyHtml", "CreatedAt");
        _events ??= new Insert(Sqlite, tx, "TicketEvents", "Id", "TicketId", "TicketVersion", "ActorKind", "ActorId", "At", "Kind", "Field",
            "OldValue", "NewValue", "MessageId");
        _tags ??= new Insert(Sqlite, tx, "TicketTags", "TicketId", "TagId");
        foreach (var insert in new[] { _tickets, _messages, _events, _tags }) insert.Use(tx);

        foreach (var t in chunk.Tickets)
            _tickets.Set(0, t.Id).Set(1, t.Number).Set(2, t.Subject).Set(3, t.Status).Set(4, t.Priority).Set(5, t.Type).Set(6, t.Channel)
                .Set(7, t.ContactId).Set(8, t.CompanyId).Set(9, t.GroupId).Set(10, t.AssigneeId).Set(11, t.CreatedAt).Set(12, t.UpdatedAt)
                .Set(13, t.FirstResponseAt).Set(14, t.ResolvedAt).Set(15, t.ClosedAt).Set(16, (long)t.MessageCount).Set(17, t.Version)
                .Set(18, (long)t.PriorityRank).Run();
        foreach (var m in chunk.Messages)
            _messages.Set(0, m.Id).Set(1, m.TicketId).Set(2, m.Direction).Set(3, m.IsInternal).Set(4, m.AuthorKind).Set(5, m.AuthorId)
                .Set(6, m.BodyText).Set(7, m.BodyHtml).Set(8, m.CreatedAt).Run();
        foreach (var e in chunk.Events)
            _events.Set(0, e.Id).Set(1, e.TicketId).Set(2, e.TicketVersion).Set(3, e.ActorKind).Set(4, e.ActorId).Set(5, e.At).Set(6, e.Kind)
                .Set(7, e.Field).Set(8, e.OldValue).Set(9, e.NewValue).Set(10, e.MessageId).Run();
        foreach (var tt in chunk.Tags) _tags.Set(0, tt.TicketId).Set(1, tt.TagId).Run();
        await tx.CommitAsync(ct);
    }

    public override async Task FinishAsync(CancellationToken ct)
    {
        // ANALYZE gives the planner row counts (Okno itself never runs it; see bench/README.md), the checkpoint folds the
        // WAL into the database file, and synchronous=FULL is what Okno uses for every connection it opens.
        await ExecuteAsync("ANALYZE;", ct);
        await ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA synchronous=FULL;", ct);
    }

    /// <summary>One prepared INSERT, reused for every row of its table.</summary>
    private sealed class Insert : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;

        public Insert(SqliteConnection connection, SqliteTransaction tx, string table, params string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = tx;
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
            _command.Prepare();
        }

        public void Use(SqliteTransaction tx) => _command.Transaction = tx;

        public Insert Set(int i, long value) { _parameters[i].Value = value; return this; }
        public Insert Set(int i, long? value) { _parameters[i].Value = value is { } v ? v : DBNull.Value; return this; }
        public Insert Set(int i, bool value) { _parameters[i].Value = value ? 1L : 0L; return this; }
        public Insert Set(int i, string? value) { _parameters[i].Value = (object?)value ?? DBNull.Value; return this; }

        public void Run() => _command.ExecuteNonQuery();

        public void Dispose() => _command.Dispose();
    }
}
