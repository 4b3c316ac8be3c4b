using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue19RollupKeyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyGroupFacts_GroupId_Day",
                table: "ReportDailyGroupFacts",
                columns: new[] { "GroupId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyCompanyFacts_CompanyId_Day",
                table: "ReportDailyCompanyFacts",
                columns: new[] { "CompanyId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyAssigneeFacts_AssigneeId_Day",
                table: "ReportDailyAssigneeFacts",
                columns: new[] { "AssigneeId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportDailyGroupFacts_GroupId_Day",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropIndex(
                name: "IX_ReportDailyCompanyFacts_CompanyId_Day",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropIndex(
                name: "IX_ReportDailyAssigneeFacts_AssigneeId_Day",
                table: "ReportDailyAssigneeFacts");
        }
    }
}
