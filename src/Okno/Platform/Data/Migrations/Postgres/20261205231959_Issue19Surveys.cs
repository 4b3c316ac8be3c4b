using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue19Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CsatSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    GroupId = table.Column<long>(type: "bigint", nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    DelayMinutes = table.Column<int>(type: "integer", nullable: false),
                    TextEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TextRu = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LowRatingThreshold = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CsatSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CsatSettings_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CsatSurveys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    ResolutionEventId = table.Column<long>(type: "bigint", nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: false),
                    CompanyId = table.Column<long>(type: "bigint", nullable: true),
                    GroupId = table.Column<long>(type: "bigint", nullable: true),
                    AgentId = table.Column<long>(type: "bigint", nullable: true),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CommentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SkipReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CsatSurveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CsatSurveys_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NpsCampaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    QuestionRu = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    QuestionEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Segment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CompanyIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    TicketsFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TicketsTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Schedule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NextRunAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    AutoFollowUp = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NpsCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NpsContactStates",
                columns: table => new
                {
                    ContactId = table.Column<long>(type: "bigint", nullable: false),
                    LastAskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UnsubscribedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NpsContactStates", x => x.ContactId);
                    table.ForeignKey(
                        name: "FK_NpsContactStates_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NpsSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    MinIntervalDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NpsSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NpsRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CursorContactId = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NpsRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NpsRuns_NpsCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "NpsCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NpsSends",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: true),
                    CompanyId = table.Column<long>(type: "bigint", nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NpsSends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NpsSends_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NpsSends_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NpsSends_NpsRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "NpsRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NpsAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SendId = table.Column<long>(type: "bigint", nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: true),
                    CompanyId = table.Column<long>(type: "bigint", nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CommentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUpTicketId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NpsAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NpsAnswers_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NpsAnswers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NpsAnswers_NpsCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "NpsCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NpsAnswers_NpsSends_SendId",
                        column: x => x.SendId,
                        principalTable: "NpsSends",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NpsAnswers_Tickets_FollowUpTicketId",
                        column: x => x.FollowUpTicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSettings_GroupId",
                table: "CsatSettings",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSettings_Key",
                table: "CsatSettings",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_AgentId_AnsweredAt",
                table: "CsatSurveys",
                columns: new[] { "AgentId", "AnsweredAt" },
                filter: "\"AnsweredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_AnsweredAt_Id",
                table: "CsatSurveys",
                columns: new[] { "AnsweredAt", "Id" },
                filter: "\"AnsweredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_CompanyId_AnsweredAt",
                table: "CsatSurveys",
                columns: new[] { "CompanyId", "AnsweredAt" },
                filter: "\"AnsweredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_ContactId_AnsweredAt",
                table: "CsatSurveys",
                columns: new[] { "ContactId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_GroupId_AnsweredAt_Id",
                table: "CsatSurveys",
                columns: new[] { "GroupId", "AnsweredAt", "Id" },
                filter: "\"AnsweredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_ResolutionEventId",
                table: "CsatSurveys",
                column: "ResolutionEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_Status_DueAt",
                table: "CsatSurveys",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_TicketId_Id",
                table: "CsatSurveys",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CsatSurveys_TokenHash",
                table: "CsatSurveys",
                column: "TokenHash",
                unique: true,
                filter: "\"TokenHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_NpsAnswers_AnsweredAt",
                table: "NpsAnswers",
                column: "AnsweredAt");

            migrationBuilder.CreateIndex(
                name: "IX_NpsAnswers_CampaignId_AnsweredAt",
                table: "NpsAnswers",
                columns: new[] { "CampaignId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NpsAnswers_CampaignId_Id",
                table: "NpsAnswers",
                columns: new[] { "CampaignId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_NpsAnswers_CompanyId_AnsweredAt",
                table: "NpsAnswers",
                columns: new[] { "CompanyId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NpsAnswers_ContactId",
                table: "NpsAnswers",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_NpsAnswers_FollowUpTicketId",
                table: "NpsAnswers",
                column: "FollowUpTicketId");

            migrationBuilder.CreateIndex(
                name: "IX_NpsAnswers_SendId",
                table: "NpsAnswers",
                column: "SendId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NpsCampaigns_NextRunAt_Id",
                table: "NpsCampaigns",
                columns: new[] { "NextRunAt", "Id" },
                filter: "\"NextRunAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_NpsRuns_CampaignId_PlannedAt",
                table: "NpsRuns",
                columns: new[] { "CampaignId", "PlannedAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NpsRuns_Unfinished",
                table: "NpsRuns",
                column: "Id",
                filter: "\"FinishedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_NpsSends_CampaignId_SentAt",
                table: "NpsSends",
                columns: new[] { "CampaignId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NpsSends_CompanyId",
                table: "NpsSends",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_NpsSends_ContactId",
                table: "NpsSends",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_NpsSends_RunId_ContactId",
                table: "NpsSends",
                columns: new[] { "RunId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NpsSends_TokenHash",
                table: "NpsSends",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CsatSettings");

            migrationBuilder.DropTable(
                name: "CsatSurveys");

            migrationBuilder.DropTable(
                name: "NpsAnswers");

            migrationBuilder.DropTable(
                name: "NpsContactStates");

            migrationBuilder.DropTable(
                name: "NpsSettings");

            migrationBuilder.DropTable(
                name: "NpsSends");

            migrationBuilder.DropTable(
                name: "NpsRuns");

            migrationBuilder.DropTable(
                name: "NpsCampaigns");
        }
    }
}
