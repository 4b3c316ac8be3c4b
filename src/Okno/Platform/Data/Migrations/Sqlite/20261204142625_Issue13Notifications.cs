using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue13Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot make a column nullable or add a foreign key in place, and EF's own rebuild switches foreign
            // keys off outside the transaction (refused here, see DataModule). So the table is rebuilt by hand, inside
            // the migration's transaction: the old one renamed, the new one created, the rows copied (every row so far is
            // a reply, whose ticket is its message's), the old one dropped.
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_AccountId", table: "ChannelDeliveries");
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_MessageId", table: "ChannelDeliveries");
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_Status_NextAttemptAt_Id", table: "ChannelDeliveries");
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_Status_Id", table: "ChannelDeliveries");
            migrationBuilder.RenameTable(name: "ChannelDeliveries", newName: "ChannelDeliveries_Issue13");

            migrationBuilder.CreateTable(
                name: "ChannelDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: true),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BodyText = table.Column<string>(type: "TEXT", nullable: true),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: true),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelDeliveries_ChannelAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChannelDeliveries_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChannelDeliveries_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.Sql(
                "INSERT INTO \"ChannelDeliveries\" (\"Id\", \"Kind\", \"MessageId\", \"TicketId\", \"AccountId\", \"Status\", \"Attempts\", \"NextAttemptAt\", " +
                "\"LeaseToken\", \"LeaseUntil\", \"LastError\", \"CreatedAt\", \"SentAt\") " +
                "SELECT d.\"Id\", 'Reply', d.\"MessageId\", (SELECT m.\"TicketId\" FROM \"Messages\" m WHERE m.\"Id\" = d.\"MessageId\"), d.\"AccountId\", d.\"Status\", " +
                "d.\"Attempts\", d.\"NextAttemptAt\", d.\"LeaseToken\", d.\"LeaseUntil\", d.\"LastError\", d.\"CreatedAt\", d.\"SentAt\" FROM \"ChannelDeliveries_Issue13\" d");
            migrationBuilder.DropTable(name: "ChannelDeliveries_Issue13");

            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_AccountId", table: "ChannelDeliveries", column: "AccountId");
            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_MessageId", table: "ChannelDeliveries", column: "MessageId", unique: true);
            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_Status_NextAttemptAt_Id", table: "ChannelDeliveries", columns: new[] { "Status", "NextAttemptAt", "Id" });
            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_Status_Id", table: "ChannelDeliveries", columns: new[] { "Status", "Id" });
            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_DedupeKey", table: "ChannelDeliveries", column: "DedupeKey", unique: true);
            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_TicketId_Id", table: "ChannelDeliveries", columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateTable(
                name: "NotificationOptOuts",
                columns: table => new
                {
                    AgentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Notification = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationOptOuts", x => new { x.AgentId, x.Notification });
                    table.ForeignKey(
                        name: "FK_NotificationOptOuts_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotificationTemplates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationTemplates", x => new { x.Key, x.Language });
                });

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rebuilt by hand inside the transaction, as Up is; notifications have no place in the old table and are dropped.
            migrationBuilder.DropTable(name: "NotificationOptOuts");
            migrationBuilder.DropTable(name: "NotificationTemplates");
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_AccountId", table: "ChannelDeliveries");
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_MessageId", table: "ChannelDeliveries");
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_Status_NextAttemptAt_Id", table: "ChannelDeliveries");
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_Status_Id", table: "ChannelDeliveries");
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_DedupeKey", table: "ChannelDeliveries");
            migrationBuilder.DropIndex(name: "IX_ChannelDeliveries_TicketId_Id", table: "ChannelDeliveries");
            migrationBuilder.RenameTable(name: "ChannelDeliveries", newName: "ChannelDeliveries_Issue13");

            migrationBuilder.CreateTable(
                name: "ChannelDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelDeliveries_ChannelAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChannelDeliveries_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.Sql(
                "INSERT INTO \"ChannelDeliveries\" (\"Id\", \"MessageId\", \"AccountId\", \"Status\", \"Attempts\", \"NextAttemptAt\", \"LeaseToken\", " +
                "\"LeaseUntil\", \"LastError\", \"CreatedAt\", \"SentAt\") " +
                "SELECT d.\"Id\", d.\"MessageId\", d.\"AccountId\", d.\"Status\", d.\"Attempts\", d.\"NextAttemptAt\", d.\"LeaseToken\", d.\"LeaseUntil\", " +
                "d.\"LastError\", d.\"CreatedAt\", d.\"SentAt\" FROM \"ChannelDeliveries_Issue13\" d WHERE d.\"MessageId\" IS NOT NULL");
            migrationBuilder.DropTable(name: "ChannelDeliveries_Issue13");

            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_AccountId", table: "ChannelDeliveries", column: "AccountId");
            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_MessageId", table: "ChannelDeliveries", column: "MessageId", unique: true);
            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_Status_NextAttemptAt_Id", table: "ChannelDeliveries", columns: new[] { "Status", "NextAttemptAt", "Id" });
            migrationBuilder.CreateIndex(name: "IX_ChannelDeliveries_Status_Id", table: "ChannelDeliveries", columns: new[] { "Status", "Id" });
        }
    }
}
