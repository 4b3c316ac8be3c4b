using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue19Csat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CsatSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    DelayMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TextRu = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LowRatingThreshold = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CsatSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CsatSettings_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CsatSurveys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolutionEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: true),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CommentedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SkipReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CsatSurveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CsatSurveys_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSettings_GroupId",
                table: "CsatSettings",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSettings_Key",
                table: "CsatSettings",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_AgentId_AnsweredAt",
                table: "CsatSurveys",
                columns: new[] { "AgentId", "AnsweredAt" },
                filter: "\"AnsweredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_AnsweredAt_Id",
                table: "CsatSurveys",
                columns: new[] { "AnsweredAt", "Id" },
                filter: "\"AnsweredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_CompanyId_AnsweredAt",
                table: "CsatSurveys",
                columns: new[] { "CompanyId", "AnsweredAt" },
                filter: "\"AnsweredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_ContactId_AnsweredAt",
                table: "CsatSurveys",
                columns: new[] { "ContactId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_GroupId_AnsweredAt_Id",
                table: "CsatSurveys",
                columns: new[] { "GroupId", "AnsweredAt", "Id" },
                filter: "\"AnsweredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_ResolutionEventId",
                table: "CsatSurveys",
                column: "ResolutionEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_Status_DueAt",
                table: "CsatSurveys",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_TicketId_Id",
                table: "CsatSurveys",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_TokenHash",
                table: "CsatSurveys",
                column: "TokenHash",
                unique: true,
                filter: "\"TokenHash\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CsatSettings");

            migrationBuilder.DropTable(
                name: "CsatSurveys");
        }
    }
}
