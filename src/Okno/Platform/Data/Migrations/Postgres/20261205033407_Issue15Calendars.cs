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

            // Okno ships "Russia, five-day week": Monday to Friday 09:00-13:00 and 14:00-18:00 in Europe/Moscow with the
            // exceptions of src/Okno/Sla/ru-production-calendar-2026.csv, written out here as the calendar's stored JSON (a
            // migration belongs to Platform and reads no section's code; a test checks this copy against the CSV). An admin
            // may change or delete it like any other calendar.
            const string russia = @"{""name"":""Россия, пятидневка"",""timeZone"":""Europe/Moscow"",""week"":{""monday"":[{""from"":""09:00"",""to"":""13:00""},{""from"":""14:00"",""to"":""18:00""}],""tuesday"":[{""from"":""09:00"",""to"":""13:00""},{""from"":""14:00"",""to"":""18:00""}],""wednesday"":[{""from"":""09:00"",""to"":""13:00""},{""from"":""14:00"",""to"":""18:00""}],""thursday"":[{""from"":""09:00"",""to"":""13:00""},{""from"":""14:00"",""to"":""18:00""}],""friday"":[{""from"":""09:00"",""to"":""13:00""},{""from"":""14:00"",""to"":""18:00""}],""saturday"":[],""sunday"":[]},""days"":[{""date"":""2026-01-01"",""kind"":""holiday"",""name"":""Новогодние каникулы"",""hours"":null},{""date"":""2026-01-02"",""kind"":""holiday"",""name"":""Новогодние каникулы"",""hours"":null},{""date"":""2026-01-05"",""kind"":""holiday"",""name"":""Новогодние каникулы"",""hours"":null},{""date"":""2026-01-06"",""kind"":""holiday"",""name"":""Новогодние каникулы"",""hours"":null},{""date"":""2026-01-07"",""kind"":""holiday"",""name"":""Рождество Христово"",""hours"":null},{""date"":""2026-01-08"",""kind"":""holiday"",""name"":""Новогодние каникулы"",""hours"":null},{""date"":""2026-01-09"",""kind"":""moved"",""name"":""Перенос с субботы 3 января"",""hours"":null},{""date"":""2026-02-23"",""kind"":""holiday"",""name"":""День защитника Отечества"",""hours"":null},{""date"":""2026-03-09"",""kind"":""moved"",""name"":""Перенос с воскресенья 8 марта (Международный женский день)"",""hours"":null},{""date"":""2026-04-30"",""kind"":""shortened"",""name"":""Предпраздничный день"",""hours"":null},{""date"":""2026-05-01"",""kind"":""holiday"",""name"":""Праздник Весны и Труда"",""hours"":null},{""date"":""2026-05-08"",""kind"":""shortened"",""name"":""Предпраздничный день"",""hours"":null},{""date"":""2026-05-11"",""kind"":""moved"",""name"":""Перенос с субботы 9 мая (День Победы)"",""hours"":null},{""date"":""2026-06-11"",""kind"":""shortened"",""name"":""Предпраздничный день"",""hours"":null},{""date"":""2026-06-12"",""kind"":""holiday"",""name"":""День России"",""hours"":null},{""date"":""2026-11-03"",""kind"":""shortened"",""name"":""Предпраздничный день"",""hours"":null},{""date"":""2026-11-04"",""kind"":""holiday"",""name"":""День народного единства"",""hours"":null},{""date"":""2026-12-31"",""kind"":""moved"",""name"":""Перенос с воскресенья 4 января"",""hours"":null}]}";
            var now = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
            migrationBuilder.InsertData(
                table: "SlaCalendars",
                columns: ["Name", "TimeZone", "Definition", "CreatedAt", "UpdatedAt"],
                values: new object[] { "Россия, пятидневка", "Europe/Moscow", russia, now, now });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlaCalendars");
        }
    }
}
