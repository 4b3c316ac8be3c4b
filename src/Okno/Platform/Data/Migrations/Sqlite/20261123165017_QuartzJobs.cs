using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
{
    /// <summary>Empty on purpose: on SQLite (one node) Quartz keeps its schedule in memory; the PostgreSQL twin of this
    /// migration creates the clustered job store's tables.</summary>
    public partial class QuartzJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
