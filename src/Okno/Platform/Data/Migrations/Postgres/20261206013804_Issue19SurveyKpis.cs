using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CsatRatings",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CsatSatisfied",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReportDailyNps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CompanyId = table.Column<long>(type: "bigint", nullable: false),
                    Promoters = table.Column<int>(type: "integer", nullable: false),
                    Passives = table.Column<int>(type: "integer", nullable: false),
                    Detractors = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.DropColumn(
                name: "CsatRatingSum",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "CsatRatings",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "CsatSatisfied",
                table: "ReportDailyFacts");
        }
    }
}
