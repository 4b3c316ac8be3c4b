using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Okno.Platform.Data.Migrations;

/// <summary>The data step of the Issue19DurationBuckets migrations (same SQL on SQLite ≥ 3.33 and PostgreSQL): the
/// duration histograms move from their own table into bucket columns of the daily facts, and the rollups are summed
/// again from the facts. Column lists frozen as of that migration.</summary>
internal static class Issue19DurationBucketsSql
{
    private static readonly string[] Metrics = ["FirstResponse", "FirstResponseBusiness", "Resolution", "ResolutionBusiness"];
    private const int Buckets = 16;
    private static readonly string[] FactKeys = ["Day", "GroupId", "AssigneeId", "Channel", "CompanyId", "Type", "Priority"];
    private static readonly string[] Totals =
    [
        "Created", "Solved", "Reopened", "OneTouch", "BacklogDelta", "FirstResponses", "FirstResponseMinutes", "FirstResponseBusinessMinutes",
        "Resolutions", "ResolutionMinutes", "ResolutionBusinessMinutes", "FirstResponseMet", "FirstResponseBreached", "NextResponseMet",
        "NextResponseBreached", "ResolutionMet", "ResolutionBreached", "Escalations", "CsatRatings", "CsatSatisfied", "CsatRatingSum",
    ];
    private static readonly (string Table, string[] Keys)[] Rollups =
    [
        ("ReportDailyTotals", ["Day"]), ("ReportDailyGroupFacts", ["Day", "GroupId"]), ("ReportDailyAssigneeFacts", ["Day", "AssigneeId"]),
        ("ReportDailyChannelFacts", ["Day", "Channel"]), ("ReportDailyCompanyFacts", ["Day", "CompanyId"]), ("ReportDailyTypeFacts", ["Day", "Type"]),
        ("ReportDailyPriorityFacts", ["Day", "Priority"]),
    ];

    private static string Bucket(string metric, int bucket) => string.Create(CultureInfo.InvariantCulture, $"{metric}Bucket{bucket:00}");
    private static string Q(string name) => "\"" + name + "\"";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var metric in Metrics)
        {
            var sums = Enumerable.Range(0, Buckets)
                .Select(b => string.Create(CultureInfo.InvariantCulture, $"SUM(CASE WHEN \"Bucket\" = {b} THEN \"Count\" ELSE 0 END) AS b{b}"));
            var sql = new StringBuilder()
                .Append("UPDATE \"ReportDailyFacts\" AS f SET ")
                .AppendJoin(", ", Enumerable.Range(0, Buckets).Select(b => string.Create(CultureInfo.InvariantCulture, $"{Q(Bucket(metric, b))} = h.b{b}")))
                .Append(" FROM (SELECT ").AppendJoin(", ", FactKeys.Select(Q)).Append(", ").AppendJoin(", ", sums)
                .Append(" FROM \"ReportDailyHistograms\" WHERE \"Metric\" = '").Append(metric).Append("' GROUP BY ").AppendJoin(", ", FactKeys.Select(Q))
                .Append(") AS h WHERE ").AppendJoin(" AND ", FactKeys.Select(k => $"f.{Q(k)} = h.{Q(k)}"));
            migrationBuilder.Sql(sql.ToString());
        }
        var counters = Totals.Concat(Metrics.SelectMany(m => Enumerable.Range(0, Buckets).Select(b => Bucket(m, b)))).ToList();
        foreach (var (table, keys) in Rollups)
        {
            migrationBuilder.Sql($"DELETE FROM {Q(table)}");
            migrationBuilder.Sql(new StringBuilder().Append("INSERT INTO ").Append(Q(table)).Append(" (")
                .AppendJoin(", ", keys.Concat(counters).Select(Q)).Append(") SELECT ").AppendJoin(", ", keys.Select(Q)).Append(", ")
                .AppendJoin(", ", counters.Select(c => $"SUM({Q(c)})")).Append(" FROM \"ReportDailyFacts\" GROUP BY ")
                .AppendJoin(", ", keys.Select(Q)).ToString());
        }
    }
}
