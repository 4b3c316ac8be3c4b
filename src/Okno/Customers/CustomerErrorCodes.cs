namespace Okno.Customers;

/// <summary>The codes of the errors of contacts and companies (see <see cref="Platform.Web.ErrorCodes"/> for the general
/// ones).</summary>
public static class CustomerErrorCodes
{
    /// <summary>{id}</summary>
    public const string ContactNotFound = "contact.not_found";
    /// <summary>{id}; also a field error for a company id that does not exist.</summary>
    public const string CompanyNotFound = "company.not_found";
    /// <summary>{field}, {email}, {contactId}</summary>
    public const string EmailTaken = "contact.email_taken";
    /// <summary>{field}, {channel}, {externalId}, {contactId}</summary>
    public const string ExternalIdTaken = "contact.external_id_taken";
    /// <summary>A customer given by none of email, phone and channel id.</summary>
    public const string IdentityRequired = "customer.identity_required";
    /// <summary>{field}, {domain}, {companyId}: the domain is another company's.</summary>
    public const string DomainTaken = "company.domain_taken";
    /// <summary>{id}: the manager named is no active agent.</summary>
    public const string ManagerNotFound = "company.manager_not_found";
    /// <summary>{id} (the company): the contact is not a member of it.</summary>
    public const string MembershipNotFound = "contact.membership_not_found";
    /// <summary>A contact merged into itself.</summary>
    public const string MergeIntoItself = "contact.merge_into_itself";
}
