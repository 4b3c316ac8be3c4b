using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgentId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentPresenceSpans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    AssigneeId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CompanyId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Solved = table.Column<int>(type: "integer", nullable: false),
                    Reopened = table.Column<int>(type: "integer", nullable: false),
                    OneTouch = table.Column<int>(type: "integer", nullable: false),
                    BacklogDelta = table.Column<int>(type: "integer", nullable: false),
                    FirstResponses = table.Column<int>(type: "integer", nullable: false),
                    FirstResponseMinutes = table.Column<double>(type: "double precision", nullable: false),
                    FirstResponseBusinessMinutes = table.Column<double>(type: "double precision", nullable: false),
                    Resolutions = table.Column<int>(type: "integer", nullable: false),
                    ResolutionMinutes = table.Column<double>(type: "double precision", nullable: false),
                    ResolutionBusinessMinutes = table.Column<double>(type: "double precision", nullable: false),
                    FirstResponseMet = table.Column<int>(type: "integer", nullable: false),
                    FirstResponseBreached = table.Column<int>(type: "integer", nullable: false),
                    NextResponseMet = table.Column<int>(type: "integer", nullable: false),
                    NextResponseBreached = table.Column<int>(type: "integer", nullable: false),
                    ResolutionMet = table.Column<int>(type: "integer", nullable: false),
                    ResolutionBreached = table.Column<int>(type: "integer", nullable: false),
                    Escalations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyHistograms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    AssigneeId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CompanyId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Metric = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Bucket = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyHistograms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportDailyTagFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Tag = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Solved = table.Column<int>(type: "integer", nullable: false),
                    Reopened = table.Column<int>(type: "integer", nullable: false),
                    BacklogDelta = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyTagFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportTicketStates",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    LastVersion = table.Column<long>(type: "bigint", nullable: false),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    AssigneeId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CompanyId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Tags = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Open = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Responded = table.Column<bool>(type: "boolean", nullable: false),
                    FirstResponseAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AgentReplies = table.Column<int>(type: "integer", nullable: false),
                    Reopens = table.Column<int>(type: "integer", nullable: false),
                    AwaitingSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstResponseBreached = table.Column<bool>(type: "boolean", nullable: false),
                    FirstResponseMetDay = table.Column<DateOnly>(type: "date", nullable: true),
                    NextResponseBreached = table.Column<bool>(type: "boolean", nullable: false),
                    NextResponseMetDay = table.Column<DateOnly>(type: "date", nullable: true),
                    NextResponseMetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionBreached = table.Column<bool>(type: "boolean", nullable: false),
                    ResolutionMetDay = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTicketStates", x => x.TicketId);
                });

            migrationBuilder.CreateTable(
                name: "TicketTopics",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                name: "IX_ReportDailyFacts_Day_GroupId_AssigneeId_Channel_CompanyId_T~",
                table: "ReportDailyFacts",
                columns: new[] { "Day", "GroupId", "AssigneeId", "Channel", "CompanyId", "Type", "Priority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyHistograms_Day_Metric_GroupId_AssigneeId_Channel~",
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
