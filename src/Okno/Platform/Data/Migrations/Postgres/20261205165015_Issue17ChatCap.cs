using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue17ChatCap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxOpenChats",
                table: "AgentDistributions",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaxOpenChats",
                table: "AgentDistributions");
        }
    }
}
