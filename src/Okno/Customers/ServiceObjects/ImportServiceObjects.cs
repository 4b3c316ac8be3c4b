using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Web;

namespace Okno.Customers.ServiceObjects;

/// <summary>A row the import left out: its row number in the file (the header is row 1), the field and why.</summary>
public sealed record RefusedRow(int Row, string Field, string Code, string Message);

public sealed record ImportResult(int Accepted, IReadOnlyList<RefusedRow> Refused);

/// <summary>Imports service objects and equipment from a CSV or XLSX table (columns: see the README, "Service objects and
/// equipment"). Every row is checked first; the rows that pass are written in transactions of <see cref="BatchSize"/>
/// rows, the rest are reported with the reason. Rows always create: the id column of an export is ignored.
/// A row names its company by <c>company_id</c>, by INN (<c>company_inn</c>: one company only, several with one INN are
/// refused as ambiguous) or by exact <c>company</c> name, tried in that order.</summary>
public sealed class ImportServiceObjects(OknoDb db, TimeProvider clock)
{
    public const int BatchSize = 500;
    public static readonly string[] ObjectColumns = ["id", "company_id", "company", "name", "kind", "address", "latitude", "longitude", "working_hours", "access_notes", "notes"];
    public static readonly string[] EquipmentColumns = ["id", "company_id", "company", "object_id", "object", "type", "manufacturer", "model", "serial_number", "inventory_number", "warranty_end", "parameters", "notes"];

    public async Task<ImportResult> ObjectsAsync(byte[] file, CancellationToken cancellationToken)
    {
        var table = ImportTable.Read(file);
        RequireColumns(table, "name");
        var companies = await CompaniesAsync(table, cancellationToken);
        var refused = new List<RefusedRow>();
        var accepted = new List<ServiceObject>();
        int Col(string name) => table.Column(name);
        foreach (var (row, cells) in table.Rows)
        {
            var before = refused.Count;
            var companyId = CompanyOf(companies, table, cells, row, refused);
            var kindText = ImportTable.Cell(cells, Col("kind"));
            ServiceObjectKind? kind = null;
            if (kindText is not null)
            {
                if (Enum.TryParse<ServiceObjectKind>(kindText.Replace("_", ""), ignoreCase: true, out var k) && Enum.IsDefined(k) && !kindText.Any(char.IsDigit)) kind = k;
                else refused.Add(new RefusedRow(row, "kind", ErrorCodes.NotOneOf, "Not a kind of object."));
            }
            var lat = Number(cells, Col("latitude"), "latitude", row, refused);
            var lon = Number(cells, Col("longitude"), "longitude", row, refused);
            var request = new ServiceObjectRequest(companyId ?? 0, ImportTable.Cell(cells, Col("name")), kind, ImportTable.Cell(cells, Col("address")),
                lat, lon, ImportTable.Cell(cells, Col("working_hours")), ImportTable.Cell(cells, Col("access_notes")), ImportTable.Cell(cells, Col("notes")));
            Refuse(SaveServiceObject.Validate(request), row, refused);
            if (refused.Count > before) continue;
            var item = new ServiceObject { CompanyId = companyId!.Value, CreatedAt = clock.GetUtcNow() };
            SaveServiceObject.Apply(item, request);
            accepted.Add(item);
        }
        await WriteAsync(accepted, items => db.ServiceObjects.AddRange(items), cancellationToken);
        return new ImportResult(accepted.Count, refused);
    }

