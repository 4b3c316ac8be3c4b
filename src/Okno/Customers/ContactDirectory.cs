using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers;

/// <summary>A person's id in a channel: a Telegram user id, a chat visitor id…</summary>
public sealed record ChannelId(ChannelKind Channel, string Id);

/// <summary>Who a customer is, as an intake knows them: an existing contact, or at least one of an email address, a
/// phone number and an id in a channel (an anonymous website visitor, a Telegram user and a caller have no email).
/// <see cref="Name"/> names a contact that has to be created.</summary>
public sealed record CustomerIdentity(string? Email = null, string? Phone = null, ChannelId? ChannelId = null, string? Name = null)
{
    /// <summary>A contact the caller already knows (a follow-up of its ticket, demo data); the other fields are unused.</summary>
    public long? ContactId { get; init; }

    public static CustomerIdentity Known(long contactId) => new() { ContactId = contactId };

    /// <summary>The email is the sender's unproved claim (an anonymous form, a chat): see <see cref="Unverified"/>.</summary>
    public bool Unverified { get; init; }

    public static CustomerIdentity ByEmail(string email, string? name = null) => new(Email: email, Name: name);

    /// <summary>Someone who typed an address nobody has checked (the help-center form): a new contact that records the
    /// address as <see cref="Contact.UnverifiedEmail"/>, never the contact that owns it, never that domain's company.</summary>
    public static CustomerIdentity UnverifiedEmail(string email, string? name = null) => new(Email: email, Name: name) { Unverified = true };

    internal string? NormalizedEmail => string.IsNullOrWhiteSpace(Email) ? null : ContactEmail.Normalize(Email);
    /// <summary>The email as a key that finds a contact: none when it is unverified.</summary>
    internal string? MatchingEmail => Unverified ? null : NormalizedEmail;
    internal string? NormalizedPhone => string.IsNullOrWhiteSpace(Phone) ? null : ContactPhone.Normalize(Phone);
    internal ChannelId? NormalizedChannelId => ChannelId is { } c && !string.IsNullOrWhiteSpace(c.Id) ? c with { Id = c.Id.Trim() } : null;
}

/// <summary>Recognises a customer by an address they wrote from, or records them as new.</summary>
public sealed class ContactDirectory(OknoDb db, TimeProvider clock)
{
    /// <summary>The contact who owns <paramref name="email"/>, or a new one (saved, so it has an id), with its
    /// addresses and company loaded (what a ticket's answer shows of its customer). A new contact joins the company
    /// whose domain matches the address. Call inside <see cref="OknoDb.WriteAsync"/>: a concurrent creation of the
    /// same address is then retried and finds the other one's contact.</summary>
    public async Task<Contact> FindOrCreateByEmailAsync(string email, string? name, CancellationToken cancellationToken) =>
        (await FindOrCreateAsync([CustomerIdentity.ByEmail(email, name)], cancellationToken))[0];

