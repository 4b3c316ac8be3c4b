namespace Okno.Customers.Requisites;

/// <summary>One email domain of a company; unique across companies, so an address joins one company only.</summary>
public sealed class CompanyDomain
{
    public const int MaxLength = 253;
    public const int MaxPerCompany = 20;
    public long Id { get; set; }
    public long CompanyId { get; set; }
    public string Domain { get; set; } = "";
}

public enum ContactCompanyRole
{
    /// <summary>Works there; sees their own tickets.</summary>
    Member,
    /// <summary>The client's own manager: sees every ticket of the company (in the portal, later).</summary>
    Manager,
}

/// <summary>A contact's membership of a company, with their role there and, optionally, their position.</summary>
public sealed class ContactCompany
{
    public const int PositionMaxLength = 200;
    public long ContactId { get; set; }
    public Contact? Contact { get; set; }
    public long CompanyId { get; set; }
    public Company? Company { get; set; }
    public ContactCompanyRole Role { get; set; }
    public string? Position { get; set; }
}
