namespace Okno.Routing;

/// <summary>The codes of the errors of support lines and escalation (see <see cref="Platform.Web.ErrorCodes"/> for the
/// general ones).</summary>
public static class RoutingErrorCodes
{
    /// <summary>{id}: the group is not a support line.</summary>
    public const string NotALine = "routing.not_a_line";
    /// <summary>The ticket is in that line already.</summary>
    public const string SameLine = "routing.same_line";
    /// <summary>An escalation or return names no reason.</summary>
    public const string ReasonRequired = "routing.reason_required";
    /// <summary>{id}: no such reason, or it is archived.</summary>
    public const string ReasonUnknown = "routing.reason_unknown";
    /// <summary>{id}</summary>
    public const string ReasonNotFound = "routing.reason_not_found";
    /// <summary>{name}</summary>
    public const string ReasonNameTaken = "routing.reason_name_taken";
    /// <summary>{id}: a group named twice in the order of lines.</summary>
    public const string LineTwice = "routing.line_twice";
    /// <summary>The report's period ends before it starts.</summary>
    public const string RangeReversed = "routing.range_reversed";
    /// <summary>{max}: days in the report's period at most.</summary>
    public const string RangeTooLong = "routing.range_too_long";
    /// <summary>{value}: not an IANA time zone.</summary>
    public const string UnknownTimeZone = "routing.unknown_time_zone";
}
