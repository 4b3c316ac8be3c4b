using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue15SlaPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SlaDueTicks",
                table: "Tickets",
                type: "bigint",
                nullable: false,
                defaultValue: 9223372036854775807L);

            migrationBuilder.AddColumn<long>(
                name: "SlaWarnTicks",
                table: "Tickets",
                type: "bigint",
                nullable: false,
                defaultValue: 9223372036854775807L);

            migrationBuilder.CreateTable(
                name: "SlaAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Target = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Breach = table.Column<bool>(type: "boolean", nullable: false),
                    TargetStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CrossedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaAlerts_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CalendarId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    WarnAtPercent = table.Column<int>(type: "integer", nullable: false),
                    PauseStatuses = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Targets = table.Column<string>(type: "text", nullable: false),
                    Conditions = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_SlaCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "SlaCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaSetupState",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false),
                    RecomputedGeneration = table.Column<long>(type: "bigint", nullable: false),
                    RecomputeCursor = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecomputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastScanAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastScanMilliseconds = table.Column<long>(type: "bigint", nullable: false),
                    LastScanTickets = table.Column<int>(type: "integer", nullable: false),
                    LastScanAlerts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaSetupState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketSlas",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    PolicyId = table.Column<long>(type: "bigint", nullable: false),
                    Generation = table.Column<long>(type: "bigint", nullable: false),
                    MatchedBy = table.Column<string>(type: "text", nullable: false),
                    FirstResponseDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstResponseState = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    NextResponseDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextResponseState = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ResolutionDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionState = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    NextCheckAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketSlas", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_TicketSlas_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "SlaSetupState",
                columns: new[] { "Id", "ChangedAt", "Generation", "LastScanAlerts", "LastScanAt", "LastScanMilliseconds", "LastScanTickets", "RecomputeCursor", "RecomputedAt", "RecomputedGeneration" },
                values: new object[] { 1L, null, 1L, 0, null, 0L, 0, 0L, null, 1L });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_Status_SlaDueTicks_Id",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "SlaDueTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GroupId_Status_SlaDueTicks_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "SlaDueTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_SlaDueTicks_Id",
                table: "Tickets",
                columns: new[] { "Status", "SlaDueTicks", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_SlaDueTicks_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "SlaDueTicks", "Id" },
                filter: "\"AssigneeId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SlaAlerts_TicketId_Target_Breach_TargetStartedAt",
                table: "SlaAlerts",
                columns: new[] { "TicketId", "Target", "Breach", "TargetStartedAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_CalendarId",
                table: "SlaPolicies",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Position",
                table: "SlaPolicies",
                column: "Position");

            migrationBuilder.CreateIndex(
                name: "IX_TicketSlas_NextCheckAt_TicketId",
                table: "TicketSlas",
                columns: new[] { "NextCheckAt", "TicketId" },
                filter: "\"NextCheckAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TicketSlas_PolicyId_TicketId",
                table: "TicketSlas",
                columns: new[] { "PolicyId", "TicketId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlaAlerts");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "SlaSetupState");

            migrationBuilder.DropTable(
                name: "TicketSlas");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_Status_SlaDueTicks_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_GroupId_Status_SlaDueTicks_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_SlaDueTicks_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_SlaDueTicks_Id",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaDueTicks",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaWarnTicks",
                table: "Tickets");
        }
    }
}
