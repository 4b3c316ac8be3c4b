using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue20Requisites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BankName",
                table: "Companies",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Bik",
                table: "Companies",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondentAccount",
                table: "Companies",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FullName",
                table: "Companies",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Inn",
                table: "Companies",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kpp",
                table: "Companies",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalAddress",
                table: "Companies",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ManagerId",
                table: "Companies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ogrn",
                table: "Companies",
                type: "TEXT",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalAddress",
                table: "Companies",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SettlementAccount",
                table: "Companies",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompanyDomains",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyDomains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyDomains_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactCompanies",
                columns: table => new
                {
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactCompanies", x => new { x.ContactId, x.CompanyId });
                    table.ForeignKey(
                        name: "FK_ContactCompanies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactCompanies_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Inn_Id",
                table: "Companies",
                columns: new[] { "Inn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_ManagerId",
                table: "Companies",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_CompanyDomains_CompanyId_Id",
                table: "CompanyDomains",
                columns: new[] { "CompanyId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyDomains_Domain",
                table: "CompanyDomains",
                column: "Domain",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactCompanies_CompanyId_ContactId",
                table: "ContactCompanies",
                columns: new[] { "CompanyId", "ContactId" });

            // Existing data moves: each domain to the oldest company that had it (domains are unique now), and each
            // contact's company becomes a Member row (the primary company is always a membership).
            migrationBuilder.Sql("""
                INSERT INTO "CompanyDomains" ("CompanyId", "Domain")
                SELECT MIN("Id"), "Domain" FROM "Companies" WHERE "Domain" IS NOT NULL AND "Domain" <> '' GROUP BY "Domain"
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ContactCompanies" ("ContactId", "CompanyId", "Role")
                SELECT "Id", "CompanyId", 'Member' FROM "Contacts" WHERE "CompanyId" IS NOT NULL
                """);

            migrationBuilder.DropIndex(
                name: "IX_Companies_Domain",
                table: "Companies");

            // A plain ALTER TABLE: EF's rebuild of Companies would fight the tables that reference it.
            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"Domain\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Domain",
                table: "Companies",
                type: "TEXT",
                maxLength: 253,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "Companies" SET "Domain" = (SELECT d."Domain" FROM "CompanyDomains" d WHERE d."CompanyId" = "Companies"."Id" ORDER BY d."Id" LIMIT 1)
                """);

            migrationBuilder.DropTable(
                name: "CompanyDomains");

            migrationBuilder.DropTable(
                name: "ContactCompanies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Inn_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_ManagerId",
                table: "Companies");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"BankName\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"Bik\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"CorrespondentAccount\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"FullName\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"Inn\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"Kpp\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"LegalAddress\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"ManagerId\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"Ogrn\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"PostalAddress\"");

            migrationBuilder.Sql("ALTER TABLE \"Companies\" DROP COLUMN \"SettlementAccount\"");


            migrationBuilder.CreateIndex(
                name: "IX_Companies_Domain",
                table: "Companies",
                column: "Domain");
        }
    }
}
