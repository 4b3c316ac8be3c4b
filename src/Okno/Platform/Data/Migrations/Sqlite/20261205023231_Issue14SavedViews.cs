using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue14SavedViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Shared = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    View = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: true),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Sort = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedUpTo = table.Column<long>(type: "INTEGER", nullable: false),
                    Counted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedViews_Agents_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavedViewBuckets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ViewId = table.Column<long>(type: "INTEGER", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: true),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViewBuckets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedViewBuckets_SavedViews_ViewId",
                        column: x => x.ViewId,
                        principalTable: "SavedViews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SavedViewMembers",
                columns: table => new
                {
                    ViewId = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedViewMembers", x => new { x.ViewId, x.TicketId });
                    table.ForeignKey(
                        name: "FK_SavedViewMembers_SavedViews_ViewId",
                        column: x => x.ViewId,
                        principalTable: "SavedViews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedViewBuckets_ViewId_Generation",
                table: "SavedViewBuckets",
                columns: new[] { "ViewId", "Generation" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedViewMembers_TicketId",
                table: "SavedViewMembers",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_OwnerId",
                table: "SavedViews",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_SavedViews_Shared",
                table: "SavedViews",
                column: "Shared");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedViewBuckets");

            migrationBuilder.DropTable(
                name: "SavedViewMembers");

            migrationBuilder.DropTable(
                name: "SavedViews");
        }
    }
}
