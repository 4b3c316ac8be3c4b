using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Companies",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AvatarContentType",
                table: "Agents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AvatarSha256",
                table: "Agents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureEn",
                table: "Agents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignatureRu",
                table: "Agents",
                type: "character varying(2000)",
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

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "AvatarContentType",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "AvatarSha256",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "SignatureEn",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "SignatureRu",
                table: "Agents");
        }
    }
}
