using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue18AnswerBot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BotArticleOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BotArticleOutcomes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BotArticleStats",
                columns: table => new
                {
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Offered = table.Column<int>(type: "INTEGER", nullable: false),
                    Solved = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BotArticleStats", x => x.ArticleId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BotArticleOutcomes_ArticleId_Term",
                table: "BotArticleOutcomes",
                columns: new[] { "ArticleId", "Term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BotArticleOutcomes_Term",
                table: "BotArticleOutcomes",
                column: "Term");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BotArticleOutcomes");

            migrationBuilder.DropTable(
                name: "BotArticleStats");
        }
    }
}
