using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ServiceObjectId",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceObjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    WorkingHours = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AccessNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceObjectId = table.Column<long>(type: "INTEGER", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Manufacturer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SerialKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InventoryNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WarrantyEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Parameters = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    ServiceObjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EquipmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromObjectId = table.Column<long>(type: "INTEGER", nullable: true),
                    ToObjectId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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

            migrationBuilder.Sql("ALTER TABLE \"Tickets\" DROP COLUMN \"EquipmentId\"");

            migrationBuilder.Sql("ALTER TABLE \"Tickets\" DROP COLUMN \"ServiceObjectId\"");
        }
    }
}
