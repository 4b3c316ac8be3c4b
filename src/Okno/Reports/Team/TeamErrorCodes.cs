namespace Okno.Reports.Team;

/// <summary>The codes of the errors of the team view and the work-time report.</summary>
public static class TeamErrorCodes
{
    public const string RangeReversed = "team.range_reversed";
    /// <summary>{max} days.</summary>
    public const string RangeTooLong = "team.range_too_long";
    /// <summary>{value}: the zone asked for.</summary>
    public const string UnknownTimeZone = "team.unknown_time_zone";
}
