using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue16TimeRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssigneeSince",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwaitingReplySince",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusSince",
                table: "Tickets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EpisodeAt",
                table: "AutomationRuns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ScannedUpTo",
                table: "AutomationRules",
                type: "timestamp with time zone",
                nullable: true);

            // Tickets from before: in their status and with their assignee at least since their last change (a time rule acts
            // on them no earlier than it should); an unanswered new or open one has waited since it came in.
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"StatusSince\" = \"UpdatedAt\", \"AssigneeSince\" = \"UpdatedAt\"");
            migrationBuilder.Sql("UPDATE \"Tickets\" SET \"AwaitingReplySince\" = \"CreatedAt\" WHERE \"FirstResponseAt\" IS NULL AND \"Status\" IN ('new', 'open')");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AwaitingReplySince_Id",
                table: "Tickets",
                columns: new[] { "AwaitingReplySince", "Id" },
                filter: "\"AwaitingReplySince\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_StatusSince_Id",
                table: "Tickets",
                columns: new[] { "Status", "StatusSince", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Unassigned_AssigneeSince_Id",
                table: "Tickets",
                columns: new[] { "AssigneeSince", "Id" },
                filter: "\"AssigneeId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AwaitingReplySince_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_StatusSince_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Unassigned_AssigneeSince_Id",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AssigneeSince",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AwaitingReplySince",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "StatusSince",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "EpisodeAt",
                table: "AutomationRuns");

            migrationBuilder.DropColumn(
                name: "ScannedUpTo",
                table: "AutomationRules");
        }
    }
}
