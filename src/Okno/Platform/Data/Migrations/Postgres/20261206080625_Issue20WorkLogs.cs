using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                    ContractId = table.Column<long>(type: "bigint", nullable: false),
                    UsedMinutes = table.Column<int>(type: "integer", nullable: false),
                    WarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    CompanyId = table.Column<long>(type: "bigint", nullable: true),
                    ContractId = table.Column<long>(type: "bigint", nullable: true),
                    AgentId = table.Column<long>(type: "bigint", nullable: false),
                    WorkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PriceListItemId = table.Column<long>(type: "bigint", nullable: true),
                    ItemKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ItemName = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: true),
                    Quantity = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    WithinQuantity = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    BillableAmount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    PackageMinutes = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Override = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    AgentId = table.Column<long>(type: "bigint", nullable: false),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
