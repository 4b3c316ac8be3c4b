using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnverifiedEmail",
                table: "Contacts",
                type: "character varying(254)",
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

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "UnverifiedEmail",
                table: "Contacts");
        }
    }
}
