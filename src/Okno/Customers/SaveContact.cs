using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Customers;

public sealed record ExternalIdInput([property: Required] string? Channel, [property: Required] string? ExternalId);

/// <summary>A whole contact: PUT replaces the lists of addresses with the ones given. <see cref="Notes"/> left out (null)
/// keeps the notes as they are, so a client written before notes existed does not erase them; "" clears them.</summary>
public sealed record ContactRequest([property: Required] string? Name, long? CompanyId, List<string?>? Emails, List<string?>? Phones,
    List<ExternalIdInput?>? ExternalIds, string? Notes = null)
{
    /// <summary>Custom field values { key: value } to set (issue 20); null clears one, fields left out keep theirs.</summary>
    public Dictionary<string, System.Text.Json.JsonElement>? CustomFields { get; init; }
}

/// <summary>Creates or rewrites a contact. An address (email, or id in a channel) belongs to one person only:
/// taking one that another contact has is a 409 naming that contact, never a silent move.</summary>
public sealed class SaveContact(OknoDb db, TimeProvider clock, Tickets.CustomFields.CustomFieldValues fieldValues)
{
    public const int MaxAddresses = 20;

    public async Task<long> ExecuteAsync(long? id, ContactRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text("name", request.Name, Contact.NameMaxLength);
        errors.Text("notes", request.Notes, Contact.NotesMaxLength, required: false);
        var emails = Addresses(request.Emails, "emails", errors, (field, value) => errors.Email(field, value), ContactEmail.Normalize);
        var phones = Addresses(request.Phones, "phones", errors, (field, value) =>
        {
            errors.Text(field, value, 40);
            if (value is not null && ContactPhone.Normalize(value).Count(char.IsAsciiDigit) is < 5 or > 15)
                errors.Add(field, ErrorCodes.InvalidPhone, "A phone number has 5 to 15 digits.");
        }, ContactPhone.Normalize);
        var externalIds = new List<(ChannelKind Channel, string Id)>();
        for (var i = 0; i < (request.ExternalIds?.Count ?? 0); i++)
        {
            var input = request.ExternalIds![i];
            if (string.IsNullOrWhiteSpace(input?.Channel)) errors.Required($"externalIds[{i}].channel");
            var channel = ChannelKind.Read(input?.Channel, $"externalIds[{i}].channel", errors);
            errors.Text($"externalIds[{i}].externalId", input?.ExternalId, 200);
            if (channel is { } kind && input?.ExternalId is { } externalId && !string.IsNullOrWhiteSpace(externalId))
                externalIds.Add((kind, externalId.Trim()));
        }
        if (request.ExternalIds?.Count > MaxAddresses) errors.TooMany("externalIds", MaxAddresses);
        if (request.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, cancellationToken))
            errors.Add("companyId", CustomerErrorCodes.CompanyNotFound, $"There is no company {companyId}.", ("id", companyId));
        var fields = await fieldValues.ParseAsync(Tickets.CustomFields.CustomFieldEntity.Contact, request.CustomFields, errors, cancellationToken);
        errors.ThrowIfAny();
        externalIds = externalIds.Distinct().ToList();

        return await db.WriteAsync(async ct =>
        {
            Contact contact;
            if (id is null)
            {
                contact = new Contact { CreatedAt = clock.GetUtcNow() };
                db.Contacts.Add(contact);
            }
            else
            {
                contact = await db.Contacts.Include(c => c.Emails).Include(c => c.Phones).Include(c => c.ExternalIds).Include(c => c.Memberships)
                    .SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new OknoException(new NotFound(CustomerErrorCodes.ContactNotFound, "Contact", id));
            }
            await EnsureFreeAsync(contact.Id, emails, externalIds, ct);
            contact.Name = request.Name!.Trim();
            contact.CompanyId = request.CompanyId;
            // The primary company is always a membership; other memberships stay (they are managed on their own).
            if (request.CompanyId is { } primary && contact.Memberships.All(m => m.CompanyId != primary))
                contact.Memberships.Add(new Requisites.ContactCompany { CompanyId = primary });
            if (request.Notes is not null) contact.Notes = NotesOf(request.Notes);
            contact.Emails.RemoveAll(e => !emails.Contains(e.Address));
            contact.Emails.AddRange(emails.Where(a => contact.Emails.All(e => e.Address != a)).Select(a => new ContactEmail { Address = a }));
            contact.Phones.RemoveAll(p => !phones.Contains(p.Number));
            contact.Phones.AddRange(phones.Where(n => contact.Phones.All(p => p.Number != n)).Select(n => new ContactPhone { Number = n }));
            contact.ExternalIds.RemoveAll(x => !externalIds.Contains((x.Channel, x.ExternalId)));
            contact.ExternalIds.AddRange(externalIds.Where(x => !contact.ExternalIds.Any(e => e.Channel == x.Channel && e.ExternalId == x.Id))
                .Select(x => new ContactExternalId { Channel = x.Channel, ExternalId = x.Id }));
            await db.SaveChangesAsync(ct);
            if (!fields.IsEmpty)
            {
                await fieldValues.WriteAsync(Tickets.CustomFields.CustomFieldEntity.Contact, contact.Id, fields, ct);
                await db.SaveChangesAsync(ct);
            }
            return contact.Id;
        }, cancellationToken);
    }

    private async Task EnsureFreeAsync(long contactId, List<string> emails, List<(ChannelKind Channel, string Id)> externalIds, CancellationToken ct)
    {
        var takenEmail = await db.ContactEmails.Where(e => emails.Contains(e.Address) && e.ContactId != contactId)
            .Select(e => new { e.Address, e.ContactId }).FirstOrDefaultAsync(ct);
        if (takenEmail is not null)
            throw new OknoException(new Duplicate(CustomerErrorCodes.EmailTaken, "emails", $"{takenEmail.Address} already belongs to contact {takenEmail.ContactId}.", ("email", takenEmail.Address), ("contactId", takenEmail.ContactId)));
        foreach (var (channel, externalId) in externalIds)
        {
            var owner = await db.ContactExternalIds.Where(x => x.Channel == channel && x.ExternalId == externalId && x.ContactId != contactId)
                .Select(x => (long?)x.ContactId).FirstOrDefaultAsync(ct);
            if (owner is not null)
                throw new OknoException(new Duplicate(CustomerErrorCodes.ExternalIdTaken, "externalIds", $"{channel.ToString()} id {externalId} already belongs to contact {owner}.", ("channel", channel.ToString()), ("externalId", externalId), ("contactId", owner)));
        }
    }

    /// <summary>Blank notes are no notes; line breaks are kept as typed (shown as text, never as markup).</summary>
    internal static string? NotesOf(string notes) => string.IsNullOrWhiteSpace(notes) ? null : notes.Trim().ReplaceLineEndings("\n");

    private static List<string> Addresses(List<string?>? values, string field, FieldErrors errors, Action<string, string?> check,
        Func<string, string> normalize)
    {
        if (values is null) return [];
        if (values.Count > MaxAddresses) errors.TooMany(field, MaxAddresses);
        for (var i = 0; i < values.Count; i++) check($"{field}[{i}]", values[i]);
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => normalize(v!)).Distinct().ToList();
    }
}
