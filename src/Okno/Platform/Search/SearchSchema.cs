namespace Okno.Platform.Search;

/// <summary>The engine-specific part of the search index, which EF cannot model: run by the SearchIndex migration of
/// each provider (keep these calls when a migration is regenerated). Both engines index the analyzer's output only,
/// and neither stems again: FTS5 with unicode61 (no diacritics folding), PostgreSQL with the 'simple' configuration.</summary>
public static class SearchSchema
{
    /// <summary>FTS5 over SearchEntries (external content: the text is stored once, in SearchEntries), kept in step by
    /// triggers, so any write to SearchEntries updates it in the same transaction. No table is rebuilt.</summary>
    public const string SqliteUp = """
        CREATE VIRTUAL TABLE "SearchFts" USING fts5("Title", "Body", content='SearchEntries', content_rowid='Id',
            tokenize='unicode61 remove_diacritics 0');
        CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
            INSERT INTO "SearchFts"(rowid, "Title", "Body") VALUES (new."Id", new."Title", new."Body");
        END;
        CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
            INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Body") VALUES ('delete', old."Id", old."Title", old."Body");
        END;
        CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
            INSERT INTO "SearchFts"("SearchFts", rowid, "Title", "Body") VALUES ('delete', old."Id", old."Title", old."Body");
            INSERT INTO "SearchFts"(rowid, "Title", "Body") VALUES (new."Id", new."Title", new."Body");
        END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS "SearchEntries_au";
        DROP TRIGGER IF EXISTS "SearchEntries_ad";
        DROP TRIGGER IF EXISTS "SearchEntries_ai";
        DROP TABLE IF EXISTS "SearchFts";
        """;

    /// <summary>A stored generated tsvector (title weight A, body weight B) with a GIN index: written by the same
    /// INSERT/UPDATE as the row.</summary>
    public const string PostgresUp = """
        ALTER TABLE "SearchEntries" ADD COLUMN "Document" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, "Title"), 'A') || setweight(to_tsvector('simple'::regconfig, "Body"), 'B')) STORED;
        CREATE INDEX "IX_SearchEntries_Document" ON "SearchEntries" USING GIN ("Document");
        """;

    public const string PostgresDown = """
        DROP INDEX IF EXISTS "IX_SearchEntries_Document";
        ALTER TABLE "SearchEntries" DROP COLUMN IF EXISTS "Document";
        """;

    /// <summary>Version 2 (migration SearchKinds): the entry's kind is part of the indexed document, so a search for one kind
    /// (articles among millions of messages) intersects inside the index instead of reading every match and filtering
    /// after. SQLite: a "Kind" column in FTS5 holding the kind as one token (underscores removed, see
    /// <see cref="SqliteKindToken"/>); PostgreSQL: a lexeme "kind:&lt;kind&gt;" in the tsvector.</summary>
    public static class KindInDocument
    {
        /// <summary>The FTS5 token of a kind: its letters without underscores, so "ticket_subject" is one token and
        /// never a phrase that a shorter kind could match.</summary>
        public static string SqliteKindToken(string kind) => kind.Replace("_", "", StringComparison.Ordinal);

        public const string PostgresKindPrefix = "kind:";

        public const string SqliteUp = """
            DROP TRIGGER IF EXISTS "SearchEntries_au";
            DROP TRIGGER IF EXISTS "SearchEntries_ad";
            DROP TRIGGER IF EXISTS "SearchEntries_ai";
            DROP TABLE IF EXISTS "SearchFts";
            CREATE VIRTUAL TABLE "SearchFts" USING fts5("Kind", "Title", "Body", content='SearchEntries', content_rowid='Id',
                tokenize='unicode61 remove_diacritics 0');
            CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
                INSERT INTO "SearchFts"(rowid, "Kind", "Title", "Body") VALUES (new."Id", replace(new."Kind", '_', ''), new."Title", new."Body");
            END;
            CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
                INSERT INTO "SearchFts"("SearchFts", rowid, "Kind", "Title", "Body") VALUES ('delete', old."Id", replace(old."Kind", '_', ''), old."Title", old."Body");
            END;
            CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
                INSERT INTO "SearchFts"("SearchFts", rowid, "Kind", "Title", "Body") VALUES ('delete', old."Id", replace(old."Kind", '_', ''), old."Title", old."Body");
                INSERT INTO "SearchFts"(rowid, "Kind", "Title", "Body") VALUES (new."Id", replace(new."Kind", '_', ''), new."Title", new."Body");
            END;
            INSERT INTO "SearchFts"(rowid, "Kind", "Title", "Body") SELECT "Id", replace("Kind", '_', ''), "Title", "Body" FROM "SearchEntries";
            """;

        /// <summary>Back to version 1 (<see cref="SearchSchema.SqliteUp"/>), refilled from the entries.</summary>
        public const string SqliteDown = SearchSchema.SqliteDown + SearchSchema.SqliteUp + """

            INSERT INTO "SearchFts"("SearchFts") VALUES ('rebuild');
            """;

        public const string PostgresUp = """
            DROP INDEX IF EXISTS "IX_SearchEntries_Document";
            ALTER TABLE "SearchEntries" DROP COLUMN IF EXISTS "Document";
            ALTER TABLE "SearchEntries" ADD COLUMN "Document" tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple'::regconfig, "Title"), 'A') || setweight(to_tsvector('simple'::regconfig, "Body"), 'B')
                || array_to_tsvector(ARRAY['kind:' || "Kind"])) STORED;
            CREATE INDEX "IX_SearchEntries_Document" ON "SearchEntries" USING GIN ("Document");
            """;

        public const string PostgresDown = SearchSchema.PostgresDown + SearchSchema.PostgresUp;
    }

    /// <summary>Queues every ticket and message that exists when the index is created (same SQL on both databases);
    /// <see cref="Tickets.TicketSearchBackfill"/> drains the queue after start-up.</summary>
    public const string BacklogExisting = """
        INSERT INTO "SearchBacklog" ("Kind", "OwnerId") SELECT 'ticket_subject', "Id" FROM "Tickets" ORDER BY "Id";
        INSERT INTO "SearchBacklog" ("Kind", "OwnerId") SELECT 'message', "Id" FROM "Messages" ORDER BY "Id";
        """;
}
