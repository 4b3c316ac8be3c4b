using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Customers;
using Okno.Customers.ServiceObjects;
using Okno.Platform;
using Okno.Platform.Data;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Surveys;
using Okno.Tickets;
using Okno.Tickets.CustomFields;

namespace Okno.Portal;

public enum PortalTicketFilter { Open, Closed, All }

public sealed record PortalTicketRow(long Id, string Reference, string Subject, TicketStatus Status, DateTimeOffset UpdatedAt, string? CustomerName);

public sealed record PortalAttachmentView(long Id, string FileName, long Size);

/// <summary>One message of the public timeline: never an internal note; the author is "you", a named agent, "support"
/// (the system, a bot, a rule) or a colleague of the user's company, and nothing else of anyone (no addresses).</summary>
public sealed record PortalMessageView(long Id, bool FromCustomer, string Author, string Text, DateTimeOffset At, IReadOnlyList<PortalAttachmentView> Attachments);

public sealed record PortalTicketView(long Id, string Reference, string Subject, TicketStatus Status, TicketType Type, DateTimeOffset CreatedAt,
    string? ObjectName, string? EquipmentName, bool IsOwn, IReadOnlyList<PortalMessageView> Messages, int? Rating, bool CanRate);

public sealed record PortalObjectRow(long Id, string Name, string? Address);

public sealed record PortalEquipmentRow(long Id, string Type, string? Manufacturer, string? Model, string? SerialNumber, string? ObjectName, DateOnly? WarrantyEnd);

/// <summary>A file the user attached in a portal form.</summary>
public sealed record PortalFile(string? FileName, string? ContentType, byte[] Content);