    public async Task<ImportResult> EquipmentAsync(byte[] file, CancellationToken cancellationToken)
    {
        var table = ImportTable.Read(file);
        RequireColumns(table, "type");
        var companies = await CompaniesAsync(table, cancellationToken);
        // The objects of the companies named: few per import, looked up by id or exact name within the company.
        var companyIds = companies.Values.OfType<long>().Distinct().ToList();
        var objects = await db.ServiceObjects.Where(o => companyIds.Contains(o.CompanyId)).Select(o => new { o.Id, o.CompanyId, o.Name })
            .ToListAsync(cancellationToken);
        var refused = new List<RefusedRow>();
        var accepted = new List<Equipment>();
        int Col(string name) => table.Column(name);
        foreach (var (row, cells) in table.Rows)
        {
            var before = refused.Count;
            var companyId = CompanyOf(companies, table, cells, row, refused);
            long? objectId = null;
            var objectText = ImportTable.Cell(cells, Col("object_id")) ?? ImportTable.Cell(cells, Col("object"));
            if (objectText is not null && companyId is { } company)
            {
                var byId = long.TryParse(objectText, NumberStyles.None, CultureInfo.InvariantCulture, out var oid) && ImportTable.Cell(cells, Col("object_id")) is not null;
                var matches = objects.Where(o => o.CompanyId == company && (byId ? o.Id == oid : o.Name == objectText)).Take(2).ToList();
                if (matches.Count == 1) objectId = matches[0].Id;
                else refused.Add(new RefusedRow(row, Col("object_id") >= 0 ? "object_id" : "object", ServiceObjectErrorCodes.ImportObjectUnknown,
                    $"The company has no object with the id or name \"{objectText}\"."));
            }
            DateOnly? warranty = null;
            if (ImportTable.Cell(cells, Col("warranty_end")) is { } warrantyText)
            {
                if (DateOnly.TryParseExact(warrantyText, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) warranty = day;
                else if (double.TryParse(warrantyText, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 200_000)
                    warranty = DateOnly.FromDateTime(DateTime.FromOADate(serial));   // an XLSX date cell is a day number
                else refused.Add(new RefusedRow(row, "warranty_end", ErrorCodes.InvalidDate, "Not a date (yyyy-MM-dd)."));
            }
            var parameters = ParseParameters(ImportTable.Cell(cells, Col("parameters")));
            var request = new EquipmentRequest(companyId ?? 0, ImportTable.Cell(cells, Col("type")), ImportTable.Cell(cells, Col("manufacturer")),
                ImportTable.Cell(cells, Col("model")), ImportTable.Cell(cells, Col("serial_number")), ImportTable.Cell(cells, Col("inventory_number")),
                warranty, objectId, parameters, ImportTable.Cell(cells, Col("notes")));
            Refuse(SaveEquipment.Validate(request), row, refused);
            if (refused.Count > before) continue;
            var item = new Equipment { CompanyId = companyId!.Value, ServiceObjectId = objectId, CreatedAt = clock.GetUtcNow() };
            SaveEquipment.Apply(item, request);
            accepted.Add(item);
        }
        await WriteAsync(accepted, items => db.Equipment.AddRange(items), cancellationToken);
        return new ImportResult(accepted.Count, refused);
    }

    /// <summary>"key=value; key=value" (the export's form).</summary>
    internal static List<EquipmentParameterInput?> ParseParameters(string? text) =>
        text is null ? [] : text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2) is [var k, var v] ? new EquipmentParameterInput(k.Trim(), v.Trim()) : new EquipmentParameterInput(p, ""))
            .Select(p => (EquipmentParameterInput?)p).ToList();

    internal static string FormatParameters(IEnumerable<EquipmentParameter> parameters) =>
        string.Join("; ", parameters.Select(p => p.Key + "=" + p.Value));

