using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue19SurveyKpis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CsatRatingSum",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CsatRatings",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CsatSatisfied",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReportDailyNps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Promoters = table.Column<int>(type: "INTEGER", nullable: false),
                    Passives = table.Column<int>(type: "INTEGER", nullable: false),
                    Detractors = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyNps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyNps_Day_CompanyId",
                table: "ReportDailyNps",
                columns: new[] { "Day", "CompanyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportDailyNps");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"CsatRatingSum\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"CsatRatings\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"CsatSatisfied\"");
        }
    }
}