    /// <summary>The contact of each identity, in the same order, found or created (saved) in at most three round
    /// trips whatever their number: found contacts, then the companies of new ones that have an email, then the new
    /// ones saved together. Call inside <see cref="OknoDb.WriteAsync"/>, as <see cref="FindOrCreateByEmailAsync"/>.
    /// <para>An identity is matched by its strongest key: the contact id, then the email, then the channel id (both
    /// unique), then the phone (not unique: the oldest contact with that number). A found contact is used as it is —
    /// the other keys given are not added to it, since an intake's unchecked claim must never attach an address to a
    /// person; the customer card's merge joins two contacts of one person. A new contact records every key given and
    /// is named by the name given, else its email's local part, else its phone number, else its channel id written
    /// as "channel:id" (language-neutral; agents rename it in the card). Two identities sharing a key in one call make
    /// one contact. An unknown contact id throws.</para>
    /// <para>An <see cref="CustomerIdentity.Unverified"/> email is no key: the identity is matched by its other keys only,
    /// and a new contact for it keeps the address as <see cref="Contact.UnverifiedEmail"/> and joins no company.</para></summary>
    public async Task<IReadOnlyList<Contact>> FindOrCreateAsync(IReadOnlyList<CustomerIdentity> customers, CancellationToken cancellationToken)
    {
        var ids = customers.Select(c => c.ContactId).OfType<long>().Distinct().ToList();
        var emails = customers.Select(c => c.MatchingEmail).OfType<string>().Distinct().ToList();
        var phones = customers.Select(c => c.NormalizedPhone).OfType<string>().Distinct().ToList();
        var channelIds = customers.Select(c => c.NormalizedChannelId).OfType<ChannelId>().Distinct().ToList();
        var externalIds = channelIds.Select(c => c.Id).Distinct().ToList();

        // One query whatever keys are given: from the address indexes to the contacts (never a scan of contacts testing
        // each one's addresses); a key that is not given adds neither a condition nor a join, so a batch of email
        // customers reads exactly what it read before phones and channel ids were keys.
        IQueryable<long>? owners = null;
        void Either(IQueryable<long> more) => owners = owners is null ? more : owners.Concat(more);
        if (emails.Count > 0) Either(db.ContactEmails.Where(e => emails.Contains(e.Address)).Select(e => e.ContactId));
        if (phones.Count > 0) Either(db.ContactPhones.Where(p => phones.Contains(p.Number)).Select(p => p.ContactId));
        if (externalIds.Count > 0) Either(db.ContactExternalIds.Where(x => externalIds.Contains(x.ExternalId)).Select(x => x.ContactId));
        IQueryable<Contact> query = db.Contacts.Include(c => c.Emails).Include(c => c.Company);
        if (phones.Count > 0) query = query.Include(c => c.Phones);
        if (externalIds.Count > 0) query = query.Include(c => c.ExternalIds);
        query = (ids.Count, owners) switch
        {
            (0, { } o) => query.Where(c => o.Contains(c.Id)),
            (_, { } o) => query.Where(c => ids.Contains(c.Id) || o.Contains(c.Id)),
            _ => query.Where(c => ids.Contains(c.Id)),
        };
        // One query, not split: a contact has a handful of addresses, so the joined rows stay few.
        var found = ids.Count == 0 && owners is null ? [] : await query.AsSingleQuery().ToListAsync(cancellationToken);

        var keys = new ContactKeys();
        // Oldest first, so the oldest owner of a shared phone number wins.
        foreach (var contact in found.OrderBy(c => c.Id)) keys.Add(contact);
        var result = new Contact?[customers.Count];
        var missing = new List<int>();
        for (var i = 0; i < customers.Count; i++)
        {
            if (customers[i].ContactId is { } id)
                result[i] = keys.ById.GetValueOrDefault(id) ?? throw new InvalidOperationException($"There is no contact {id}.");
            else if ((result[i] = keys.Find(customers[i])) is null) missing.Add(i);
        }
        if (missing.Count == 0) return result!;

        var domains = missing.Select(i => customers[i].MatchingEmail).OfType<string>().Select(DomainOf).Distinct().ToList();
        // A domain belongs to one company (unique index), so each domain names at most one.
        var companies = domains.Count == 0 ? new Dictionary<string, Company>(StringComparer.Ordinal)
            : await db.CompanyDomains.Where(d => domains.Contains(d.Domain)).Join(db.Companies, d => d.CompanyId, c => c.Id, (d, c) => new { d.Domain, Company = c })
                .ToDictionaryAsync(x => x.Domain, x => x.Company, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var i in missing)
        {
            var customer = customers[i];
            // An earlier new contact of this call may share a key with this one.
            if ((result[i] = keys.Find(customer)) is not null) continue;
            var (email, phone, channelId) = (customer.MatchingEmail, customer.NormalizedPhone, customer.NormalizedChannelId);
            var unverified = customer.Unverified ? customer.NormalizedEmail : null;
            var contact = new Contact
            {
                Name = NameOf(customer.Name, email ?? unverified, phone, channelId),
                Company = email is null ? null : companies.GetValueOrDefault(DomainOf(email)),
                UnverifiedEmail = unverified,
                CreatedAt = now,
            };
            // Joining by domain makes the contact a member there too (the primary company is always a membership).
            if (contact.Company is { } joined) contact.Memberships.Add(new() { CompanyId = joined.Id });
            if (email is not null) contact.Emails.Add(new ContactEmail { Address = email });
            if (phone is not null) contact.Phones.Add(new ContactPhone { Number = phone });
            if (channelId is not null) contact.ExternalIds.Add(new ContactExternalId { Channel = channelId.Channel, ExternalId = channelId.Id });
            db.Contacts.Add(contact);
            keys.Add(contact);
            result[i] = contact;
        }
        await db.SaveChangesAsync(cancellationToken);
        return result!;
    }

