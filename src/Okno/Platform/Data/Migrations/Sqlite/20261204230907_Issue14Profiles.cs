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
