namespace Okno.Reports;

/// <summary>The codes of the errors of reports (see <see cref="Platform.Web.ErrorCodes"/> for the general ones).</summary>
public static class ReportErrorCodes
{
    public const string RangeReversed = "report.range_reversed";
    /// <summary>{max} days.</summary>
    public const string RangeTooLong = "report.range_too_long";
    /// <summary>{id}: the report name.</summary>
    public const string ReportNotFound = "report.not_found";
    /// <summary>{name}: a KPI whose data another section provides, not wired yet.</summary>
    public const string KpiNotAvailable = "report.kpi_not_available";
    public const string TagWithDimensions = "report.tag_with_dimensions";
    /// <summary>{name}: the report.</summary>
    public const string NotByTag = "report.not_by_tag";
    public const string FieldWithDimensions = "report.field_with_dimensions";
    /// <summary>{name}: the report.</summary>
    public const string NotByField = "report.not_by_field";
    /// <summary>{name}: the custom field; {kind}: its type (only list and yes/no fields are kept per value).</summary>
    public const string FieldNotReportable = "report.field_not_reportable";
    /// <summary>{name}: the report.</summary>
    public const string NotSliceable = "report.not_sliceable";
    /// <summary>{name}: the report; {field}: the query value it is not kept by (NPS: day and company only).</summary>
    public const string DimensionNotSupported = "report.dimension_not_supported";
    /// <summary>{name}: a report whose numbers are not tickets' (NPS: people's answers).</summary>
    public const string NoTickets = "report.no_tickets";
    /// <summary>{value}: neither json, csv nor xlsx.</summary>
    public const string UnknownFormat = "report.unknown_format";
    /// <summary>{value}: not a bucket of the report's period (a day yyyy-MM-dd).</summary>
    public const string InvalidBucket = "report.invalid_bucket";
}
