using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 9223372036854775807L);

            migrationBuilder.AddColumn<long>(
                name: "SlaWarnTicks",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 9223372036854775807L);

            migrationBuilder.CreateTable(
                name: "SlaAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Breach = table.Column<bool>(type: "INTEGER", nullable: false),
                    TargetStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CrossedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CalendarId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    WarnAtPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    PauseStatuses = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Targets = table.Column<string>(type: "TEXT", nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    RecomputedGeneration = table.Column<long>(type: "INTEGER", nullable: false),
                    RecomputeCursor = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecomputedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastScanAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastScanMilliseconds = table.Column<long>(type: "INTEGER", nullable: false),
                    LastScanTickets = table.Column<int>(type: "INTEGER", nullable: false),
                    LastScanAlerts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaSetupState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketSlas",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    PolicyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    MatchedBy = table.Column<string>(type: "TEXT", nullable: false),
                    FirstResponseDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseState = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    NextResponseDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextResponseState = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ResolutionDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionState = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    NextCheckAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            // SQLite drops a plain column in place (3.35+); EF's DropColumn would rebuild the Tickets table outside a
            // transaction, which a migration must not do.
            migrationBuilder.Sql("ALTER TABLE \"Tickets\" DROP COLUMN \"SlaDueTicks\";");
            migrationBuilder.Sql("ALTER TABLE \"Tickets\" DROP COLUMN \"SlaWarnTicks\";");
        }
    }
}
