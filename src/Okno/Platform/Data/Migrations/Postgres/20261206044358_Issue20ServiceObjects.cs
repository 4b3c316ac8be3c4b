using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue20ServiceObjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EquipmentId",
                table: "Tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ServiceObjectId",
                table: "Tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceObjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    WorkingHours = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AccessNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceObjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceObjects_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Equipment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<long>(type: "bigint", nullable: false),
                    ServiceObjectId = table.Column<long>(type: "bigint", nullable: true),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Manufacturer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SerialNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SerialKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    InventoryNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WarrantyEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Parameters = table.Column<string>(type: "text", nullable: false),
                    Notes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Equipment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Equipment_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Equipment_ServiceObjects_ServiceObjectId",
                        column: x => x.ServiceObjectId,
                        principalTable: "ServiceObjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceObjectContacts",
                columns: table => new
                {
                    ServiceObjectId = table.Column<long>(type: "bigint", nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceObjectContacts", x => new { x.ServiceObjectId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_ServiceObjectContacts_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceObjectContacts_ServiceObjects_ServiceObjectId",
                        column: x => x.ServiceObjectId,
                        principalTable: "ServiceObjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EquipmentMoves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EquipmentId = table.Column<long>(type: "bigint", nullable: false),
                    FromObjectId = table.Column<long>(type: "bigint", nullable: true),
                    ToObjectId = table.Column<long>(type: "bigint", nullable: true),
                    AgentId = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EquipmentMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EquipmentMoves_Equipment_EquipmentId",
                        column: x => x.EquipmentId,
                        principalTable: "Equipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_EquipmentId_Id",
                table: "Tickets",
                columns: new[] { "EquipmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ServiceObjectId_Id",
                table: "Tickets",
                columns: new[] { "ServiceObjectId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_CompanyId_Id",
                table: "Equipment",
                columns: new[] { "CompanyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_InventoryNumber_Id",
                table: "Equipment",
                columns: new[] { "InventoryNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_SerialKey_Id",
                table: "Equipment",
                columns: new[] { "SerialKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_ServiceObjectId_Id",
                table: "Equipment",
                columns: new[] { "ServiceObjectId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentMoves_EquipmentId_Id",
                table: "EquipmentMoves",
                columns: new[] { "EquipmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceObjectContacts_ContactId",
                table: "ServiceObjectContacts",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceObjects_CompanyId_Id",
                table: "ServiceObjects",
                columns: new[] { "CompanyId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EquipmentMoves");

            migrationBuilder.DropTable(
                name: "ServiceObjectContacts");

            migrationBuilder.DropTable(
                name: "Equipment");

            migrationBuilder.DropTable(
                name: "ServiceObjects");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_EquipmentId_Id",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ServiceObjectId_Id",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "EquipmentId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ServiceObjectId",
                table: "Tickets");
        }
    }
}
