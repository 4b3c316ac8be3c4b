using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue19Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgentPresenceSpans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentPresenceSpans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
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
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyHistograms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyHistograms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyTagFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    BacklogDelta = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyTagFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportTicketStates",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Responded = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstResponseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentReplies = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopens = table.Column<int>(type: "INTEGER", nullable: false),
                    AwaitingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstResponseMetDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextResponseBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextResponseMetDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextResponseMetAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolutionMetDay = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTicketStates", x => x.TicketId);
                });

            migrationBuilder.CreateTable(
                name: "TicketTopics",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketTopics", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_TicketTopics_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Target_At_Id",
                table: "AuditEntries",
                columns: new[] { "Target", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentPresenceSpans_AgentId_From",
                table: "AgentPresenceSpans",
                columns: new[] { "AgentId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_AgentPresenceSpans_From",
                table: "AgentPresenceSpans",
                column: "From");

            migrationBuilder.CreateIndex(
                name: "IX_AgentPresenceSpans_Open_AgentId",
                table: "AgentPresenceSpans",
                column: "AgentId",
                unique: true,
                filter: "\"To\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyFacts_Day_GroupId_AssigneeId_Channel_CompanyId_Type_Priority",
                table: "ReportDailyFacts",
                columns: new[] { "Day", "GroupId", "AssigneeId", "Channel", "CompanyId", "Type", "Priority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyHistograms_Day_Metric_GroupId_AssigneeId_Channel_CompanyId_Type_Priority_Bucket",
                table: "ReportDailyHistograms",
                columns: new[] { "Day", "Metric", "GroupId", "AssigneeId", "Channel", "CompanyId", "Type", "Priority", "Bucket" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyTagFacts_Day",
                table: "ReportDailyTagFacts",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyTagFacts_Tag_Day",
                table: "ReportDailyTagFacts",
                columns: new[] { "Tag", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportTicketStates_CreatedAt_TicketId",
                table: "ReportTicketStates",
                columns: new[] { "CreatedAt", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportTicketStates_FirstResponseAt_TicketId",
                table: "ReportTicketStates",
                columns: new[] { "FirstResponseAt", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportTicketStates_Open_CreatedAt_TicketId",
                table: "ReportTicketStates",
                columns: new[] { "Open", "CreatedAt", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportTicketStates_ResolvedAt_TicketId",
                table: "ReportTicketStates",
                columns: new[] { "ResolvedAt", "TicketId" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketTopics_CreatedAt_Key",
                table: "TicketTopics",
                columns: new[] { "CreatedAt", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketTopics_CreatedAt_Type",
                table: "TicketTopics",
                columns: new[] { "CreatedAt", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketTopics_Key_CreatedAt",
                table: "TicketTopics",
                columns: new[] { "Key", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentPresenceSpans");

            migrationBuilder.DropTable(
                name: "ReportDailyFacts");

            migrationBuilder.DropTable(
                name: "ReportDailyHistograms");

            migrationBuilder.DropTable(
                name: "ReportDailyTagFacts");

            migrationBuilder.DropTable(
                name: "ReportTicketStates");

            migrationBuilder.DropTable(
                name: "TicketTopics");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Target_At_Id",
                table: "AuditEntries");
        }
    }
}
