using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Bench.Api;
using Okno.Bench.Generate;
using Okno.Bench.Reports;

namespace Okno.Bench.B2b;

// The SQL below is built from integers and constants of this file only.
#pragma warning disable EF1002, EF1003

/// <summary>B2B service at scale (issue 20), against a running Okno on a generated database: the companies are topped up
/// to 20,000 and given 100,000 service objects and 300,000 pieces of equipment (a tenth of them moved once), a third of
/// the tickets name a piece of equipment and its object, and 100 pieces are "hot" (about 1,400 tickets each). Then the
/// API calls behind the equipment and object pages and the serial search, each timed on random ids; and a monthly
/// statement of a company with 5,000 tickets of work in the month.</summary>
public static class B2bBench
{
    private const double PageTargetMs = 50;

    public static async Task<int> RunAsync(Args args, CancellationToken ct)
    {
        var url = args.Required("url");
        var email = args.Required("email");
        var password = args.Required("password");
        var provider = args.Required("provider");
        var connection = args.Required("connection");
        var companies = args.Int("companies", 20_000, min: 1, max: 1_000_000);
        var objects = args.Int("objects", 100_000, min: 1, max: 10_000_000);
        var equipment = args.Int("equipment", 300_000, min: 1, max: 30_000_000);
        var runs = args.Int("runs", 50, min: 1, max: 10_000);
        var warmUp = args.Int("warmup", 5, min: 0, max: 1000);
        var output = args.Optional("out");
        var label = args.Optional("label");
        args.EnsureAllUsed();
        // The data is made in PostgreSQL's SQL (generate_series, UPDATE … FROM); the issue's scale is a server's.
        if (provider != "postgres") throw new UsageException("b2b runs on PostgreSQL (--provider postgres).");

        await using var db = Generator.OpenDb(provider, connection);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var lines = new List<string>();
        void Line(string text)
        {
            Console.Error.WriteLine("b2b: " + text);
            lines.Add(text);
        }
        var loadAtStart = ReportsBench.LoadAverage();
        var prepared = Stopwatch.StartNew();
        await PrepareAsync(db, companies, objects, equipment, Line, ct);
        var counts = await CountsAsync(db, ct);
        Line($"data: {counts} (prepared in {prepared.Elapsed.TotalSeconds:N0} s); load average {loadAtStart}");

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            { BaseAddress = ApiBench.LoopbackOnly(url), Timeout = TimeSpan.FromMinutes(2) };
        var token = await ApiBench.SignInAsync(http, email, password, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);

        var random = new Random(20261206);
        var equipmentIds = await db.Database.SqlQueryRaw<long>("SELECT \"Id\" AS \"Value\" FROM \"Equipment\" ORDER BY \"Id\"").ToListAsync(ct);
        var objectIds = await db.Database.SqlQueryRaw<long>("SELECT \"Id\" AS \"Value\" FROM \"ServiceObjects\" ORDER BY \"Id\"").ToListAsync(ct);
        var companyIds = await db.Database.SqlQueryRaw<long>("SELECT DISTINCT \"CompanyId\" AS \"Value\" FROM \"ServiceObjects\"").ToListAsync(ct);
        var hot = await db.Database.SqlQueryRaw<long>(
            "SELECT \"EquipmentId\" AS \"Value\" FROM \"Tickets\" WHERE \"EquipmentId\" IS NOT NULL GROUP BY \"EquipmentId\" ORDER BY COUNT(*) DESC LIMIT 100").ToListAsync(ct);
        long Any(List<long> ids) => ids[random.Next(ids.Count)];
        string Serial(long rn) => "SN-" + rn.ToString("D9", CultureInfo.InvariantCulture);

        var table = new StringBuilder()
            .AppendLine("| Call | What | p50 ms | p95 ms | max ms | rows (last) | p95 ≤ 50 ms |").AppendLine("|---|---|---:|---:|---:|---:|:---:|");
        async Task TimeAsync(string name, string what, Func<string> path)
        {
            var ms = new List<double>(runs);
            var rows = 0;
            for (var i = 0; i < warmUp + runs; i++)
            {
                var p = path();
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(p, HttpCompletionOption.ResponseContentRead, ct);
                var bytes = await response.Content.ReadAsByteArrayAsync(ct);
                var elapsed = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) throw new BenchException($"GET {p}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
                using var doc = JsonDocument.Parse(bytes);
                rows = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("items", out var items) ? items.GetArrayLength() : 1;
                if (i >= warmUp) ms.Add(elapsed);
            }
            ms.Sort();
            double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
            var (p50, p95, max) = (At(0.5), At(0.95), ms[^1]);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| `{name}` | {what} | {Summary.Ms(p50)} | {Summary.Ms(p95)} | {Summary.Ms(max)} | {rows:N0} | {(p95 <= PageTargetMs ? "yes" : "**no**")} |");
            Line($"{name}: p50 {p50:N1} ms, p95 {p95:N1} ms, max {max:N1} ms");
        }

        // Serial numbers were written as SN-<row number, 9 digits>.
        await TimeAsync("GET /equipment/{id}", "a random piece's card", () => $"/api/v1/equipment/{Any(equipmentIds)}");
        await TimeAsync("GET /equipment/{id}/tickets", "its tickets, first page", () => $"/api/v1/equipment/{Any(equipmentIds)}/tickets");
        await TimeAsync("GET /equipment/{id}/tickets (hot)", "a piece with ~1,400 tickets, first page", () => $"/api/v1/equipment/{Any(hot)}/tickets");
        await TimeAsync("GET /equipment/{id}/moves", "its moves", () => $"/api/v1/equipment/{Any(equipmentIds)}/moves");
        await TimeAsync("GET /equipment?serial=&exact=true", "a whole serial", () =>
            $"/api/v1/equipment?exact=true&serial={Uri.EscapeDataString(Serial(random.Next(1, equipment + 1)))}");
        await TimeAsync("GET /equipment?serial=", "a serial's first 10 characters (prefix, 100 matches)", () =>
            $"/api/v1/equipment?serial={Uri.EscapeDataString(Serial(random.Next(1, equipment + 1))[..10])}");
        await TimeAsync("GET /service-objects?companyId=", "a company's objects", () => $"/api/v1/service-objects?companyId={Any(companyIds)}");
        await TimeAsync("GET /service-objects/{id}", "an object's card", () => $"/api/v1/service-objects/{Any(objectIds)}");
        await TimeAsync("GET /service-objects/{id}/equipment", "an object's equipment", () => $"/api/v1/service-objects/{Any(objectIds)}/equipment");
        await TimeAsync("GET /service-objects/{id}/tickets", "an object's tickets, first page", () => $"/api/v1/service-objects/{Any(objectIds)}/tickets");

        // The monthly statement of a company with 5,000 tickets of work in the month (2 lines each), among other
        // companies' lines over the year; JSON and xlsx, target ≤ 1 s.
        var (statementCompany, month) = await PrepareStatementAsync(db, Line, ct);
        var statementTable = new StringBuilder()
            .AppendLine("| Statement | p50 ms | p95 ms | max ms | ≤ 1 s |").AppendLine("|---|---:|---:|---:|:---:|");
        foreach (var format in new[] { "json", "xlsx" })
        {
            var ms = new List<double>();
            var bytes = 0;
            for (var i = 0; i < 2 + Math.Min(runs, 20); i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync($"/api/v1/companies/{statementCompany}/statements/{month}?format={format}", HttpCompletionOption.ResponseContentRead, ct);
                var body = await response.Content.ReadAsByteArrayAsync(ct);
                var elapsed = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) throw new BenchException($"statement {format}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
                bytes = body.Length;
                if (i >= 2) ms.Add(elapsed);
            }
            ms.Sort();
            double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
            statementTable.AppendLine(CultureInfo.InvariantCulture,
                $"| {format}, {bytes / 1024:N0} KB | {Summary.Ms(At(0.5))} | {Summary.Ms(At(0.95))} | {Summary.Ms(ms[^1])} | {(At(0.95) <= 1000 ? "yes" : "**no**")} |");
            Line($"statement {format}: p50 {At(0.5):N1} ms, p95 {At(0.95):N1} ms, max {ms[^1]:N1} ms, {bytes:N0} bytes");
        }
        table.AppendLine().Append(statementTable);

        await BenchReport.WriteAsync("B2B objects and equipment at scale", provider, label,
            $"Load average at the start: {loadAtStart}, at the end: {ReportsBench.LoadAverage()}. Each row: {warmUp} unmeasured requests, then {runs} timed " +
            $"one after another on random ids (whole response read); target p95 ≤ {PageTargetMs:N0} ms (a statement: 2 unmeasured, then up to 20, ≤ 1 s).",
            lines, table, output, ct);
        return 0;
    }

