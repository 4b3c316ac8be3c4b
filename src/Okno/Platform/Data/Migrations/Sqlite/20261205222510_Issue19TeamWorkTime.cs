using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue19TeamWorkTime : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentPresenceSpans");
        }
    }
}
