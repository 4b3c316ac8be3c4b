using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue20ObjectsUi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContractServiceObjects",
                columns: table => new
                {
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceObjectId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractServiceObjects", x => new { x.ContractId, x.ServiceObjectId });
                    table.ForeignKey(
                        name: "FK_ContractServiceObjects_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContractServiceObjects_ServiceObjects_ServiceObjectId",
                        column: x => x.ServiceObjectId,
                        principalTable: "ServiceObjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractServiceObjects_ServiceObjectId",
                table: "ContractServiceObjects",
                column: "ServiceObjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractServiceObjects");
        }
    }
}