    /// <summary>Work lines (once per database): for the first bench company, 2 lines on each of 5,000 tickets in the last
    /// full month (UTC, as statements count); for the others, 200,000 lines over the year before it.</summary>
    private static async Task<(long Company, string Month)> PrepareStatementAsync(Okno.Platform.Data.OknoDb db, Action<string> line, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var first = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        var monthStart = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var company = await db.Database.SqlQueryRaw<long>("SELECT MIN(\"Id\") AS \"Value\" FROM \"Companies\" WHERE \"Name\" LIKE 'Bench company %'").SingleAsync(ct);
        var have = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"WorkLines\" WHERE \"CompanyId\" = {company}").SingleAsync(ct);
        if (have == 0)
        {
            var sw = Stopwatch.StartNew();
            const string columns = "(\"TicketId\", \"CompanyId\", \"AgentId\", \"WorkedAt\", \"ItemKind\", \"ItemName\", \"Unit\", \"Minutes\", \"Quantity\", " +
                "\"WithinQuantity\", \"UnitPrice\", \"Total\", \"BillableAmount\", \"PackageMinutes\", \"Reason\", \"CreatedAt\", \"UpdatedAt\")";
            const string values = "'Service', 'Engineer hour', 'hour', 30, 0.5, 0, 2500, 1250, 1250, 0, 'none', now(), now()";
            var agent = "(SELECT MIN(\"Id\") FROM \"Agents\")";
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO \"WorkLines\" {columns} SELECT t.\"Id\", {company}, {agent}, " +
                $"timestamptz '{monthStart} 00:00:00+00' + ((t.rn * 8 + k) * interval '1 minute'), {values} " +
                "FROM (SELECT \"Id\", ROW_NUMBER() OVER (ORDER BY \"Id\") AS rn FROM (SELECT \"Id\" FROM \"Tickets\" ORDER BY \"Id\" DESC LIMIT 5000) AS l) AS t " +
                "CROSS JOIN generate_series(1, 2) AS k", ct);
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO \"WorkLines\" {columns} SELECT t.\"Id\", c.\"Id\", {agent}, " +
                $"timestamptz '{monthStart} 00:00:00+00' - ((t.\"Id\" % 525600) * interval '1 minute'), {values} " +
                "FROM (SELECT \"Id\" FROM \"Tickets\" ORDER BY \"Id\" LIMIT 200000) AS t " +
                $"JOIN (SELECT \"Id\", ROW_NUMBER() OVER (ORDER BY \"Id\") AS rn FROM \"Companies\" WHERE \"Id\" <> {company}) AS c ON c.rn = t.\"Id\" % 19999 + 1", ct);
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"WorkLines\"", ct);
            line($"work lines: 10,000 for company {company} in {first:yyyy-MM} and 200,000 of others added in {sw.Elapsed.TotalSeconds:N1} s");
        }
        return (company, first.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    private static async Task<string> CountsAsync(Okno.Platform.Data.OknoDb db, CancellationToken ct)
    {
        async Task<long> Count(string sql) => await db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct);
        return $"{await Count("SELECT COUNT(*) AS \"Value\" FROM \"Tickets\""):N0} tickets, {await Count("SELECT COUNT(*) AS \"Value\" FROM \"Companies\""):N0} companies, " +
            $"{await Count("SELECT COUNT(*) AS \"Value\" FROM \"ServiceObjects\""):N0} service objects, {await Count("SELECT COUNT(*) AS \"Value\" FROM \"Equipment\""):N0} pieces of equipment, " +
            $"{await Count("SELECT COUNT(*) AS \"Value\" FROM \"EquipmentMoves\""):N0} moves, " +
            $"{await Count("SELECT COUNT(*) AS \"Value\" FROM \"Tickets\" WHERE \"EquipmentId\" IS NOT NULL"):N0} tickets naming equipment";
    }

    /// <summary>Tops the data up to the counts (a re-run on a kept database adds nothing), in PostgreSQL's SQL: row numbers
    /// from a series map each object to a company and each piece to an object, round robin.</summary>
    private static async Task PrepareAsync(Okno.Platform.Data.OknoDb db, int companies, int objects, int equipment, Action<string> line,
        CancellationToken ct)
    {
        async Task<long> Count(string table) => await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(ct);
        static string Series(long from, long to) => $"(SELECT i FROM generate_series({from}, {to}) AS i)";
        const string now = "now()";
        static string Pad(string expr, int width) => $"lpad(({expr})::text, {width}, '0')";
        const string ordinal = "::text";

        var haveCompanies = await Count("Companies");
        if (haveCompanies < companies)
        {
            var sw = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO \"Companies\" (\"Name\", \"CreatedAt\") SELECT 'Bench company ' || i{ordinal}, {now} FROM {Series(haveCompanies + 1, companies)} AS n", ct);
            line($"companies: {companies - haveCompanies:N0} added in {sw.Elapsed.TotalSeconds:N1} s");
        }
        var haveObjects = await Count("ServiceObjects");
        if (haveObjects < objects)
        {
            var sw = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"ServiceObjects\" (\"CompanyId\", \"Name\", \"Kind\", \"Address\", \"Latitude\", \"Longitude\", \"WorkingHours\", \"CreatedAt\") " +
                $"SELECT c.\"Id\", 'Shop ' || n.i{ordinal}, 'Shop', 'Moscow, Tverskaya ' || (n.i % 200){ordinal}, 55.75, 37.61, 'Mon–Fri 9–18', {now} " +
                $"FROM {Series(haveObjects + 1, objects)} AS n " +
                $"JOIN (SELECT \"Id\", ROW_NUMBER() OVER (ORDER BY \"Id\") AS rn FROM \"Companies\") AS c ON c.rn = (n.i - 1) % {companies} + 1", ct);
            line($"service objects: {objects - haveObjects:N0} added in {sw.Elapsed.TotalSeconds:N1} s");
        }
        var haveEquipment = await Count("Equipment");
        if (haveEquipment < equipment)
        {
            var sw = Stopwatch.StartNew();
            var serial = Pad("n.i", 9);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Equipment\" (\"CompanyId\", \"ServiceObjectId\", \"Type\", \"Manufacturer\", \"Model\", \"SerialNumber\", \"SerialKey\", " +
                "\"InventoryNumber\", \"WarrantyEnd\", \"Parameters\", \"CreatedAt\") " +
                $"SELECT o.\"CompanyId\", o.\"Id\", 'Cash register', 'Atol', 'FPrint-' || (n.i % 50){ordinal}, 'SN-' || {serial}, 'SN' || {serial}, " +
                $"'INV-' || n.i{ordinal}, NULL, '[]', {now} FROM {Series(haveEquipment + 1, equipment)} AS n " +
                $"JOIN (SELECT \"Id\", \"CompanyId\", ROW_NUMBER() OVER (ORDER BY \"Id\") AS rn FROM \"ServiceObjects\") AS o ON o.rn = (n.i - 1) % {objects} + 1", ct);
            // A tenth moved once (from stock to where it stands).
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO \"EquipmentMoves\" (\"EquipmentId\", \"FromObjectId\", \"ToObjectId\", \"At\", \"Comment\") SELECT \"Id\", NULL, \"ServiceObjectId\", {now}, 'Installed' " +
                $"FROM \"Equipment\" WHERE \"Id\" % 10 = 0 AND \"SerialKey\" LIKE 'SN%'", ct);
            line($"equipment: {equipment - haveEquipment:N0} added (and a tenth moved) in {sw.Elapsed.TotalSeconds:N1} s");
        }
        if (await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"Tickets\" WHERE \"EquipmentId\" IS NOT NULL").SingleAsync(ct) == 0)
        {
            var sw = Stopwatch.StartNew();
            // A third of the tickets name a piece (round robin), and a seventh of the rest one of the 100 first: "hot" pieces.
            var pieces = "(SELECT \"Id\", \"ServiceObjectId\", ROW_NUMBER() OVER (ORDER BY \"Id\") AS rn FROM \"Equipment\")";
            var set = $"UPDATE \"Tickets\" AS t SET \"EquipmentId\" = e.\"Id\", \"ServiceObjectId\" = e.\"ServiceObjectId\" FROM {pieces} AS e WHERE ";
            // Two equi-joins (hash joins), not one join on an OR.
            var rows = await db.Database.ExecuteSqlRawAsync(set + $"t.\"Id\" % 3 = 0 AND e.rn = (t.\"Id\" / 3) % {equipment} + 1", ct);
            rows += await db.Database.ExecuteSqlRawAsync(set + "t.\"Id\" % 3 <> 0 AND t.\"Id\" % 7 = 0 AND e.rn = t.\"Id\" % 100 + 1", ct);
            line($"tickets: {rows:N0} linked to equipment and its object in {sw.Elapsed.TotalSeconds:N1} s");
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"Tickets\", \"Equipment\", \"ServiceObjects\", \"EquipmentMoves\", \"Companies\"", ct);
    }
}
