using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HelpCenter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HelpSearches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NormalizedQuery = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ResultCount = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpSearches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpVisitEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: true),
                    TranslationId = table.Column<long>(type: "INTEGER", nullable: true),
                    SearchId = table.Column<long>(type: "INTEGER", nullable: true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpVisitEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KbArticleFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    TranslationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VisitId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KbArticleFeedback", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HelpSearches_At",
                table: "HelpSearches",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_HelpSearches_VisitId",
                table: "HelpSearches",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpVisitEvents_At",
                table: "HelpVisitEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_HelpVisitEvents_VisitId",
                table: "HelpVisitEvents",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_KbArticleFeedback_At",
                table: "KbArticleFeedback",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_KbArticleFeedback_TranslationId_At",
                table: "KbArticleFeedback",
                columns: new[] { "TranslationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_KbArticleFeedback_VisitId_ArticleId",
                table: "KbArticleFeedback",
                columns: new[] { "VisitId", "ArticleId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HelpSearches");

            migrationBuilder.DropTable(
                name: "HelpVisitEvents");

            migrationBuilder.DropTable(
                name: "KbArticleFeedback");
        }
    }
}
