using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue20WorkLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContractWorkUsages",
                columns: table => new
                {
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    WarnedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractWorkUsages", x => x.ContractId);
                    table.ForeignKey(
                        name: "FK_ContractWorkUsages_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: true),
                    ContractId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PriceListItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false),
                    WithinQuantity = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    BillableAmount = table.Column<decimal>(type: "TEXT", precision: 16, scale: 2, nullable: false),
                    PackageMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Override = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkLines_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkLines_PriceListItems_PriceListItemId",
                        column: x => x.PriceListItemId,
                        principalTable: "PriceListItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkLines_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkTimers",
                columns: table => new
                {
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkTimers", x => x.AgentId);
                    table.ForeignKey(
                        name: "FK_WorkTimers_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkTimers_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkLines_AgentId",
                table: "WorkLines",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkLines_CompanyId_WorkedAt",
                table: "WorkLines",
                columns: new[] { "CompanyId", "WorkedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkLines_ContractId_WorkedAt",
                table: "WorkLines",
                columns: new[] { "ContractId", "WorkedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkLines_PriceListItemId",
                table: "WorkLines",
                column: "PriceListItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkLines_TicketId_WorkedAt",
                table: "WorkLines",
                columns: new[] { "TicketId", "WorkedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkLines_WorkedAt_Id",
                table: "WorkLines",
                columns: new[] { "WorkedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTimers_TicketId",
                table: "WorkTimers",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractWorkUsages");

            migrationBuilder.DropTable(
                name: "WorkLines");

            migrationBuilder.DropTable(
                name: "WorkTimers");
        }
    }
}
