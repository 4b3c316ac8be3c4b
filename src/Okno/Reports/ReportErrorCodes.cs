namespace Okno.Reports;

/// <summary>The codes of the errors of reports (see <see cref="Platform.Web.ErrorCodes"/> for the general ones).</summary>
public static class ReportErrorCodes
{
    public const string RangeReversed = "report.range_reversed";
    /// <summary>{max} days.</summary>
    public const string RangeTooLong = "report.range_too_long";
}
