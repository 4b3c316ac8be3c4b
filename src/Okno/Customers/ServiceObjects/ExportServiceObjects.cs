using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using SpreadCheetah;

namespace Okno.Customers.ServiceObjects;

/// <summary>Service objects and equipment as CSV or XLSX, in the columns the import reads (so an export imports back).
/// Read in pages of the primary key and written as they come, so a large client costs a page of memory.</summary>
public sealed class ExportServiceObjects(OknoDb db)
{
    private const int PageSize = 1000;

    private static string Neutralise(string? text) => Platform.Spreadsheets.SpreadsheetText.Neutralise(text);

    public async Task ObjectsAsync(long? companyId, bool xlsx, Stream output, CancellationToken ct) =>
        await WriteAsync(ImportServiceObjects.ObjectColumns, ObjectRowsAsync(companyId, ct), xlsx, "objects", output, ct);

    public async Task EquipmentAsync(long? companyId, long? objectId, bool xlsx, Stream output, CancellationToken ct) =>
        await WriteAsync(ImportServiceObjects.EquipmentColumns, EquipmentRowsAsync(companyId, objectId, ct), xlsx, "equipment", output, ct);

    private async IAsyncEnumerable<object?[]> ObjectRowsAsync(long? companyId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            var query = db.ServiceObjects.AsNoTracking().Where(o => o.Id > after);
            if (companyId is { } company) query = query.Where(o => o.CompanyId == company);
            var page = await query.OrderBy(o => o.Id).Take(PageSize)
                .Select(o => new { o.Id, o.CompanyId, Company = o.Company.Name, o.Name, o.Kind, o.Address, o.Latitude, o.Longitude, o.WorkingHours, o.AccessNotes, o.Notes })
                .ToListAsync(ct);
            foreach (var o in page)
                yield return [o.Id, o.CompanyId, o.Company, o.Name, o.Kind.ToString().ToLowerInvariant(), o.Address, o.Latitude, o.Longitude, o.WorkingHours, o.AccessNotes, o.Notes];
            if (page.Count < PageSize) yield break;
            after = page[^1].Id;
        }
    }

    private async IAsyncEnumerable<object?[]> EquipmentRowsAsync(long? companyId, long? objectId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            var query = db.Equipment.AsNoTracking().Where(e => e.Id > after);
            if (companyId is { } company) query = query.Where(e => e.CompanyId == company);
            if (objectId is { } at) query = query.Where(e => e.ServiceObjectId == at);
            var page = await EquipmentEndpoints.Project(query.OrderBy(e => e.Id).Take(PageSize)).ToListAsync(ct);
            var names = await CompanyNamesAsync(page.Select(e => e.CompanyId), ct);
            foreach (var e in page)
                yield return [e.Id, e.CompanyId, names.GetValueOrDefault(e.CompanyId), e.ServiceObjectId, e.ServiceObjectName, e.Type, e.Manufacturer, e.Model,
                    e.SerialNumber, e.InventoryNumber, e.WarrantyEnd, ImportServiceObjects.FormatParameters(e.Parameters), e.Notes];
            if (page.Count < PageSize) yield break;
            after = page[^1].Id;
        }
    }

    private async Task<Dictionary<long, string>> CompanyNamesAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Companies.Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private static async Task WriteAsync(IReadOnlyList<string> head, IAsyncEnumerable<object?[]> rows, bool xlsx, string sheetName, Stream output,
        CancellationToken ct)
    {
        if (xlsx)
        {
            await using var sheet = await Spreadsheet.CreateNewAsync(output, null, ct);
            await sheet.StartWorksheetAsync(sheetName, null, ct);
            await sheet.AddRowAsync(head.Select(h => new Cell(h)).ToArray(), ct);
            await foreach (var row in rows.WithCancellation(ct))
                await sheet.AddRowAsync(row.Select(v => v switch
                {
                    null => new Cell((string?)null),
                    long n => new Cell(n),
                    double n => new Cell(n),
                    // Dates as ISO text, not date cells: the import reads them back the same from CSV and XLSX.
                    DateOnly day => new Cell(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    var other => new Cell(Neutralise(Convert.ToString(other, CultureInfo.InvariantCulture))),
                }).ToArray(), ct);
            await sheet.FinishAsync(ct);
            return;
        }
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var h in head) csv.WriteField(h);
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var v in row)
                csv.WriteField(v switch
                {
                    null => "",
                    DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    long or double => Convert.ToString(v, CultureInfo.InvariantCulture),
                    var other => Neutralise(Convert.ToString(other, CultureInfo.InvariantCulture)),
                });
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }
}
