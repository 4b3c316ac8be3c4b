using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
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
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FromAddress",
                table: "Messages",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RawSha256",
                table: "Messages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToAddresses",
                table: "Messages",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReleasedAt",
                table: "ChannelInboundItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReleasedBy",
                table: "ChannelInboundItems",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sender",
                table: "ChannelInboundItems",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "ChannelInboundItems",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentId",
                table: "Attachments",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsInline",
                table: "Attachments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "TicketParticipants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.DropColumn(
                name: "CcAddresses",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "FromAddress",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "RawSha256",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ToAddresses",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "ReleasedAt",
                table: "ChannelInboundItems");

            migrationBuilder.DropColumn(
                name: "ReleasedBy",
                table: "ChannelInboundItems");

            migrationBuilder.DropColumn(
                name: "Sender",
                table: "ChannelInboundItems");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "ChannelInboundItems");

            migrationBuilder.DropColumn(
                name: "ContentId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "IsInline",
                table: "Attachments");
        }
    }
}