    /// <summary>The same for customers known by email only, keyed by normalized address.</summary>
    public async Task<IReadOnlyDictionary<string, Contact>> FindOrCreateByEmailsAsync(
        IReadOnlyList<(string Email, string? Name)> customers, CancellationToken cancellationToken)
    {
        var contacts = await FindOrCreateAsync(customers.Select(c => CustomerIdentity.ByEmail(c.Email, c.Name)).ToList(), cancellationToken);
        var byAddress = new Dictionary<string, Contact>(StringComparer.Ordinal);
        for (var i = 0; i < customers.Count; i++) byAddress.TryAdd(ContactEmail.Normalize(customers[i].Email), contacts[i]);
        return byAddress;
    }

    /// <summary>The name a new contact is stored with when none is given: an address of theirs, never a phrase in some
    /// language (the stored name is shown to agents of every language as it is).</summary>
    internal static string NameOf(string? name, string? email, string? phone, ChannelId? channelId)
    {
        if (!string.IsNullOrWhiteSpace(name)) return name.Trim();
        if (email is not null) return email[..email.IndexOf('@')];
        if (phone is not null) return phone;
        var id = $"{channelId!.Channel.Value}:{channelId.Id}";
        return id.Length <= Contact.NameMaxLength ? id : id[..Contact.NameMaxLength];
    }

    /// <summary>The company a customer with this (normalized, verified) address joins: the one with its domain.</summary>
    public async Task<Company?> CompanyOfAsync(string email, CancellationToken cancellationToken)
    {
        var domain = DomainOf(email);
        var owner = db.CompanyDomains.Where(d => d.Domain == domain).Select(d => d.CompanyId);
        return await db.Companies.Where(c => owner.Contains(c.Id)).FirstOrDefaultAsync(cancellationToken);
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];

    /// <summary>Contacts by each of their keys, for matching identities in memory.</summary>
    private sealed class ContactKeys
    {
        public Dictionary<long, Contact> ById { get; } = [];
        private readonly Dictionary<string, Contact> _byEmail = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Contact> _byPhone = new(StringComparer.Ordinal);
        private readonly Dictionary<ChannelId, Contact> _byChannelId = [];

        public void Add(Contact contact)
        {
            if (contact.Id != 0) ById[contact.Id] = contact;
            foreach (var email in contact.Emails) _byEmail.TryAdd(email.Address, contact);
            foreach (var phone in contact.Phones) _byPhone.TryAdd(phone.Number, contact);
            foreach (var external in contact.ExternalIds) _byChannelId.TryAdd(new ChannelId(external.Channel, external.ExternalId), contact);
        }

        public Contact? Find(CustomerIdentity customer) =>
            (customer.MatchingEmail is { } email ? _byEmail.GetValueOrDefault(email) : null)
            ?? (customer.NormalizedChannelId is { } channelId ? _byChannelId.GetValueOrDefault(channelId) : null)
            ?? (customer.NormalizedPhone is { } phone ? _byPhone.GetValueOrDefault(phone) : null);
    }
}
