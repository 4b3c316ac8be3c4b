using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;
using Okno.Tickets.CustomFields;

namespace Okno.Customers.ServiceObjects;

public sealed record ServiceObjectView(
    long Id, long CompanyId, string CompanyName, string Name, ServiceObjectKind Kind, string? Address, double? Latitude, double? Longitude,
    string? WorkingHours, string? AccessNotes, string? Notes, DateTimeOffset CreatedAt, IReadOnlyList<long> ContactIds)
{
    /// <summary>Custom field values { key: value }; read for one object (not in lists).</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? CustomFields { get; init; }
}

public sealed record EquipmentView(
    long Id, long CompanyId, long? ServiceObjectId, string? ServiceObjectName, string Type, string? Manufacturer, string? Model,
    string? SerialNumber, string? InventoryNumber, DateOnly? WarrantyEnd, IReadOnlyList<EquipmentParameter> Parameters, string? Notes,
    DateTimeOffset CreatedAt)
{
    /// <summary>Custom field values { key: value }; read for one piece (not in lists).</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?>? CustomFields { get; init; }
}

public sealed record EquipmentMoveView(long Id, long? FromObjectId, long? ToObjectId, long? AgentId, DateTimeOffset At, string? Comment);

/// <summary>Service objects and equipment of client companies: CRUD, moves and their history, serial search, the tickets
/// about each (issue 20, part "objects").</summary>
public static class ServiceObjectsEndpoints
{
    public static IEndpointRouteBuilder MapServiceObjectsEndpoints(this IEndpointRouteBuilder app)
    {
        var objects = app.MapGroup("/api/v1/service-objects").RequireAuthorization().WithTags("Service objects").WithProblemResponses();

        objects.MapGet("/", async (long? companyId, string? q, int? limit, string? cursor, HttpRequest http, OknoDb db, ServiceObjectQueries queries,
            CancellationToken ct) =>
        {
            var fields = await CustomFieldCondition.FromQueryAsync(http.Query, CustomFieldEntity.ServiceObject, db, ct);
            return TypedResults.Ok(await queries.ObjectsAsync(companyId, q, limit, cursor, ct, fields));
        }).WithSummary("Service objects (of a company; q: words of the name or address; cf.<key>=value: by a custom field), oldest first");

        objects.MapGet("/{id:long}", async (long id, OknoDb db, CancellationToken ct) => TypedResults.Ok(await FindObjectAsync(db, id, ct)));

        objects.MapPost("/", async (ServiceObjectRequest request, SaveServiceObject save, OknoDb db, CancellationToken ct) =>
        {
            var id = await save.ExecuteAsync(null, request, ct);
            return TypedResults.Created($"/api/v1/service-objects/{id}", await FindObjectAsync(db, id, ct));
        }).WithSummary("Record a service object of a company: name, kind, address, coordinates, hours, access notes, contacts on site");

        objects.MapPut("/{id:long}", async (long id, ServiceObjectRequest request, SaveServiceObject save, OknoDb db, CancellationToken ct) =>
        {
            await save.ExecuteAsync(id, request, ct);
            return TypedResults.Ok(await FindObjectAsync(db, id, ct));
        }).WithSummary("Rewrite a service object (its company cannot change)");

        objects.MapDelete("/{id:long}", async (long id, OknoDb db, CancellationToken ct) =>
        {
            await db.WriteAsync(async c =>
            {
                var item = await db.ServiceObjects.SingleOrDefaultAsync(o => o.Id == id, c)
                    ?? throw new OknoException(new NotFound(ServiceObjectErrorCodes.ObjectNotFound, "Service object", id));
                // Counted only up to a few: the answer says "in use", not how much.
                var used = await db.Equipment.Where(e => e.ServiceObjectId == id).Take(10).CountAsync(c)
                    + await db.Tickets.Where(t => t.ServiceObjectId == id).Take(10).CountAsync(c);
                if (used > 0)
                    throw new OknoException(new StateConflict(ServiceObjectErrorCodes.ObjectInUse,
                        "Equipment stands at this object or tickets name it; move or unlink them first.", ("count", used)));
                db.ServiceObjects.Remove(item);
                // Its field values go with it (they have no foreign key: one table serves every kind of entity).
                await db.CustomFieldValues.Where(v => v.Entity == CustomFieldEntity.ServiceObject && v.EntityId == id).ExecuteDeleteAsync(c);
                return await db.SaveChangesAsync(c);
            }, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a service object no equipment stands at and no ticket names");

        objects.MapGet("/{id:long}/equipment", async (long id, int? limit, string? cursor, OknoDb db, ServiceObjectQueries queries, CancellationToken ct) =>
        {
            await FindObjectAsync(db, id, ct);
            return TypedResults.Ok(await queries.EquipmentAsync(new EquipmentFilter(ServiceObjectId: id), limit, cursor, ct));
        }).WithSummary("The equipment standing at the object");

        objects.MapPost("/import", async (HttpRequest http, ImportServiceObjects import, CancellationToken ct) =>
            TypedResults.Ok(await import.ObjectsAsync(await ImportBody.ReadAsync(http, ct), ct)))
            .Accepts<byte[]>("text/csv", ImportBody.XlsxType)
            .WithSummary("Import service objects from a CSV or XLSX file (the body): the rows accepted and those refused, with why");

        objects.MapGet("/export", (long? companyId, string? format, ExportServiceObjects export, HttpContext http, CancellationToken ct) =>
        {
            var xlsx = ImportBody.IsXlsx(format);
            return Results.Stream(stream => export.ObjectsAsync(companyId, xlsx, stream, ct), ImportBody.ContentType(xlsx, http),
                "okno-service-objects" + (xlsx ? ".xlsx" : ".csv"));
        }).WithSummary("Service objects (of a company) as CSV or XLSX (format=csv|xlsx), in the import's columns");

        objects.MapGet("/{id:long}/tickets", async (long id, int? limit, string? cursor, OknoDb db, CurrentAgent agent, CancellationToken ct) =>
        {
            await FindObjectAsync(db, id, ct);
            return TypedResults.Ok(await TicketsAsync(db, db.Tickets.Where(t => t.ServiceObjectId == id), agent, limit, cursor, ct));
        }).WithSummary("The tickets about the object that you may see, newest first");
        return app;
    }

    /// <summary>Tickets of an object or equipment, newest first, keyset over (ServiceObjectId|EquipmentId, Id).</summary>
    internal static async Task<Page<TicketView>> TicketsAsync(OknoDb db, IQueryable<Ticket> tickets, CurrentAgent agent, int? limit, string? cursor,
        CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var query = tickets.VisibleTo(agent);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(t => t.Id < lastId);
        var rows = await TicketView.ReadAsync(query.OrderByDescending(t => t.Id).Take(take + 1), db, ct);
        return Paging.ToPage(rows, take, t => Paging.Encode(t.Id));
    }

    internal static IQueryable<ServiceObjectView> ProjectObjects(IQueryable<ServiceObject> query) =>
        query.Select(o => new ServiceObjectView(o.Id, o.CompanyId, o.Company.Name, o.Name, o.Kind, o.Address, o.Latitude, o.Longitude,
            o.WorkingHours, o.AccessNotes, o.Notes, o.CreatedAt, o.Contacts.OrderBy(c => c.ContactId).Select(c => c.ContactId).ToList()));

    internal static async Task<ServiceObjectView> FindObjectAsync(OknoDb db, long id, CancellationToken ct) =>
        (await ProjectObjects(db.ServiceObjects.Where(o => o.Id == id)).SingleOrDefaultAsync(ct)
            ?? throw new OknoException(new NotFound(ServiceObjectErrorCodes.ObjectNotFound, "Service object", id)))
        with { CustomFields = await Tickets.CustomFields.CustomFieldValues.ReadAsync(db, Tickets.CustomFields.CustomFieldEntity.ServiceObject, id, ct) };
}

public static class EquipmentEndpoints
{
    public static IEndpointRouteBuilder MapEquipmentEndpoints(this IEndpointRouteBuilder app)
    {
        var equipment = app.MapGroup("/api/v1/equipment").RequireAuthorization().WithTags("Equipment").WithProblemResponses();

        equipment.MapGet("/", async (long? companyId, long? serviceObjectId, string? serial, bool? exact, string? inventoryNumber, string? q, string? type,
            int? limit, string? cursor, HttpRequest http, OknoDb db, ServiceObjectQueries queries, CancellationToken ct) =>
        {
            if (!string.IsNullOrWhiteSpace(serial)) return TypedResults.Ok(await BySerialAsync(db, serial, exact == true, companyId, limit, cursor, ct));
            if (!string.IsNullOrWhiteSpace(inventoryNumber))
            {
                var inventory = inventoryNumber.Trim();
                var query = db.Equipment.Where(e => e.InventoryNumber == inventory);
                if (companyId is { } company) query = query.Where(e => e.CompanyId == company);
                if (serviceObjectId is { } objectId) query = query.Where(e => e.ServiceObjectId == objectId);
                return TypedResults.Ok(await ListAsync(query, limit, cursor, ct));
            }
            var fields = await CustomFieldCondition.FromQueryAsync(http.Query, CustomFieldEntity.Equipment, db, ct);
            return TypedResults.Ok(await queries.EquipmentAsync(new EquipmentFilter(companyId, serviceObjectId, q, type, fields), limit, cursor, ct));
        }).WithSummary("Equipment by company, object, type, inventory number, serial number (normalised; prefix, or exact with exact=true), " +
            "q (a serial prefix, an inventory number or words of the type, maker or model), or cf.<key>=value (a custom field)");

        equipment.MapPost("/import", async (HttpRequest http, ImportServiceObjects import, CancellationToken ct) =>
            TypedResults.Ok(await import.EquipmentAsync(await ImportBody.ReadAsync(http, ct), ct)))
            .Accepts<byte[]>("text/csv", ImportBody.XlsxType)
            .WithSummary("Import equipment from a CSV or XLSX file (the body): the rows accepted and those refused, with why");

        equipment.MapGet("/export", (long? companyId, long? serviceObjectId, string? format, ExportServiceObjects export, HttpContext http,
            CancellationToken ct) =>
        {
            var xlsx = ImportBody.IsXlsx(format);
            return Results.Stream(stream => export.EquipmentAsync(companyId, serviceObjectId, xlsx, stream, ct), ImportBody.ContentType(xlsx, http),
                "okno-equipment" + (xlsx ? ".xlsx" : ".csv"));
        }).WithSummary("Equipment (of a company or an object) as CSV or XLSX (format=csv|xlsx), in the import's columns");

        equipment.MapGet("/{id:long}", async (long id, OknoDb db, CancellationToken ct) => TypedResults.Ok(await FindAsync(db, id, ct)));

        equipment.MapPost("/", async (EquipmentRequest request, SaveEquipment save, OknoDb db, CancellationToken ct) =>
        {
            var id = await save.ExecuteAsync(null, request, ct);
            return TypedResults.Created($"/api/v1/equipment/{id}", await FindAsync(db, id, ct));
        }).WithSummary("Record a piece of equipment of a company, at an object or in stock");

        equipment.MapPut("/{id:long}", async (long id, EquipmentRequest request, SaveEquipment save, OknoDb db, CancellationToken ct) =>
        {
            await save.ExecuteAsync(id, request, ct);
            return TypedResults.Ok(await FindAsync(db, id, ct));
        }).WithSummary("Rewrite a piece of equipment (not its place: see move)");

        equipment.MapDelete("/{id:long}", async (long id, OknoDb db, CancellationToken ct) =>
        {
            await db.WriteAsync(async c =>
            {
                var item = await db.Equipment.SingleOrDefaultAsync(e => e.Id == id, c)
                    ?? throw new OknoException(new NotFound(ServiceObjectErrorCodes.EquipmentNotFound, "Equipment", id));
                var used = await db.Tickets.Where(t => t.EquipmentId == id).Take(10).CountAsync(c);
                if (used > 0)
                    throw new OknoException(new StateConflict(ServiceObjectErrorCodes.EquipmentInUse, "Tickets name this equipment.", ("count", used)));
                db.Equipment.Remove(item);
                await db.CustomFieldValues.Where(v => v.Entity == CustomFieldEntity.Equipment && v.EntityId == id).ExecuteDeleteAsync(c);
                return await db.SaveChangesAsync(c);
            }, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a piece of equipment no ticket names (its move history goes with it)");

        equipment.MapPost("/{id:long}/move", async (long id, MoveEquipmentRequest request, MoveEquipment move, CurrentAgent agent, OknoDb db,
            CancellationToken ct) =>
        {
            await move.ExecuteAsync(id, request, agent.Id, ct);
            return TypedResults.Ok(await FindAsync(db, id, ct));
        }).WithSummary("Move the equipment to another object of its company (toObjectId null: to stock), with a comment");

        equipment.MapGet("/{id:long}/moves", (long id, int? limit, string? cursor, ServiceObjectQueries queries, CancellationToken ct) =>
            queries.MovesAsync(id, limit, cursor, ct)).WithSummary("The equipment's moves, newest first");

        equipment.MapGet("/{id:long}/tickets", async (long id, int? limit, string? cursor, OknoDb db, CurrentAgent agent, CancellationToken ct) =>
        {
            await FindAsync(db, id, ct);
            return TypedResults.Ok(await ServiceObjectsEndpoints.TicketsAsync(db, db.Tickets.Where(t => t.EquipmentId == id), agent, limit, cursor, ct));
        }).WithSummary("Every ticket about the equipment that you may see, newest first");
        return app;
    }

    /// <summary>Serial search: the normalised serial as a range of the (SerialKey, Id) index — [key, key + U+FFFF) is
    /// exactly the keys that start with it under a byte order (SQLite's default, PostgreSQL's "C" collation of the column).</summary>
    internal static async Task<Page<EquipmentView>> BySerialAsync(OknoDb db, string serial, bool exact, long? companyId, int? limit, string? cursor,
        CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var key = Equipment.NormalizeSerial(serial);
        if (key.Length == 0) return new Page<EquipmentView>([], null);
        var upper = key + '\uffff';
        var query = exact ? db.Equipment.Where(e => e.SerialKey == key)
            : db.Equipment.Where(e => string.Compare(e.SerialKey, key) >= 0 && string.Compare(e.SerialKey, upper) < 0);
        if (companyId is { } company) query = query.Where(e => e.CompanyId == company);
        // Paged by id among the matches: a prefix matches few serials.
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(e => e.Id > lastId);
        var rows = await Project(query.OrderBy(e => e.Id).Take(take + 1)).ToListAsync(ct);
        return Paging.ToPage(rows, take, e => Paging.Encode(e.Id));
    }

    internal static async Task<Page<EquipmentView>> ListAsync(IQueryable<Equipment> query, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        if (Paging.Decode(cursor, 1) is [var lastId]) query = query.Where(e => e.Id > lastId);
        var rows = await Project(query.OrderBy(e => e.Id).Take(take + 1)).ToListAsync(ct);
        return Paging.ToPage(rows, take, e => Paging.Encode(e.Id));
    }

    internal static IQueryable<EquipmentView> Project(IQueryable<Equipment> query) =>
        query.Select(e => new EquipmentView(e.Id, e.CompanyId, e.ServiceObjectId, e.ServiceObject == null ? null : e.ServiceObject.Name, e.Type,
            e.Manufacturer, e.Model, e.SerialNumber, e.InventoryNumber, e.WarrantyEnd, e.Parameters, e.Notes, e.CreatedAt));

    internal static async Task<EquipmentView> FindAsync(OknoDb db, long id, CancellationToken ct) =>
        (await Project(db.Equipment.Where(e => e.Id == id)).SingleOrDefaultAsync(ct)
            ?? throw new OknoException(new NotFound(ServiceObjectErrorCodes.EquipmentNotFound, "Equipment", id)))
        with { CustomFields = await Tickets.CustomFields.CustomFieldValues.ReadAsync(db, Tickets.CustomFields.CustomFieldEntity.Equipment, id, ct) };
}

/// <summary>The import's upload (the request body, read whole up to <see cref="ImportTable.MaxBytes"/>) and the export's
/// format.</summary>
internal static class ImportBody
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.ContentLength > ImportTable.MaxBytes) throw new OknoException(new PayloadTooLarge(ImportTable.MaxBytes));
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await http.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > ImportTable.MaxBytes) throw new OknoException(new PayloadTooLarge(ImportTable.MaxBytes));
            buffer.Write(chunk, 0, n);
        }
        if (buffer.Length == 0) throw new OknoException(InvalidInput.Required("file"));
        return buffer.ToArray();
    }

    public static bool IsXlsx(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => false,
        "xlsx" => true,
        _ => throw new OknoException(InvalidInput.Field("format", ErrorCodes.NotOneOf, "One of: csv, xlsx.", ("allowed", "csv, xlsx"))),
    };

    /// <summary>The xlsx writer's zip flushes an entry's end synchronously, which the server refuses unless allowed.</summary>
    public static string ContentType(bool xlsx, HttpContext http)
    {
        if (!xlsx) return "text/csv; charset=utf-8";
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
        return XlsxType;
    }
}
