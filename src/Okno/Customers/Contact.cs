using Okno.Tickets;

namespace Okno.Customers;

/// <summary>A person who asks for help. One person, several addresses: emails, phones and ids in each
/// messenger all point here, so the agent sees one history.</summary>
public sealed class Contact : Platform.Search.ISearchable
{
    public const int NameMaxLength = 200;
    public const int NotesMaxLength = 10_000;
    /// <summary>The name is in the full-text index so ticket search and the contacts list find a person by any word of
    /// it; addresses are exact look-ups over their own indexes instead.</summary>
    public const string SearchKind = "contact";

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public long? CompanyId { get; set; }
    /// <summary>Set on a contact made for an unverified sender (a help-center form, later a chat): the address they typed,
    /// normalized. Nobody has proved it is theirs, so it is not one of <see cref="Emails"/> (which identify a person and are
    /// unique), the contact is never matched by it, is never merged into the address's owner and never joins a company by
    /// its domain — until the address is confirmed (<see cref="ConfirmContact"/>: an agent by hand, later a link sent by
    /// email). Null for a verified contact.</summary>
    public string? UnverifiedEmail { get; set; }
    public Company? Company { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ContactEmail> Emails { get; set; } = [];
    public List<ContactPhone> Phones { get; set; } = [];
    public List<ContactExternalId> ExternalIds { get; set; } = [];
    /// <summary>The companies the person works for, with a role in each; <see cref="CompanyId"/> (the primary one, which
    /// new tickets take) is always one of them.</summary>
    public List<Requisites.ContactCompany> Memberships { get; set; } = [];
    /// <summary>What agents note about the person (free text, shown only to agents).</summary>
    public string? Notes { get; set; }

    private static readonly string[] SearchedProperties = [nameof(Name)];
    IReadOnlyCollection<string> Platform.Search.ISearchable.SearchedProperties => SearchedProperties;
    string Platform.Search.ISearchable.SearchKind => SearchKind;
    Platform.Search.SearchDocument Platform.Search.ISearchable.ToSearchDocument() => new(SearchKind, Id, null, "", Name, "");
}

public sealed class ContactEmail
{
    public const int MaxLength = 254;
    public long Id { get; set; }
    public long ContactId { get; set; }
    /// <summary>Lower-cased and trimmed; unique across contacts.</summary>
    public string Address { get; set; } = "";

    public static string Normalize(string address) => address.Trim().ToLowerInvariant();
}

public sealed class ContactPhone
{
    public long Id { get; set; }
    public long ContactId { get; set; }
    /// <summary>Digits with an optional leading '+', so "+7 (495) 123-45-67" and "+74951234567" are one number.</summary>
    public string Number { get; set; } = "";

    public static string Normalize(string number) =>
        (number.TrimStart().StartsWith('+') ? "+" : "") + new string(number.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Whether <paramref name="number"/> looks like a phone number: 5 to 15 digits (E.164 allows 15).</summary>
    public static bool IsValid(string number) => number.Length <= 40 && Normalize(number).Count(char.IsAsciiDigit) is >= 5 and <= 15;
}

/// <summary>The id of this person in a channel (a Telegram user id, a chat visitor id…); unique per channel.</summary>
public sealed class ContactExternalId
{
    public const int MaxLength = 200;
    public long Id { get; set; }
    public long ContactId { get; set; }
    public ChannelKind Channel { get; set; }
    public string ExternalId { get; set; } = "";
}

public sealed class Company : Platform.Search.ISearchable
{
    public const int NameMaxLength = 200;
    public const string SearchKind = "company";
    public long Id { get; set; }
    /// <summary>The short name, shown everywhere (<see cref="FullName"/> is the registered one).</summary>
    public string Name { get; set; } = "";
    /// <summary>Email domains of the company's staff, lower-cased, each belonging to one company: a new contact with an
    /// address on any of them joins it.</summary>
    public List<Requisites.CompanyDomain> Domains { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>What agents note about the client (free text, shown only to agents).</summary>
    public string? Notes { get; set; }

    // Requisites (issue 20), checked by Requisites.RussianRequisites; every one optional.
    public string? FullName { get; set; }
    /// <summary>10 digits for a legal entity, 12 for an entrepreneur; not unique (branches share their parent's INN).</summary>
    public string? Inn { get; set; }
    public string? Kpp { get; set; }
    /// <summary>OGRN (13 digits) or an entrepreneur's OGRNIP (15).</summary>
    public string? Ogrn { get; set; }
    public string? LegalAddress { get; set; }
    public string? PostalAddress { get; set; }
    public string? BankName { get; set; }
    public string? Bik { get; set; }
    public string? SettlementAccount { get; set; }
    public string? CorrespondentAccount { get; set; }
    /// <summary>The agent who owns the account (the client's manager at our side).</summary>
    public long? ManagerId { get; set; }

    private static readonly string[] SearchedProperties = [nameof(Name)];
    IReadOnlyCollection<string> Platform.Search.ISearchable.SearchedProperties => SearchedProperties;
    string Platform.Search.ISearchable.SearchKind => SearchKind;
    Platform.Search.SearchDocument Platform.Search.ISearchable.ToSearchDocument() => new(SearchKind, Id, null, "", Name, "");
}
