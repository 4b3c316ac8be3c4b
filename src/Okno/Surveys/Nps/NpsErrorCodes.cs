namespace Okno.Surveys.Nps;

/// <summary>The codes of the errors of NPS campaigns (see <see cref="Platform.Web.ErrorCodes"/> for the general ones).</summary>
public static class NpsErrorCodes
{
    /// <summary>{id}</summary>
    public const string CampaignNotFound = "nps.campaign_not_found";
    /// <summary>{id}</summary>
    public const string AnswerNotFound = "nps.answer_not_found";
    /// <summary>{id}: a chosen company that does not exist.</summary>
    public const string CompanyNotFound = "nps.company_not_found";
    /// <summary>The period's end is not after its start.</summary>
    public const string PeriodReversed = "nps.period_reversed";
    /// <summary>{value}</summary>
    public const string UnknownTimeZone = "nps.unknown_time_zone";
    /// <summary>{number}: the answer has its follow-up ticket (that number) already.</summary>
    public const string FollowUpExists = "nps.follow_up_exists";
    /// <summary>{value} (the score): only a detractor's answer (0–6) opens a follow-up ticket.</summary>
    public const string NotADetractor = "nps.not_a_detractor";
    /// <summary>The person who answered was deleted: there is nobody to open a ticket for.</summary>
    public const string ContactGone = "nps.contact_gone";
    public const string RangeReversed = "nps.range_reversed";
    /// <summary>{max} days.</summary>
    public const string RangeTooLong = "nps.range_too_long";
}
