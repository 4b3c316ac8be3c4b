using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue19ReportRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportDailyAssigneeFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    OneTouch = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    Resolutions = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ResolutionBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMet = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatings = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatingSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyAssigneeFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyChannelFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    OneTouch = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    Resolutions = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ResolutionBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMet = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatings = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatingSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyChannelFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyCompanyFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    OneTouch = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    Resolutions = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ResolutionBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMet = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatings = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatingSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyCompanyFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyGroupFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    OneTouch = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    Resolutions = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ResolutionBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMet = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatings = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatingSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyGroupFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyPriorityFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    OneTouch = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    Resolutions = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ResolutionBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMet = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatings = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatingSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyPriorityFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyTotals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    OneTouch = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    Resolutions = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ResolutionBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMet = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatings = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatingSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyTotals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyTypeFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    OneTouch = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    Resolutions = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ResolutionBusinessMinutes = table.Column<double>(type: "REAL", nullable: false),
                    FirstResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseMet = table.Column<int>(type: "INTEGER", nullable: false),
                    NextResponseBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionMet = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolutionBreached = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatings = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CsatRatingSum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyTypeFacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyAssigneeFacts_Day_AssigneeId",
                table: "ReportDailyAssigneeFacts",
                columns: new[] { "Day", "AssigneeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyChannelFacts_Day_Channel",
                table: "ReportDailyChannelFacts",
                columns: new[] { "Day", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyCompanyFacts_Day_CompanyId",
                table: "ReportDailyCompanyFacts",
                columns: new[] { "Day", "CompanyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyGroupFacts_Day_GroupId",
                table: "ReportDailyGroupFacts",
                columns: new[] { "Day", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyPriorityFacts_Day_Priority",
                table: "ReportDailyPriorityFacts",
                columns: new[] { "Day", "Priority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyTotals_Day",
                table: "ReportDailyTotals",
                column: "Day",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyTypeFacts_Day_Type",
                table: "ReportDailyTypeFacts",
                columns: new[] { "Day", "Type" },
                unique: true);

            // A desk upgraded with counted tickets: its rollups summed from the wide table at once (no rebuild needed).
            migrationBuilder.Sql("INSERT INTO \"ReportDailyTotals\" (\"Day\", \"Created\", \"Solved\", \"Reopened\", \"OneTouch\", \"BacklogDelta\", \"FirstResponses\", \"FirstResponseMinutes\", \"FirstResponseBusinessMinutes\", \"Resolutions\", \"ResolutionMinutes\", \"ResolutionBusinessMinutes\", \"FirstResponseMet\", \"FirstResponseBreached\", \"NextResponseMet\", \"NextResponseBreached\", \"ResolutionMet\", \"ResolutionBreached\", \"Escalations\", \"CsatRatings\", \"CsatSatisfied\", \"CsatRatingSum\") SELECT \"Day\", SUM(\"Created\"), SUM(\"Solved\"), SUM(\"Reopened\"), SUM(\"OneTouch\"), SUM(\"BacklogDelta\"), SUM(\"FirstResponses\"), SUM(\"FirstResponseMinutes\"), SUM(\"FirstResponseBusinessMinutes\"), SUM(\"Resolutions\"), SUM(\"ResolutionMinutes\"), SUM(\"ResolutionBusinessMinutes\"), SUM(\"FirstResponseMet\"), SUM(\"FirstResponseBreached\"), SUM(\"NextResponseMet\"), SUM(\"NextResponseBreached\"), SUM(\"ResolutionMet\"), SUM(\"ResolutionBreached\"), SUM(\"Escalations\"), SUM(\"CsatRatings\"), SUM(\"CsatSatisfied\"), SUM(\"CsatRatingSum\") FROM \"ReportDailyFacts\" GROUP BY \"Day\"");
            migrationBuilder.Sql("INSERT INTO \"ReportDailyGroupFacts\" (\"Day\", \"GroupId\", \"Created\", \"Solved\", \"Reopened\", \"OneTouch\", \"BacklogDelta\", \"FirstResponses\", \"FirstResponseMinutes\", \"FirstResponseBusinessMinutes\", \"Resolutions\", \"ResolutionMinutes\", \"ResolutionBusinessMinutes\", \"FirstResponseMet\", \"FirstResponseBreached\", \"NextResponseMet\", \"NextResponseBreached\", \"ResolutionMet\", \"ResolutionBreached\", \"Escalations\", \"CsatRatings\", \"CsatSatisfied\", \"CsatRatingSum\") SELECT \"Day\", \"GroupId\", SUM(\"Created\"), SUM(\"Solved\"), SUM(\"Reopened\"), SUM(\"OneTouch\"), SUM(\"BacklogDelta\"), SUM(\"FirstResponses\"), SUM(\"FirstResponseMinutes\"), SUM(\"FirstResponseBusinessMinutes\"), SUM(\"Resolutions\"), SUM(\"ResolutionMinutes\"), SUM(\"ResolutionBusinessMinutes\"), SUM(\"FirstResponseMet\"), SUM(\"FirstResponseBreached\"), SUM(\"NextResponseMet\"), SUM(\"NextResponseBreached\"), SUM(\"ResolutionMet\"), SUM(\"ResolutionBreached\"), SUM(\"Escalations\"), SUM(\"CsatRatings\"), SUM(\"CsatSatisfied\"), SUM(\"CsatRatingSum\") FROM \"ReportDailyFacts\" GROUP BY \"Day\", \"GroupId\"");
            migrationBuilder.Sql("INSERT INTO \"ReportDailyAssigneeFacts\" (\"Day\", \"AssigneeId\", \"Created\", \"Solved\", \"Reopened\", \"OneTouch\", \"BacklogDelta\", \"FirstResponses\", \"FirstResponseMinutes\", \"FirstResponseBusinessMinutes\", \"Resolutions\", \"ResolutionMinutes\", \"ResolutionBusinessMinutes\", \"FirstResponseMet\", \"FirstResponseBreached\", \"NextResponseMet\", \"NextResponseBreached\", \"ResolutionMet\", \"ResolutionBreached\", \"Escalations\", \"CsatRatings\", \"CsatSatisfied\", \"CsatRatingSum\") SELECT \"Day\", \"AssigneeId\", SUM(\"Created\"), SUM(\"Solved\"), SUM(\"Reopened\"), SUM(\"OneTouch\"), SUM(\"BacklogDelta\"), SUM(\"FirstResponses\"), SUM(\"FirstResponseMinutes\"), SUM(\"FirstResponseBusinessMinutes\"), SUM(\"Resolutions\"), SUM(\"ResolutionMinutes\"), SUM(\"ResolutionBusinessMinutes\"), SUM(\"FirstResponseMet\"), SUM(\"FirstResponseBreached\"), SUM(\"NextResponseMet\"), SUM(\"NextResponseBreached\"), SUM(\"ResolutionMet\"), SUM(\"ResolutionBreached\"), SUM(\"Escalations\"), SUM(\"CsatRatings\"), SUM(\"CsatSatisfied\"), SUM(\"CsatRatingSum\") FROM \"ReportDailyFacts\" GROUP BY \"Day\", \"AssigneeId\"");
            migrationBuilder.Sql("INSERT INTO \"ReportDailyChannelFacts\" (\"Day\", \"Channel\", \"Created\", \"Solved\", \"Reopened\", \"OneTouch\", \"BacklogDelta\", \"FirstResponses\", \"FirstResponseMinutes\", \"FirstResponseBusinessMinutes\", \"Resolutions\", \"ResolutionMinutes\", \"ResolutionBusinessMinutes\", \"FirstResponseMet\", \"FirstResponseBreached\", \"NextResponseMet\", \"NextResponseBreached\", \"ResolutionMet\", \"ResolutionBreached\", \"Escalations\", \"CsatRatings\", \"CsatSatisfied\", \"CsatRatingSum\") SELECT \"Day\", \"Channel\", SUM(\"Created\"), SUM(\"Solved\"), SUM(\"Reopened\"), SUM(\"OneTouch\"), SUM(\"BacklogDelta\"), SUM(\"FirstResponses\"), SUM(\"FirstResponseMinutes\"), SUM(\"FirstResponseBusinessMinutes\"), SUM(\"Resolutions\"), SUM(\"ResolutionMinutes\"), SUM(\"ResolutionBusinessMinutes\"), SUM(\"FirstResponseMet\"), SUM(\"FirstResponseBreached\"), SUM(\"NextResponseMet\"), SUM(\"NextResponseBreached\"), SUM(\"ResolutionMet\"), SUM(\"ResolutionBreached\"), SUM(\"Escalations\"), SUM(\"CsatRatings\"), SUM(\"CsatSatisfied\"), SUM(\"CsatRatingSum\") FROM \"ReportDailyFacts\" GROUP BY \"Day\", \"Channel\"");
            migrationBuilder.Sql("INSERT INTO \"ReportDailyCompanyFacts\" (\"Day\", \"CompanyId\", \"Created\", \"Solved\", \"Reopened\", \"OneTouch\", \"BacklogDelta\", \"FirstResponses\", \"FirstResponseMinutes\", \"FirstResponseBusinessMinutes\", \"Resolutions\", \"ResolutionMinutes\", \"ResolutionBusinessMinutes\", \"FirstResponseMet\", \"FirstResponseBreached\", \"NextResponseMet\", \"NextResponseBreached\", \"ResolutionMet\", \"ResolutionBreached\", \"Escalations\", \"CsatRatings\", \"CsatSatisfied\", \"CsatRatingSum\") SELECT \"Day\", \"CompanyId\", SUM(\"Created\"), SUM(\"Solved\"), SUM(\"Reopened\"), SUM(\"OneTouch\"), SUM(\"BacklogDelta\"), SUM(\"FirstResponses\"), SUM(\"FirstResponseMinutes\"), SUM(\"FirstResponseBusinessMinutes\"), SUM(\"Resolutions\"), SUM(\"ResolutionMinutes\"), SUM(\"ResolutionBusinessMinutes\"), SUM(\"FirstResponseMet\"), SUM(\"FirstResponseBreached\"), SUM(\"NextResponseMet\"), SUM(\"NextResponseBreached\"), SUM(\"ResolutionMet\"), SUM(\"ResolutionBreached\"), SUM(\"Escalations\"), SUM(\"CsatRatings\"), SUM(\"CsatSatisfied\"), SUM(\"CsatRatingSum\") FROM \"ReportDailyFacts\" GROUP BY \"Day\", \"CompanyId\"");
            migrationBuilder.Sql("INSERT INTO \"ReportDailyTypeFacts\" (\"Day\", \"Type\", \"Created\", \"Solved\", \"Reopened\", \"OneTouch\", \"BacklogDelta\", \"FirstResponses\", \"FirstResponseMinutes\", \"FirstResponseBusinessMinutes\", \"Resolutions\", \"ResolutionMinutes\", \"ResolutionBusinessMinutes\", \"FirstResponseMet\", \"FirstResponseBreached\", \"NextResponseMet\", \"NextResponseBreached\", \"ResolutionMet\", \"ResolutionBreached\", \"Escalations\", \"CsatRatings\", \"CsatSatisfied\", \"CsatRatingSum\") SELECT \"Day\", \"Type\", SUM(\"Created\"), SUM(\"Solved\"), SUM(\"Reopened\"), SUM(\"OneTouch\"), SUM(\"BacklogDelta\"), SUM(\"FirstResponses\"), SUM(\"FirstResponseMinutes\"), SUM(\"FirstResponseBusinessMinutes\"), SUM(\"Resolutions\"), SUM(\"ResolutionMinutes\"), SUM(\"ResolutionBusinessMinutes\"), SUM(\"FirstResponseMet\"), SUM(\"FirstResponseBreached\"), SUM(\"NextResponseMet\"), SUM(\"NextResponseBreached\"), SUM(\"ResolutionMet\"), SUM(\"ResolutionBreached\"), SUM(\"Escalations\"), SUM(\"CsatRatings\"), SUM(\"CsatSatisfied\"), SUM(\"CsatRatingSum\") FROM \"ReportDailyFacts\" GROUP BY \"Day\", \"Type\"");
            migrationBuilder.Sql("INSERT INTO \"ReportDailyPriorityFacts\" (\"Day\", \"Priority\", \"Created\", \"Solved\", \"Reopened\", \"OneTouch\", \"BacklogDelta\", \"FirstResponses\", \"FirstResponseMinutes\", \"FirstResponseBusinessMinutes\", \"Resolutions\", \"ResolutionMinutes\", \"ResolutionBusinessMinutes\", \"FirstResponseMet\", \"FirstResponseBreached\", \"NextResponseMet\", \"NextResponseBreached\", \"ResolutionMet\", \"ResolutionBreached\", \"Escalations\", \"CsatRatings\", \"CsatSatisfied\", \"CsatRatingSum\") SELECT \"Day\", \"Priority\", SUM(\"Created\"), SUM(\"Solved\"), SUM(\"Reopened\"), SUM(\"OneTouch\"), SUM(\"BacklogDelta\"), SUM(\"FirstResponses\"), SUM(\"FirstResponseMinutes\"), SUM(\"FirstResponseBusinessMinutes\"), SUM(\"Resolutions\"), SUM(\"ResolutionMinutes\"), SUM(\"ResolutionBusinessMinutes\"), SUM(\"FirstResponseMet\"), SUM(\"FirstResponseBreached\"), SUM(\"NextResponseMet\"), SUM(\"NextResponseBreached\"), SUM(\"ResolutionMet\"), SUM(\"ResolutionBreached\"), SUM(\"Escalations\"), SUM(\"CsatRatings\"), SUM(\"CsatSatisfied\"), SUM(\"CsatRatingSum\") FROM \"ReportDailyFacts\" GROUP BY \"Day\", \"Priority\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportDailyAssigneeFacts");

            migrationBuilder.DropTable(
                name: "ReportDailyChannelFacts");

            migrationBuilder.DropTable(
                name: "ReportDailyCompanyFacts");

            migrationBuilder.DropTable(
                name: "ReportDailyGroupFacts");

            migrationBuilder.DropTable(
                name: "ReportDailyPriorityFacts");

            migrationBuilder.DropTable(
                name: "ReportDailyTotals");

            migrationBuilder.DropTable(
                name: "ReportDailyTypeFacts");
        }
    }
}