    private async Task WriteAsync<T>(List<T> accepted, Action<IEnumerable<T>> add, CancellationToken cancellationToken)
    {
        foreach (var batch in accepted.Chunk(BatchSize))
        {
            await db.WriteAsync(async ct =>
            {
                add(batch);
                return await db.SaveChangesAsync(ct);
            }, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static void RequireColumns(ImportTable table, string required)
    {
        var errors = new FieldErrors();
        foreach (var column in new[] { required }.Where(c => table.Column(c) < 0))
            errors.Add("file", ServiceObjectErrorCodes.ImportMissingColumn, $"The column \"{column}\" is missing from the header.", ("value", column));
        if (table.Column("company_id") < 0 && table.Column("company") < 0 && table.Column("company_inn") < 0)
            errors.Add("file", ServiceObjectErrorCodes.ImportMissingColumn, "The column \"company_id\" is missing from the header.", ("value", "company_id"));
        errors.ThrowIfAny();
    }

    /// <summary>Each company text of the file (an id, an INN or an exact name) → the company, null when none or several match.</summary>
    private async Task<Dictionary<string, long?>> CompaniesAsync(ImportTable table, CancellationToken ct)
    {
        var idColumn = table.Column("company_id");
        var innColumn = table.Column("company_inn");
        var nameColumn = table.Column("company");
        var ids = table.Rows.Select(r => ImportTable.Cell(r.Cells, idColumn)).OfType<string>()
            .Select(t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        var inns = table.Rows.Where(r => ImportTable.Cell(r.Cells, idColumn) is null).Select(r => ImportTable.Cell(r.Cells, innColumn)).OfType<string>()
            .Distinct().ToList();
        var names = table.Rows.Where(r => ImportTable.Cell(r.Cells, idColumn) is null && ImportTable.Cell(r.Cells, innColumn) is null)
            .Select(r => ImportTable.Cell(r.Cells, nameColumn)).OfType<string>().Distinct().ToList();
        var result = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
            foreach (var id in await db.Companies.Where(c => chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct))
                result["#" + id.ToString(CultureInfo.InvariantCulture)] = id;
        // The (Inn, Id) index of the requisites part.
        foreach (var chunk in inns.Chunk(500))
            foreach (var group in (await db.Companies.Where(c => c.Inn != null && chunk.Contains(c.Inn)).Select(c => new { c.Id, c.Inn }).ToListAsync(ct)).GroupBy(c => c.Inn!))
                result[InnKey(group.Key)] = group.Count() == 1 ? group.First().Id : null;
        foreach (var chunk in names.Chunk(500))
            foreach (var group in (await db.Companies.Where(c => chunk.Contains(c.Name)).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).GroupBy(c => c.Name))
                result[group.Key] = group.Count() == 1 ? group.First().Id : null;
        return result;
    }

    private static long? CompanyOf(Dictionary<string, long?> companies, ImportTable table, string?[] cells, int row, List<RefusedRow> refused)
    {
        var idText = ImportTable.Cell(cells, table.Column("company_id"));
        var innText = idText is null ? ImportTable.Cell(cells, table.Column("company_inn")) : null;
        var key = idText is not null ? "#" + idText : innText is not null ? InnKey(innText) : ImportTable.Cell(cells, table.Column("company"));
        if (key is null)
        {
            refused.Add(new RefusedRow(row, "company_id", ErrorCodes.Required, FieldErrors.RequiredMessage));
            return null;
        }
        if (companies.GetValueOrDefault(key) is { } id) return id;
        if (innText is not null)
        {
            refused.Add(new RefusedRow(row, "company_inn", ServiceObjectErrorCodes.ImportCompanyInnUnknown,
                $"No company (or more than one) with the INN \"{innText}\"."));
            return null;
        }
        var value = idText ?? key;
        refused.Add(new RefusedRow(row, idText is not null ? "company_id" : "company", ServiceObjectErrorCodes.ImportCompanyUnknown,
            $"No company with the id or name \"{value}\"."));
        return null;
    }

    /// <summary>Apart from names: a company may be called "7707083893".</summary>
    private static string InnKey(string inn) => "inn:" + inn;

    private static double? Number(string?[] cells, int column, string field, int row, List<RefusedRow> refused)
    {
        if (ImportTable.Cell(cells, column) is not { } text) return null;
        if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) return n;
        refused.Add(new RefusedRow(row, field, ErrorCodes.InvalidValue, "Not a number."));
        return null;
    }

    private static void Refuse(FieldErrors errors, int row, List<RefusedRow> refused)
    {
        foreach (var (field, error) in errors.All())
            if (field != "companyId") refused.Add(new RefusedRow(row, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(field), error.Code, error.Message));
    }
}
