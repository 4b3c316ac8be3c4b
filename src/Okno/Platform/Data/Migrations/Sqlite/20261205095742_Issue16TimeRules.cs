using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue16TimeRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AssigneeSince",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AwaitingReplySince",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusSince",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "EpisodeAt",
                table: "AutomationRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScannedUpTo",
                table: "AutomationRules",
                type: "INTEGER",
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

            // SQLite drops a plain column in place (3.35+); EF's DropColumn would rebuild the table outside a transaction,
            // which a migration must not do.
            migrationBuilder.Sql("ALTER TABLE \"Tickets\" DROP COLUMN \"AssigneeSince\";");

            migrationBuilder.Sql("ALTER TABLE \"Tickets\" DROP COLUMN \"AwaitingReplySince\";");

            migrationBuilder.Sql("ALTER TABLE \"Tickets\" DROP COLUMN \"StatusSince\";");

            migrationBuilder.Sql("ALTER TABLE \"AutomationRuns\" DROP COLUMN \"EpisodeAt\";");

            migrationBuilder.Sql("ALTER TABLE \"AutomationRules\" DROP COLUMN \"ScannedUpTo\";");
        }
    }
}
