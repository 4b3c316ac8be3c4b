using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "GroupBy",
                table: "ReportSchedules",
                type: "character varying(67)",
                maxLength: 67,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "ReportDailyFieldFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Solved = table.Column<int>(type: "integer", nullable: false),
                    Reopened = table.Column<int>(type: "integer", nullable: false),
                    BacklogDelta = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.DropColumn(
                name: "Fields",
                table: "ReportTicketStates");

            migrationBuilder.AlterColumn<string>(
                name: "GroupBy",
                table: "ReportSchedules",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(67)",
                oldMaxLength: 67,
                oldNullable: true);
        }
    }
}
