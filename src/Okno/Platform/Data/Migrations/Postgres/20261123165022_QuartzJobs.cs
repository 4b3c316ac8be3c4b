using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <summary>The tables of Quartz's clustered job store (see JobsModule); no change to Okno's own model.</summary>
    public partial class QuartzJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Okno.Platform.Jobs.QuartzSchema.Create) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Okno.Platform.Jobs.QuartzSchema.Drop) migrationBuilder.Sql(statement);
        }
    }
}