/// <summary>Everything the portal reads and writes about tickets, always through the user's access rule
/// (<see cref="TicketAccessRule.ContactOrCompanies"/>): a ticket, message, attachment, object or equipment outside it is
/// "not found" (null), never "forbidden", so the portal tells nothing of what exists. Writes go through the tickets' one
/// write path with the contact as the actor (<see cref="ReceiveCustomerMessage"/>, <see cref="CreateTicket"/>) and
/// ratings through the CSAT answers (<see cref="CsatAnswers"/>).</summary>
public sealed class PortalTickets(OknoDb db, ReceiveCustomerMessage receive, CreateTicket create, AttachmentIntake intake, MessageBodies bodies,
    CsatAnswers csat, IOptions<OknoOptions> okno, IOptions<PortalOptions> options)
{
    public const int SearchMaxLength = 100;
    public const int TextMaxLength = 20_000;

    public static TicketAccessRule Rule(PortalUser user) => TicketAccessRule.ContactOrCompanies(user.ContactId, user.ManagedCompanyIds);

    private IQueryable<Ticket> Visible(PortalUser user) => db.Tickets.AsNoTracking().AllowedBy(Rule(user));

    /// <summary>Newest first, keyset-paged by id (over the (ContactId, Id) and (CompanyId, Id) indexes); <paramref name="q"/>
    /// matches a ticket's reference exactly or a part of its subject.</summary>
    public async Task<Page<PortalTicketRow>> ListAsync(PortalUser user, PortalTicketFilter filter, string? q, string? cursor, CancellationToken ct)
    {
        var query = Visible(user);
        query = filter switch
        {
            PortalTicketFilter.Open => query.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed),
            PortalTicketFilter.Closed => query.Where(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed),
            _ => query,
        };
        var text = q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            if (text.Length > SearchMaxLength) text = text[..SearchMaxLength];
            var reference = TicketReference.Normalize(text);
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // Case-insensitive on both databases: SQLite's LIKE folds ASCII only, so the subject is compared lower-cased.
            var lower = pattern.ToLowerInvariant();
            query = query.Where(t => t.Reference == reference || EF.Functions.Like(t.Subject.ToLower(), lower, "\\"));
        }
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(t => t.Id < lastId);
        var limit = Math.Clamp(options.Value.PageSize, 1, 200);
        var rows = await query.OrderByDescending(t => t.Id).Take(limit + 1)
            .Select(t => new { t.Id, t.Reference, t.Subject, t.Status, t.UpdatedAt, t.ContactId, ContactName = t.Contact.Name }).ToListAsync(ct);
        var page = rows.Select(t => new PortalTicketRow(t.Id, TicketReference.Format(t.Reference ?? ""), t.Subject, t.Status, t.UpdatedAt,
            t.ContactId == user.ContactId ? null : t.ContactName)).ToList();
        return Paging.ToPage(page, limit, t => Paging.Encode(t.Id));
    }

    public async Task<PortalTicketView?> GetAsync(PortalUser user, long ticketId, string language, CancellationToken ct)
    {
        var ticket = await Visible(user).Where(t => t.Id == ticketId)
            .Select(t => new { t.Id, t.Reference, t.Subject, t.Status, t.Type, t.CreatedAt, t.ContactId, t.ServiceObjectId, t.EquipmentId })
            .SingleOrDefaultAsync(ct);
        if (ticket is null) return null;
        var objectName = ticket.ServiceObjectId is { } oid ? await db.ServiceObjects.Where(o => o.Id == oid).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        var equipmentName = ticket.EquipmentId is { } eid
            ? await db.Equipment.Where(e => e.Id == eid).Select(e => e.Type + " " + (e.Model ?? "") + (e.SerialNumber != null ? " · " + e.SerialNumber : "")).SingleOrDefaultAsync(ct)
            : null;
        var messages = await MessagesAsync(user, ticket.Id, ticket.ContactId, 0, language, ct);
        var own = ticket.ContactId == user.ContactId;
        int? rating = null;
        var canRate = false;
        if (own && ticket.Status is TicketStatus.Resolved or TicketStatus.Closed && await csat.LatestAsync(ticket.Id, ct) is { } survey)
        {
            rating = survey.Rating;
            canRate = survey.Status != CsatStatus.Answered;
        }
        return new PortalTicketView(ticket.Id, TicketReference.Format(ticket.Reference ?? ""), ticket.Subject, ticket.Status, ticket.Type, ticket.CreatedAt,
            objectName, equipmentName?.Trim(), own, messages, rating, canRate);
    }

    /// <summary>The public messages after <paramref name="afterId"/> (live updates); null when the ticket is not the user's.</summary>
    public async Task<IReadOnlyList<PortalMessageView>?> MessagesAfterAsync(PortalUser user, long ticketId, long afterId, string language, CancellationToken ct)
    {
        var ticket = await Visible(user).Where(t => t.Id == ticketId).Select(t => new { t.ContactId }).SingleOrDefaultAsync(ct);
        return ticket is null ? null : await MessagesAsync(user, ticketId, ticket.ContactId, afterId, language, ct);
    }

    /// <summary>At most this many messages are shown on a ticket (a ticket's conversation is short; the newest are kept).</summary>
    public const int MaxMessages = 500;

    private async Task<IReadOnlyList<PortalMessageView>> MessagesAsync(PortalUser user, long ticketId, long ticketContactId, long afterId, string language,
        CancellationToken ct)
    {
        var rows = await db.Messages.AsNoTracking().Where(m => m.TicketId == ticketId && !m.IsInternal && m.Id > afterId)
            .OrderByDescending(m => m.Id).Take(MaxMessages)
            .Select(m => new
            {
                m.Id, m.Direction, m.AuthorKind, m.AuthorId, m.BodyText, m.CreatedAt,
                Attachments = m.Attachments.OrderBy(a => a.Id).Select(a => new PortalAttachmentView(a.Id, a.FileName, a.Size)).ToList(),
            })
            .ToListAsync(ct);
        rows.Reverse();
        var agentIds = rows.Where(r => r.AuthorKind == ActorKind.Agent && r.AuthorId != null).Select(r => r.AuthorId!.Value).Distinct().ToList();
        var agents = agentIds.Count == 0 ? [] : await db.Agents.Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var contactIds = rows.Where(r => r.AuthorKind == ActorKind.Contact && r.AuthorId != null).Select(r => r.AuthorId!.Value).Distinct().ToList();
        // Colleagues' names only for people of the companies the user belongs to; anyone else on the thread is "a participant".
        var companies = user.CompanyIds.ToList();
        var colleagues = contactIds.Count == 0 ? [] : await db.ContactCompanies.Where(m => contactIds.Contains(m.ContactId) && companies.Contains(m.CompanyId))
            .Select(m => new { m.ContactId, m.Contact!.Name }).Distinct().ToDictionaryAsync(m => m.ContactId, m => m.Name, ct);
        return rows.Select(r => new PortalMessageView(r.Id, r.Direction == MessageDirection.In,
            r.AuthorKind switch
            {
                ActorKind.Contact when r.AuthorId == user.ContactId => PortalStrings.Get("You", language),
                ActorKind.Contact when r.AuthorId is { } c && colleagues.TryGetValue(c, out var name) => name,
                ActorKind.Contact => PortalStrings.Get("Participant", language),
                ActorKind.Agent when r.AuthorId is { } a && agents.TryGetValue(a, out var agent) => agent,
                _ => PortalStrings.Get("Support", language),
            }, r.BodyText, r.CreatedAt, r.Attachments)).ToList();
    }

    /// <summary>A file of a public message of a ticket the user may see; null otherwise.</summary>
    public async Task<(string Sha256, string ContentType, string FileName)?> AttachmentAsync(PortalUser user, long attachmentId, CancellationToken ct)
    {
        var visible = db.Tickets.AllowedBy(Rule(user));
        var row = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && !a.Message.IsInternal && visible.Any(t => t.Id == a.Message.TicketId))
            .Select(a => new { a.Sha256, a.ContentType, a.FileName }).SingleOrDefaultAsync(ct);
        return row is null ? null : (row.Sha256, row.ContentType, row.FileName);
    }

    /// <summary>Checks files as every channel's intake does (count and size limits of Okno:Limits, names cleaned, types
    /// checked) and stores them; a file over a limit is refused with the form (nothing is written).</summary>
    private async Task<List<AttachmentIntake.Stored>> StoreFilesAsync(IReadOnlyList<PortalFile> files, FieldErrors errors, CancellationToken ct)
    {
        var limits = okno.Value.Limits;
        var real = files.Where(f => f.Content.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (real.Count > limits.MaxAttachmentsPerMessage) errors.TooMany("attachments", limits.MaxAttachmentsPerMessage, "attachments per message");
        if (real.Any(f => f.Content.LongLength > limits.MaxAttachmentBytes)) throw new OknoException(new PayloadTooLarge(limits.MaxAttachmentBytes));
        if (errors.Any) return [];
        var dropped = new List<AttachmentIntake.Dropped>();
        var decoded = intake.ReadReceived(real.Select(f => (f.FileName, f.ContentType, f.Content, (string?)null, false)), dropped);
        return await intake.SaveAsync(decoded, ct);
    }

    /// <summary>A reply on a ticket the user may see (a manager on a colleague's too, as themselves); null when it is not.</summary>
    public async Task<ReceivedMessage?> ReplyAsync(PortalUser user, long ticketId, string? text, IReadOnlyList<PortalFile> files, CancellationToken ct)
    {
        if (!await Visible(user).AnyAsync(t => t.Id == ticketId, ct)) return null;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(text)) errors.Required("text");
        else if (text.Length > TextMaxLength) errors.TooLong("text", TextMaxLength);
        errors.ThrowIfAny();
        var stored = await StoreFilesAsync(files, errors, ct);
        errors.ThrowIfAny();
        try
        {
            return await receive.ExecuteAsync(ticketId, new CustomerMessage(bodies.FromText(text!.Trim()), stored) { ContactId = user.ContactId },
                Actor.Contact(user.ContactId), Rule(user), ct);
        }
        catch (OknoException e) when (e.Error is NotFound)
        {
            return null;
        }
    }

    /// <summary>A new ticket of the user (the company's is their primary company's), with the object and equipment checked
    /// to be that company's: another company's id is "not found" like one that does not exist.</summary>
    public async Task<long> CreateAsync(PortalUser user, string? subject, string? text, TicketType type, long? objectId, long? equipmentId,
        IReadOnlyList<PortalFile> files, CancellationToken ct, Dictionary<string, System.Text.Json.JsonElement>? customFields = null)
    {
        var errors = new FieldErrors();
        errors.Text("subject", subject, Ticket.SubjectMaxLength);
        if (string.IsNullOrWhiteSpace(text)) errors.Required("text");
        else if (text.Length > TextMaxLength) errors.TooLong("text", TextMaxLength);
        var companyId = await db.Contacts.Where(c => c.Id == user.ContactId).Select(c => c.CompanyId).SingleOrDefaultAsync(ct);
        if (objectId is not null && !await db.ServiceObjects.AnyAsync(o => o.Id == objectId && o.CompanyId == companyId, ct))
            errors.Add("serviceObjectId", ServiceObjectErrorCodes.ObjectNotFound, $"There is no service object {objectId}.", ("id", objectId));
        if (equipmentId is not null && !await db.Equipment.AnyAsync(e => e.Id == equipmentId && e.CompanyId == companyId, ct))
            errors.Add("equipmentId", ServiceObjectErrorCodes.EquipmentNotFound, $"There is no equipment {equipmentId}.", ("id", equipmentId));
        errors.ThrowIfAny();
        var inputs = files.Where(f => f.Content.Length > 0 || !string.IsNullOrEmpty(f.FileName))
            .Select(f => (AttachmentInput?)new AttachmentInput(f.FileName, f.ContentType, Convert.ToBase64String(f.Content))).ToList();
        var view = await create.ExecuteAsync(new CreateTicketRequest(subject, text!.Trim(), null, null, null, type, null, null, null, "portal", inputs)
        {
            ServiceObjectId = objectId, EquipmentId = equipmentId, CustomFields = customFields is { Count: > 0 } ? customFields : null,
        }, Actor.Contact(user.ContactId), ct);
        return view.Id;
    }

    /// <summary>Rates the latest resolution of the user's own resolved ticket; NotFound when it is not theirs or has no
    /// survey to answer.</summary>
    public async Task<CsatRateOutcome> RateAsync(PortalUser user, long ticketId, int rating, CancellationToken ct)
    {
        var own = await Visible(user).AnyAsync(t => t.Id == ticketId && t.ContactId == user.ContactId
            && (t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed), ct);
        return own ? await csat.RateLatestAsync(ticketId, rating, ct) : CsatRateOutcome.NotFound;
    }

    /// <summary>The ticket fields a customer fills in: the active ones of the kinds a form can hold. Links to contacts,
    /// companies and objects stay the agents' (a picker would list other clients' records).</summary>
    public async Task<IReadOnlyList<Tickets.CustomFields.CustomFieldDefinition>> CustomFieldsAsync(CancellationToken ct) =>
        (await db.CustomFields.AsNoTracking().Where(f => f.Entity == Tickets.CustomFields.CustomFieldEntity.Ticket && f.IsActive)
            .OrderBy(f => f.Position).ThenBy(f => f.Id).ToListAsync(ct)).Where(f => !f.IsLink).ToList();

    /// <summary>The objects of the user's primary company (the pickers of a new ticket).</summary>
    public async Task<IReadOnlyList<PortalObjectRow>> PickerObjectsAsync(PortalUser user, CancellationToken ct)
    {
        var companyId = await db.Contacts.Where(c => c.Id == user.ContactId).Select(c => c.CompanyId).SingleOrDefaultAsync(ct);
        return await db.ServiceObjects.AsNoTracking().Where(o => o.CompanyId == companyId).OrderBy(o => o.Name).ThenBy(o => o.Id).Take(500)
            .Select(o => new PortalObjectRow(o.Id, o.Name, o.Address)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PortalEquipmentRow>> PickerEquipmentAsync(PortalUser user, CancellationToken ct)
    {
        var companyId = await db.Contacts.Where(c => c.Id == user.ContactId).Select(c => c.CompanyId).SingleOrDefaultAsync(ct);
        return await EquipmentOf(db.Equipment.Where(e => e.CompanyId == companyId).OrderBy(e => e.Id).Take(500)).ToListAsync(ct);
    }

    /// <summary>A managed company's objects, paged by id; null when the user does not manage it.</summary>
    public async Task<Page<PortalObjectRow>?> ObjectsAsync(PortalUser user, long companyId, string? cursor, CancellationToken ct)
    {
        if (!user.ManagedCompanyIds.Contains(companyId)) return null;
        var query = db.ServiceObjects.AsNoTracking().Where(o => o.CompanyId == companyId);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(o => o.Id > lastId);
        var limit = Math.Clamp(options.Value.PageSize, 1, 200);
        var rows = await query.OrderBy(o => o.Id).Take(limit + 1).Select(o => new PortalObjectRow(o.Id, o.Name, o.Address)).ToListAsync(ct);
        return Paging.ToPage(rows, limit, o => Paging.Encode(o.Id));
    }

    /// <summary>A managed company's equipment, paged by id; null when the user does not manage it.</summary>
    public async Task<Page<PortalEquipmentRow>?> EquipmentAsync(PortalUser user, long companyId, string? cursor, CancellationToken ct)
    {
        if (!user.ManagedCompanyIds.Contains(companyId)) return null;
        var query = db.Equipment.AsNoTracking().Where(e => e.CompanyId == companyId);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(e => e.Id > lastId);
        var limit = Math.Clamp(options.Value.PageSize, 1, 200);
        var rows = await EquipmentOf(query.OrderBy(e => e.Id).Take(limit + 1)).ToListAsync(ct);
        return Paging.ToPage(rows, limit, e => Paging.Encode(e.Id));
    }

    private static IQueryable<PortalEquipmentRow> EquipmentOf(IQueryable<Equipment> equipment) =>
        equipment.Select(e => new PortalEquipmentRow(e.Id, e.Type, e.Manufacturer, e.Model, e.SerialNumber,
            e.ServiceObject != null ? e.ServiceObject.Name : null, e.WarrantyEnd));

    /// <summary>The names of the companies the user manages (the equipment page's tabs).</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> ManagedCompaniesAsync(PortalUser user, CancellationToken ct)
    {
        var ids = user.ManagedCompanyIds.ToList();
        var rows = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }
}
