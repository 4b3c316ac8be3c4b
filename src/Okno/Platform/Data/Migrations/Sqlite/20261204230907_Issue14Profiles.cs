using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue14Profiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Contacts",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Companies",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AvatarContentType",
                table: "Agents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AvatarSha256",
                table: "Agents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureEn",
                table: "Agents",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureRu",
                table: "Agents",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            // Contacts' and companies' names became searchable: the ones that exist now are indexed after start-up by
            // the search backfill job (TicketSearchBackfill), new changes as they commit.
            migrationBuilder.Sql("""INSERT INTO "SearchBacklog" ("Kind", "OwnerId") SELECT 'contact', "Id" FROM "Contacts" ORDER BY "Id" """);
            migrationBuilder.Sql("""INSERT INTO "SearchBacklog" ("Kind", "OwnerId") SELECT 'company', "Id" FROM "Companies" ORDER BY "Id" """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Names of contacts and companies leave the index (and its queue) with the code that kept them.
            migrationBuilder.Sql("""DELETE FROM "SearchBacklog" WHERE "Kind" IN ('contact', 'company')""");
            migrationBuilder.Sql("""DELETE FROM "SearchEntries" WHERE "Kind" IN ('contact', 'company')""");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Contacts\" DROP COLUMN \"Notes\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"Notes\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Agents\" DROP COLUMN \"AvatarContentType\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Agents\" DROP COLUMN \"AvatarSha256\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Agents\" DROP COLUMN \"SignatureEn\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Agents\" DROP COLUMN \"SignatureRu\";");
        }
    }
}
