using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue12HelpCenter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Tickets",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnverifiedEmail",
                table: "Contacts",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Reference",
                table: "Tickets",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_UnverifiedEmail",
                table: "Contacts",
                column: "UnverifiedEmail");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Reference",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_UnverifiedEmail",
                table: "Contacts");

            // SQLite drops a column in place (3.35+); EF would rebuild the table, which cannot run in the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"Tickets\" DROP COLUMN \"Reference\";");

            migrationBuilder.Sql("ALTER TABLE \"Contacts\" DROP COLUMN \"UnverifiedEmail\";");
        }
    }
}
