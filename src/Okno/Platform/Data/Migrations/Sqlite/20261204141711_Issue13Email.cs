using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue13Email : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CcAddresses",
                table: "Messages",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FromAddress",
                table: "Messages",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RawSha256",
                table: "Messages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToAddresses",
                table: "Messages",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReleasedAt",
                table: "ChannelInboundItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReleasedBy",
                table: "ChannelInboundItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sender",
                table: "ChannelInboundItems",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "ChannelInboundItems",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentId",
                table: "Attachments",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsInline",
                table: "Attachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "TicketParticipants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketParticipants_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ChannelAccountId_ExternalId",
                table: "Messages",
                columns: new[] { "ChannelAccountId", "ExternalId" },
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelInboundItems_AccountId_Sender_ReceivedAt",
                table: "ChannelInboundItems",
                columns: new[] { "AccountId", "Sender", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelInboundItems_AccountId_Status_Id",
                table: "ChannelInboundItems",
                columns: new[] { "AccountId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelDeliveries_Status_Id",
                table: "ChannelDeliveries",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketParticipants_TicketId_Address",
                table: "TicketParticipants",
                columns: new[] { "TicketId", "Address" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketParticipants");

            migrationBuilder.DropIndex(
                name: "IX_Messages_ChannelAccountId_ExternalId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_ChannelInboundItems_AccountId_Sender_ReceivedAt",
                table: "ChannelInboundItems");

            migrationBuilder.DropIndex(
                name: "IX_ChannelInboundItems_AccountId_Status_Id",
                table: "ChannelInboundItems");

            migrationBuilder.DropIndex(
                name: "IX_ChannelDeliveries_Status_Id",
                table: "ChannelDeliveries");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Messages\" DROP COLUMN \"CcAddresses\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Messages\" DROP COLUMN \"FromAddress\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Messages\" DROP COLUMN \"RawSha256\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Messages\" DROP COLUMN \"ToAddresses\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"ChannelInboundItems\" DROP COLUMN \"ReleasedAt\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"ChannelInboundItems\" DROP COLUMN \"ReleasedBy\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"ChannelInboundItems\" DROP COLUMN \"Sender\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"ChannelInboundItems\" DROP COLUMN \"Subject\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Attachments\" DROP COLUMN \"ContentId\";");

            // SQLite drops a column in place (3.35+); EF would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Attachments\" DROP COLUMN \"IsInline\";");
        }
    }
}
