using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Okno.Platform.Data.Migrations;

#nullable disable

namespace Okno.Platform.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyTypeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyPriorityFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyGroupFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyCompanyFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyChannelFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket00",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket01",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket02",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket03",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket04",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket05",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket06",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket07",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket08",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket09",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket10",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket11",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket12",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket13",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket14",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBucket15",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket00",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket01",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket02",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket03",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket04",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket05",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket06",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket07",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket08",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket09",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket10",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket11",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket12",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket13",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket14",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBusinessBucket15",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket00",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket01",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket02",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket03",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket04",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket05",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket06",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket07",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket08",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket09",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket10",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket11",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket12",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket13",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket14",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBucket15",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket00",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket01",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket02",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket03",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket04",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket05",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket06",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket07",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket08",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket09",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket10",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket11",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket12",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket13",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket14",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBusinessBucket15",
                table: "ReportDailyAssigneeFacts",
                type: "INTEGER",
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
            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"FirstResponseBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTypeFacts\" DROP COLUMN \"ResolutionBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"FirstResponseBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyTotals\" DROP COLUMN \"ResolutionBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"FirstResponseBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyPriorityFacts\" DROP COLUMN \"ResolutionBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"FirstResponseBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyGroupFacts\" DROP COLUMN \"ResolutionBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"FirstResponseBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyFacts\" DROP COLUMN \"ResolutionBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"FirstResponseBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyCompanyFacts\" DROP COLUMN \"ResolutionBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"FirstResponseBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyChannelFacts\" DROP COLUMN \"ResolutionBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"FirstResponseBusinessBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBucket15\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket00\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket01\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket02\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket03\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket04\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket05\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket06\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket07\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket08\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket09\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket10\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket11\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket12\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket13\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket14\"");

            migrationBuilder.Sql("ALTER TABLE \"ReportDailyAssigneeFacts\" DROP COLUMN \"ResolutionBusinessBucket15\"");

            migrationBuilder.CreateTable(
                name: "ReportDailyHistograms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CompanyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDailyHistograms", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDailyHistograms_Day_Metric_GroupId_AssigneeId_Channel_CompanyId_Type_Priority_Bucket",
                table: "ReportDailyHistograms",
                columns: new[] { "Day", "Metric", "GroupId", "AssigneeId", "Channel", "CompanyId", "Type", "Priority", "Bucket" },
                unique: true);
        }
    }
}
