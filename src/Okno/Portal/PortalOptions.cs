namespace Okno.Portal;

/// <summary>Settings under <c>Okno:Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string Section = "Okno:Portal";

    /// <summary>Sign-in submissions (link requests and passwords) from one client address per minute (the ASP.NET Core rate
    /// limiter; 429 with Retry-After past it).</summary>
    public int SignInPerAddressPerMinute { get; set; } = 10;
    /// <summary>Sign-in submissions naming one email address per hour, whoever sends them (known or not: counting by the
    /// typed address tells nothing about accounts).</summary>
    public int SignInPerEmailPerHour { get; set; } = 10;
    /// <summary>How long a sign-in link works.</summary>
    public int LinkMinutes { get; set; } = 15;
    /// <summary>How long an invitation's set-password link works.</summary>
    public int InvitationDays { get; set; } = 7;
    /// <summary>Tickets per page of the ticket list.</summary>
    public int PageSize { get; set; } = 25;
}
