using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue15Calendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SlaCalendars",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaCalendars", x => x.Id);
                });

            // Okno ships "Russia, five-day week" with the production calendar's CSV (data read from the app); an admin
            // may change or delete it like any other.
            var russia = Okno.Sla.SlaCalendars.Clean(Okno.Sla.RussianCalendar.Definition());
            var now = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
            migrationBuilder.InsertData(
                table: "SlaCalendars",
                columns: ["Name", "TimeZone", "Definition", "CreatedAt", "UpdatedAt"],
                values: new object[] { russia.Name!, russia.TimeZone!, System.Text.Json.JsonSerializer.Serialize(russia, Okno.Sla.SlaCalendar.Json), now, now });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlaCalendars");
        }
    }
}
