using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue14MacroActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MacroId",
                table: "TicketEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddTags",
                table: "Macros",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AssignToMe",
                table: "Macros",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "SetAssigneeId",
                table: "Macros",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SetGroupId",
                table: "Macros",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SetPriority",
                table: "Macros",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SetStatus",
                table: "Macros",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MacroId",
                table: "TicketEvents");

            migrationBuilder.DropColumn(
                name: "AddTags",
                table: "Macros");

            migrationBuilder.DropColumn(
                name: "AssignToMe",
                table: "Macros");

            migrationBuilder.DropColumn(
                name: "SetAssigneeId",
                table: "Macros");

            migrationBuilder.DropColumn(
                name: "SetGroupId",
                table: "Macros");

            migrationBuilder.DropColumn(
                name: "SetPriority",
                table: "Macros");

            migrationBuilder.DropColumn(
                name: "SetStatus",
                table: "Macros");
        }
    }
}
