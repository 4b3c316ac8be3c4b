using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue19TeamTopics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "TicketTopics");
        }
    }
}
