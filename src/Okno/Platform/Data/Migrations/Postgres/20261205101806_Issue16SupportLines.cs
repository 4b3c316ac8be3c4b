using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReasonId",
                table: "TicketEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EscalationReasons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Archived = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationReasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    FromGroupId = table.Column<long>(type: "bigint", nullable: true),
                    ToGroupId = table.Column<long>(type: "bigint", nullable: false),
                    Returned = table.Column<bool>(type: "boolean", nullable: false),
                    ReasonId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SecondsInLine = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LineResolutions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EscalatedOut = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineResolutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportLines",
                columns: table => new
                {
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
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

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "TicketEvents");

            migrationBuilder.DropColumn(
                name: "ReasonId",
                table: "TicketEvents");
        }
    }
}
