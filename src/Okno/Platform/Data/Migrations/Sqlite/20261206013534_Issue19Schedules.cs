using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue19Schedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FileContentType",
                table: "ChannelDeliveries",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileName",
                table: "ChannelDeliveries",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FileSha256",
                table: "ChannelDeliveries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportSchedules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Interval = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GroupBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Weekday = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DayOfMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    SendAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    RecipientIds = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastSentPeriod = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSchedules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSchedules_NextDueAt_Id",
                table: "ReportSchedules",
                columns: new[] { "NextDueAt", "Id" },
                filter: "\"NextDueAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportSchedules");

            migrationBuilder.Sql("ALTER TABLE \"ChannelDeliveries\" DROP COLUMN \"FileContentType\"");

            migrationBuilder.Sql("ALTER TABLE \"ChannelDeliveries\" DROP COLUMN \"FileName\"");

            migrationBuilder.Sql("ALTER TABLE \"ChannelDeliveries\" DROP COLUMN \"FileSha256\"");
        }
    }
}
