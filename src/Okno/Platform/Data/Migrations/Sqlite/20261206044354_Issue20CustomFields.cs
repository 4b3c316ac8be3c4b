using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue20CustomFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomFields",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LabelRu = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LabelEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    RequiredFor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomFields", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomFieldValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityId = table.Column<long>(type: "INTEGER", nullable: false),
                    FieldId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Number = table.Column<double>(type: "REAL", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Bool = table.Column<bool>(type: "INTEGER", nullable: true),
                    LinkedId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomFieldValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomFieldValues_CustomFields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "CustomFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomFields_Entity_Key",
                table: "CustomFields",
                columns: new[] { "Entity", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomFields_Entity_Position_Id",
                table: "CustomFields",
                columns: new[] { "Entity", "Position", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomFieldValues_Entity_EntityId_FieldId",
                table: "CustomFieldValues",
                columns: new[] { "Entity", "EntityId", "FieldId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomFieldValues_FieldId_Bool_EntityId",
                table: "CustomFieldValues",
                columns: new[] { "FieldId", "Bool", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomFieldValues_FieldId_Date_EntityId",
                table: "CustomFieldValues",
                columns: new[] { "FieldId", "Date", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomFieldValues_FieldId_LinkedId_EntityId",
                table: "CustomFieldValues",
                columns: new[] { "FieldId", "LinkedId", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomFieldValues_FieldId_Number_EntityId",
                table: "CustomFieldValues",
                columns: new[] { "FieldId", "Number", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomFieldValues_FieldId_Text_EntityId",
                table: "CustomFieldValues",
                columns: new[] { "FieldId", "Text", "EntityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomFieldValues");

            migrationBuilder.DropTable(
                name: "CustomFields");
        }
    }
}
