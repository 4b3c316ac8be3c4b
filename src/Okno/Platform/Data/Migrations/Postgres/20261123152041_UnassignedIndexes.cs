using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnassignedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "Id" },
                filter: "\"AssigneeId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_PriorityRank_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "PriorityRank", "UpdatedAt", "Id" },
                filter: "\"AssigneeId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "GroupId", "Status", "UpdatedAt", "Id" },
                filter: "\"AssigneeId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_PriorityRank_UpdatedAt_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Unassigned_GroupId_Status_UpdatedAt_Id",
                table: "Tickets");
        }
    }
}
