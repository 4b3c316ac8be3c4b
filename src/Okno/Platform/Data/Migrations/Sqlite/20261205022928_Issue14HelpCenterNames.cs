using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue14HelpCenterNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.CreateTable(
                name: "KbCategoryTranslations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbCategoryTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbCategoryTranslations_KbCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "KbCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KbSectionTranslations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbSectionTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KbSectionTranslations_KbSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "KbSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KbCategoryTranslations_CategoryId_Language",
                table: "KbCategoryTranslations",
                columns: new[] { "CategoryId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KbSectionTranslations_SectionId_Language",
                table: "KbSectionTranslations",
                columns: new[] { "SectionId", "Language" },
                unique: true);

            // Every name written before translations existed becomes the translation in the language it is written in:
            // Russian when it has a Cyrillic letter, otherwise the language most of its articles were first written in
            // (a section without articles: its category's), otherwise English. Copied before the old columns go.
            migrationBuilder.Sql("""
                INSERT INTO KbCategoryTranslations (CategoryId, Language, Name, Description)
                SELECT c.Id, CASE WHEN c.Name GLOB '*[Ѐ-ӿ]*' THEN 'ru' ELSE COALESCE((SELECT a.FallbackLanguage FROM KbArticles a JOIN KbSections s ON s.Id = a.SectionId
                    WHERE s.CategoryId = c.Id GROUP BY a.FallbackLanguage ORDER BY COUNT(*) DESC, a.FallbackLanguage LIMIT 1), 'en') END, c.Name, c.Description
                FROM KbCategories c ORDER BY c.Id;
                """);
            migrationBuilder.Sql("""
                INSERT INTO KbSectionTranslations (SectionId, Language, Name, Description)
                SELECT s.Id, CASE WHEN s.Name GLOB '*[Ѐ-ӿ]*' THEN 'ru' ELSE COALESCE((SELECT a.FallbackLanguage FROM KbArticles a
                    WHERE a.SectionId = s.Id GROUP BY a.FallbackLanguage ORDER BY COUNT(*) DESC, a.FallbackLanguage LIMIT 1),
                    (SELECT t.Language FROM KbCategoryTranslations t WHERE t.CategoryId = s.CategoryId), 'en') END, s.Name, s.Description
                FROM KbSections s ORDER BY s.Id;
                """);
            // SQLite drops a plain column in place; EF's DropColumn would rebuild the table outside a transaction.
            migrationBuilder.Sql("ALTER TABLE \"KbSections\" DROP COLUMN \"Description\";");
            migrationBuilder.Sql("ALTER TABLE \"KbSections\" DROP COLUMN \"Name\";");
            migrationBuilder.Sql("ALTER TABLE \"KbCategories\" DROP COLUMN \"Description\";");
            migrationBuilder.Sql("ALTER TABLE \"KbCategories\" DROP COLUMN \"Name\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "KbSections",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "KbSections",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "KbCategories",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "KbCategories",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            // Back to one name each: the first one written.
            migrationBuilder.Sql("""
                UPDATE KbCategories SET Name = t.Name, Description = t.Description FROM (SELECT CategoryId, Name, Description,
                    ROW_NUMBER() OVER (PARTITION BY CategoryId ORDER BY Id) AS n FROM KbCategoryTranslations) t WHERE t.CategoryId = KbCategories.Id AND t.n = 1;
                UPDATE KbSections SET Name = t.Name, Description = t.Description FROM (SELECT SectionId, Name, Description,
                    ROW_NUMBER() OVER (PARTITION BY SectionId ORDER BY Id) AS n FROM KbSectionTranslations) t WHERE t.SectionId = KbSections.Id AND t.n = 1;
                """);

            migrationBuilder.DropTable(
                name: "KbCategoryTranslations");

            migrationBuilder.DropTable(
                name: "KbSectionTranslations");
        }
    }
}
