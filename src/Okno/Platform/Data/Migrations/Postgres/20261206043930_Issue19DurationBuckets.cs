using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Okno.Platform.Data.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue19DurationBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyTypeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyTotals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyPriorityFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyGroupFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyCompanyFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyChannelFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyAssigneeFacts",
                type: "integer",
                nullable: false,
                defaultValue: 0);
            // Histograms into the facts' bucket columns, rollups summed again; then the old table goes.
            Issue19DurationBucketsSql.Up(migrationBuilder);

            migrationBuilder.DropTable(
                name: "ReportDailyHistograms");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FirstResponseBucket00",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket01",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket02",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket03",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket04",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket05",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket06",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket07",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket08",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket09",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket10",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket11",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket12",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket13",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket14",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket15",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket00",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket01",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket02",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket03",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket04",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket05",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket06",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket07",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket08",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket09",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket10",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket11",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket12",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket13",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket14",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket15",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyTypeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket00",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket01",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket02",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket03",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket04",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket05",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket06",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket07",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket08",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket09",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket10",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket11",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket12",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket13",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket14",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket15",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket00",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket01",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket02",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket03",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket04",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket05",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket06",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket07",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket08",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket09",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket10",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket11",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket12",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket13",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket14",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket15",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyTotals");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket00",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket01",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket02",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket03",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket04",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket05",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket06",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket07",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket08",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket09",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket10",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket11",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket12",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket13",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket14",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket15",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket00",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket01",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket02",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket03",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket04",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket05",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket06",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket07",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket08",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket09",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket10",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket11",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket12",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket13",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket14",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket15",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyPriorityFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket00",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket01",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket02",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket03",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket04",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket05",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket06",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket07",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket08",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket09",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket10",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket11",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket12",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket13",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket14",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket15",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket00",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket01",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket02",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket03",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket04",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket05",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket06",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket07",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket08",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket09",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket10",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket11",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket12",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket13",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket14",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket15",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyGroupFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket00",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket01",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket02",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket03",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket04",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket05",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket06",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket07",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket08",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket09",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket10",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket11",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket12",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket13",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket14",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket15",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket00",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket01",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket02",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket03",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket04",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket05",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket06",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket07",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket08",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket09",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket10",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket11",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket12",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket13",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket14",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket15",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket00",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket01",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket02",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket03",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket04",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket05",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket06",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket07",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket08",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket09",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket10",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket11",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket12",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket13",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket14",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket15",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket00",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket01",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket02",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket03",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket04",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket05",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket06",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket07",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket08",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket09",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket10",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket11",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket12",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket13",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket14",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket15",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyCompanyFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket00",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket01",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket02",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket03",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket04",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket05",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket06",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket07",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket08",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket09",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket10",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket11",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket12",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket13",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket14",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket15",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket00",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket01",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket02",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket03",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket04",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket05",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket06",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket07",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket08",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket09",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket10",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket11",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket12",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket13",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket14",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket15",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyChannelFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket00",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket01",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket02",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket03",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket04",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket05",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket06",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket07",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket08",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket09",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket10",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket11",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket12",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket13",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket14",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBucket15",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket00",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket01",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket02",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket03",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket04",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket05",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket06",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket07",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket08",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket09",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket10",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket11",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket12",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket13",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket14",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBucket15",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyAssigneeFacts");

            migrationBuilder.CreateTable(
                name: "ReportDailyHistograms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssigneeId = table.Column<long>(type: "bigint", nullable: false),
                    Bucket = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CompanyId = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    Metric = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyHistograms", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyHistograms_Day_Metric_GroupId_AssigneeId_Channel~",
                table: "ReportDailyHistograms",
                columns: new[] { "Day", "Metric", "GroupId", "AssigneeId", "Channel", "CompanyId", "Type", "Priority", "Bucket" },
                unique: true);
        }
    }
}
