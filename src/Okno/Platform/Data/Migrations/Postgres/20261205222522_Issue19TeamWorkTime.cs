using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
