using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue20ReportFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fields",
                table: "ReportTicketStates",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ReportDailyFieldFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDelta = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyFieldFacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyFieldFacts_Field_Day",
                table: "ReportDailyFieldFacts",
                columns: new[] { "Field", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyFieldFacts_Field_Value_Day",
                table: "ReportDailyFieldFacts",
                columns: new[] { "Field", "Value", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportDailyFieldFacts");

            // SQLite drops a column in place (EF would rebuild the table).
            migrationBuilder.Sql("ALTER TABLE \"ReportTicketStates\" DROP COLUMN \"Fields\"");
        }
    }
}
