using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue13Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "MessageId",
                table: "ChannelDeliveries",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<string>(
                name: "BodyHtml",
                table: "ChannelDeliveries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyText",
                table: "ChannelDeliveries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DedupeKey",
                table: "ChannelDeliveries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ChannelDeliveries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Reply");

            migrationBuilder.AddColumn<string>(
                name: "Recipient",
                table: "ChannelDeliveries",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "ChannelDeliveries",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TicketId",
                table: "ChannelDeliveries",
                type: "bigint",
                nullable: true);

            // Rows written before this migration are all replies: their ticket is their message's.
            migrationBuilder.Sql("UPDATE \"ChannelDeliveries\" SET \"TicketId\" = (SELECT m.\"TicketId\" FROM \"Messages\" m WHERE m.\"Id\" = \"ChannelDeliveries\".\"MessageId\")");

            migrationBuilder.CreateTable(
                name: "NotificationOptOuts",
                columns: table => new
                {
                    AgentId = table.Column<long>(type: "bigint", nullable: false),
                    Notification = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationTemplates", x => new { x.Key, x.Language });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelDeliveries_DedupeKey",
                table: "ChannelDeliveries",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelDeliveries_TicketId_Id",
                table: "ChannelDeliveries",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_ChannelDeliveries_Tickets_TicketId",
                table: "ChannelDeliveries",
                column: "TicketId",
                principalTable: "Tickets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChannelDeliveries_Tickets_TicketId",
                table: "ChannelDeliveries");

            migrationBuilder.DropTable(
                name: "NotificationOptOuts");

            migrationBuilder.DropTable(
                name: "NotificationTemplates");

            migrationBuilder.DropIndex(
                name: "IX_ChannelDeliveries_DedupeKey",
                table: "ChannelDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_ChannelDeliveries_TicketId_Id",
                table: "ChannelDeliveries");

            migrationBuilder.DropColumn(
                name: "BodyHtml",
                table: "ChannelDeliveries");

            migrationBuilder.DropColumn(
                name: "BodyText",
                table: "ChannelDeliveries");

            migrationBuilder.DropColumn(
                name: "DedupeKey",
                table: "ChannelDeliveries");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ChannelDeliveries");

            migrationBuilder.DropColumn(
                name: "Recipient",
                table: "ChannelDeliveries");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "ChannelDeliveries");

            migrationBuilder.DropColumn(
                name: "TicketId",
                table: "ChannelDeliveries");

            migrationBuilder.AlterColumn<long>(
                name: "MessageId",
                table: "ChannelDeliveries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
