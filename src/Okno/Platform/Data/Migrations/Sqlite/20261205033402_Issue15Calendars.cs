using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                values: new object[] { russia.Name!, russia.TimeZone!, System.Text.Json.JsonSerializer.Serialize(russia, Okno.Sla.SlaCalendar.Json), now.UtcTicks, now.UtcTicks });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlaCalendars");
        }
    }
}
