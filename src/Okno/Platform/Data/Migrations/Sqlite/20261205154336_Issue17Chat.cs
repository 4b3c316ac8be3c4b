using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue17Chat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChatVisitors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SenderId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConnectedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    PageUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PageTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Pages = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatVisitors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatVisitors_ChannelAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatConversations",
                columns: table => new
                {
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentReadUpTo = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitorSeenUpTo = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAgentMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    MailDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MailedUpTo = table.Column<long>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatConversations", x => x.TicketId);
                    table.ForeignKey(
                        name: "FK_ChatConversations_ChatVisitors_VisitorId",
                        column: x => x.VisitorId,
                        principalTable: "ChatVisitors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChatConversations_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatConversations_MailDueAt",
                table: "ChatConversations",
                column: "MailDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_ChatConversations_VisitorId",
                table: "ChatConversations",
                column: "VisitorId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatVisitors_AccountId_SenderId",
                table: "ChatVisitors",
                columns: new[] { "AccountId", "SenderId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatVisitors_TokenHash",
                table: "ChatVisitors",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatConversations");

            migrationBuilder.DropTable(
                name: "ChatVisitors");
        }
    }
}
