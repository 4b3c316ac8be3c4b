using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Workspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_GroupId_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_GroupId_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoId",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PriorityRank",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "TicketCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: true),
                    Delta = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketCounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TicketLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherTicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketLinks_Agents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TicketLinks_Tickets_OtherTicketId",
                        column: x => x.OtherTicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TicketLinks_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_Status_Id",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_Status_PriorityRank_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "PriorityRank", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_Status_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GroupId_Status_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GroupId_Status_PriorityRank_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "PriorityRank", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GroupId_Status_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_MergedIntoId",
                table: "Tickets",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_PriorityRank_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "Status", "PriorityRank", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketLinks_CreatedById",
                table: "TicketLinks",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_TicketLinks_OtherTicketId",
                table: "TicketLinks",
                column: "OtherTicketId");

            migrationBuilder.CreateIndex(
                name: "IX_TicketLinks_TicketId_OtherTicketId",
                table: "TicketLinks",
                columns: new[] { "TicketId", "OtherTicketId" },
                unique: true);

            // Existing tickets: the numeric priority, and the view counters from the tickets as they are.
            migrationBuilder.Sql("""
                UPDATE "Tickets" SET "PriorityRank" = CASE "Priority"
                    WHEN 'Low' THEN 0 WHEN 'Normal' THEN 1 WHEN 'High' THEN 2 WHEN 'Urgent' THEN 3 ELSE 1 END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "TicketCounts" ("Status", "GroupId", "AssigneeId", "Delta")
                SELECT "Status", "GroupId", "AssigneeId", COUNT(*) FROM "Tickets" GROUP BY "Status", "GroupId", "AssigneeId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketCounts");

            migrationBuilder.DropTable(
                name: "TicketLinks");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_Status_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_Status_PriorityRank_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssigneeId_Status_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_GroupId_Status_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_GroupId_Status_PriorityRank_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_GroupId_Status_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_MergedIntoId",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_PriorityRank_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PriorityRank",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_Id",
                table: "Tickets",
                columns: new[] { "AssigneeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssigneeId_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "AssigneeId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GroupId_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_GroupId_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "UpdatedAt", "Id" });
        }
    }
}
