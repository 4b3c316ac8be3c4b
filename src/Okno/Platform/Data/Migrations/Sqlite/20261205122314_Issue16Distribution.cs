using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue16Distribution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue16TimeRules meant to fill this in for tickets waiting for a first answer, but compared the status with
            // 'new'/'open' while statuses are stored by their names ('New', 'Open'), so it filled in none.
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"AwaitingReplySince\" = \"CreatedAt\" WHERE \"AwaitingReplySince\" IS NULL " +
                "AND \"FirstResponseAt\" IS NULL AND \"Status\" IN ('New', 'Open')");

            migrationBuilder.AddColumn<string>(
                name: "Decision",
                table: "TicketEvents",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgentDistributions",
                columns: table => new
                {
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxOpenTickets = table.Column<int>(type: "INTEGER", nullable: true),
                    Skills = table.Column<string>(type: "TEXT", maxLength: 1062, nullable: false),
                    CalendarId = table.Column<long>(type: "INTEGER", nullable: true),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentDistributions", x => x.AgentId);
                    table.ForeignKey(
                        name: "FK_AgentDistributions_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgentDistributions_SlaCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "SlaCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AgentPresences",
                columns: table => new
                {
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActiveAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentPresences", x => x.AgentId);
                    table.ForeignKey(
                        name: "FK_AgentPresences_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DistributionTurns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionTurns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GroupDistributions",
                columns: table => new
                {
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LastAgentId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupDistributions", x => x.GroupId);
                    table.ForeignKey(
                        name: "FK_GroupDistributions_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "DistributionTurns",
                columns: new[] { "Id", "Generation" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AgentDistributions_CalendarId",
                table: "AgentDistributions",
                column: "CalendarId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentDistributions");

            migrationBuilder.DropTable(
                name: "AgentPresences");

            migrationBuilder.DropTable(
                name: "DistributionTurns");

            migrationBuilder.DropTable(
                name: "GroupDistributions");

            // Raw SQL: EF's DropColumn rebuilds the whole table on SQLite, outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"TicketEvents\" DROP COLUMN \"Decision\";");
        }
    }
}
