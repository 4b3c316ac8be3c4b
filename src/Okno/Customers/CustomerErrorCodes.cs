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
    /// <summary>A contact merged into itself.</summary>
    public const string MergeIntoItself = "contact.merge_into_itself";
}
