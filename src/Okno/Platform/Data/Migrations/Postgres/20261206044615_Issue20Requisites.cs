using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Bik",
                table: "Companies",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondentAccount",
                table: "Companies",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FullName",
                table: "Companies",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Inn",
                table: "Companies",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kpp",
                table: "Companies",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalAddress",
                table: "Companies",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ManagerId",
                table: "Companies",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ogrn",
                table: "Companies",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalAddress",
                table: "Companies",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SettlementAccount",
                table: "Companies",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompanyDomains",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<long>(type: "bigint", nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false)
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
                    ContactId = table.Column<long>(type: "bigint", nullable: false),
                    CompanyId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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

            migrationBuilder.DropColumn(
                name: "Domain",
                table: "Companies");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Domain",
                table: "Companies",
                type: "character varying(253)",
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

            migrationBuilder.DropColumn(
                name: "BankName",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "Bik",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "CorrespondentAccount",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "FullName",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "Inn",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "Kpp",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "LegalAddress",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "ManagerId",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "Ogrn",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "PostalAddress",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "SettlementAccount",
                table: "Companies");


            migrationBuilder.CreateIndex(
                name: "IX_Companies_Domain",
                table: "Companies",
                column: "Domain");
        }
    }
}
