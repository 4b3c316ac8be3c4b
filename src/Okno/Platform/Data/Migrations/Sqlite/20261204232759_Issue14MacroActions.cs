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
            // SQLite drops a column in place (3.35+); EF would rebuild the tables outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"TicketEvents\" DROP COLUMN \"MacroId\";");
            migrationBuilder.Sql("ALTER TABLE \"Macros\" DROP COLUMN \"AddTags\";");
            migrationBuilder.Sql("ALTER TABLE \"Macros\" DROP COLUMN \"AssignToMe\";");
            migrationBuilder.Sql("ALTER TABLE \"Macros\" DROP COLUMN \"SetAssigneeId\";");
            migrationBuilder.Sql("ALTER TABLE \"Macros\" DROP COLUMN \"SetGroupId\";");
            migrationBuilder.Sql("ALTER TABLE \"Macros\" DROP COLUMN \"SetPriority\";");
            migrationBuilder.Sql("ALTER TABLE \"Macros\" DROP COLUMN \"SetStatus\";");
        }
    }
}
