using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue16SupportLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "TicketEvents",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReasonId",
                table: "TicketEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EscalationReasons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationReasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromGroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    ToGroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    Returned = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReasonId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    SecondsInLine = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LineResolutions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    EscalatedOut = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineResolutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportLines",
                columns: table => new
                {
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportLines", x => x.GroupId);
                    table.ForeignKey(
                        name: "FK_SupportLines_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TicketEvents_ReasonId",
                table: "TicketEvents",
                column: "ReasonId",
                filter: "\"ReasonId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_At",
                table: "Escalations",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_EventId",
                table: "Escalations",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_TicketId_FromGroupId",
                table: "Escalations",
                columns: new[] { "TicketId", "FromGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_LineResolutions_At",
                table: "LineResolutions",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LineResolutions_EventId",
                table: "LineResolutions",
                column: "EventId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EscalationReasons");

            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "LineResolutions");

            migrationBuilder.DropTable(
                name: "SupportLines");

            migrationBuilder.DropIndex(
                name: "IX_TicketEvents_ReasonId",
                table: "TicketEvents");

            // SQLite drops a plain column in place (3.35+); EF's DropColumn would rebuild the table outside a transaction,
            // which a migration must not do.
            migrationBuilder.Sql("ALTER TABLE \"TicketEvents\" DROP COLUMN \"Comment\";");

            migrationBuilder.Sql("ALTER TABLE \"TicketEvents\" DROP COLUMN \"ReasonId\";");
        }
    }
}
