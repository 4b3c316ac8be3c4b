using Okno.Surveys.Nps;

namespace Okno.Tests.Surveys.Nps;

/// <summary>When campaign runs come, and the NPS arithmetic, by hand.</summary>
public sealed class NpsRunPlanTests
{
    private static NpsCampaign Campaign(NpsSchedule schedule, string start, string zone = "UTC") =>
        new() { Schedule = schedule, StartAt = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeZone = zone };

    [Theory]
    // A monthly campaign started on 31 January keeps the month's last day when the month is shorter, then comes back to the 31st.
    [InlineData("Monthly", "2026-01-31T07:00:00Z", "Europe/Moscow", "2026-02-01T00:00:00Z", "2026-02-28T07:00:00Z")]
    [InlineData("Monthly", "2026-01-31T07:00:00Z", "Europe/Moscow", "2026-03-01T00:00:00Z", "2026-03-31T07:00:00Z")]
    [InlineData("Quarterly", "2026-01-31T07:00:00Z", "Europe/Moscow", "2026-02-01T00:00:00Z", "2026-04-30T07:00:00Z")]
    // 09:00 in Berlin stays 09:00 across the change to summer time (08:00 UTC in winter, 07:00 UTC in summer).
    [InlineData("Monthly", "2026-02-15T08:00:00Z", "Europe/Berlin", "2026-03-16T00:00:00Z", "2026-04-15T07:00:00Z")]
    // The start itself counts; a one-off is its start, even when asked later.
    [InlineData("Monthly", "2026-02-15T08:00:00Z", "UTC", "2026-02-15T08:00:00Z", "2026-02-15T08:00:00Z")]
    [InlineData("Once", "2026-02-15T08:00:00Z", "UTC", "2026-05-01T00:00:00Z", "2026-02-15T08:00:00Z")]
    public void The_first_run_at_or_after_an_instant(string schedule, string start, string zone, string at, string expected)
    {
        var campaign = Campaign(Enum.Parse<NpsSchedule>(schedule), start, zone);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            NpsRunPlan.FirstAtOrAfter(campaign, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void After_downtime_the_next_run_is_the_next_to_come_not_each_one_missed()
    {
        var campaign = Campaign(NpsSchedule.Monthly, "2026-01-10T09:00:00Z");
        var planned = new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero), NpsRunPlan.After(campaign, planned, planned.AddMinutes(1)));
        Assert.Equal(new DateTimeOffset(2026, 5, 10, 9, 0, 0, TimeSpan.Zero), NpsRunPlan.After(campaign, planned, new DateTimeOffset(2026, 4, 20, 0, 0, 0, TimeSpan.Zero)));
        Assert.Null(NpsRunPlan.After(Campaign(NpsSchedule.Once, "2026-01-10T09:00:00Z"), planned, planned));
    }

    [Theory]
    [InlineData(0, 0, 0, null)]
    [InlineData(5, 2, 3, 20.0)]
    [InlineData(4, 2, 3, 11.1)]
    [InlineData(0, 0, 4, -100.0)]
    [InlineData(1, 1, 1, 0.0)]
    public void Nps_is_percent_promoters_minus_percent_detractors(int promoters, int passives, int detractors, double? expected)
    {
        Assert.Equal(expected, NpsMath.Score(promoters, passives, detractors));
        Assert.Equal(expected, NpsTotals.Of(10, promoters, passives, detractors).Nps);
    }

    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void Scores_fall_into_the_three_groups(int score, NpsCategory category) => Assert.Equal(category, NpsMath.CategoryOf(score));
}
