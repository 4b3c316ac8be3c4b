using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddTags",
                table: "Macros",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AssignToMe",
                table: "Macros",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "SetAssigneeId",
                table: "Macros",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SetGroupId",
                table: "Macros",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SetPriority",
                table: "Macros",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SetStatus",
                table: "Macros",
                type: "character varying(32)",
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
