using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using Okno.Platform.Web;

namespace Okno.Customers.ServiceObjects;

/// <summary>A table read from an uploaded CSV or XLSX file: the header (lower-cased, trimmed) and the data rows with their
/// row numbers in the file (the header is row 1). Files are hostile: size, rows, columns and the unpacked size of an
/// XLSX are bounded, XML is read without DTDs, and anything unreadable is one clear error.</summary>
public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<(int Row, string?[] Cells)> Rows)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 10_000;
    public const int MaxColumns = 50;
    private const long MaxUnpackedBytes = 100L * 1024 * 1024;

    public int Column(string name) => Header.ToList().IndexOf(name);

    /// <summary>The cell of <paramref name="column"/> (see <see cref="Column"/>), trimmed; null when empty or absent. A
    /// leading apostrophe that our exports put before = + - @ (so a spreadsheet does not run it) is taken off again.</summary>
    public static string? Cell(string?[] cells, int column)
    {
        if (column < 0 || column >= cells.Length || string.IsNullOrWhiteSpace(cells[column])) return null;
        var value = cells[column]!.Trim();
        return value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;
    }

    public static ImportTable Read(byte[] file)
    {
        try
        {
            var table = file.Length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4 ? ReadXlsx(file) : ReadCsv(file);
            if (table.Header.Count == 0) throw Unreadable();
            if (table.Rows.Count > MaxRows)
                throw new OknoException(InvalidInput.Field("file", ServiceObjectErrorCodes.ImportTooManyRows, $"At most {MaxRows} rows per file.", ("max", MaxRows)));
            return table;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or CsvHelperException or DecoderFallbackException or FormatException)
        {
            throw Unreadable();
        }
    }

    private static OknoException Unreadable() =>
        new(InvalidInput.Field("file", ServiceObjectErrorCodes.ImportUnreadable, "The file is not a CSV or XLSX table that can be read."));

    private static ImportTable ReadCsv(byte[] file)
    {
        // Strict UTF-8 (with or without BOM): a binary or legacy-encoded file is refused rather than imported as mojibake.
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0')) throw Unreadable();
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",";
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter, BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false,
        });
        List<string>? header = null;
        var rows = new List<(int, string?[])>();
        while (reader.Read())
        {
            var cells = reader.Parser.Record ?? [];
            if (cells.Length > MaxColumns) throw Unreadable();
            if (header is null)
            {
                header = cells.Select(c => c.Trim().ToLowerInvariant()).ToList();
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add((reader.Parser.Row, cells));
            if (rows.Count > MaxRows) break;
        }
        return new ImportTable(header ?? [], rows);
    }

    private static ImportTable ReadXlsx(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        var shared = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is { } sharedEntry)
        {
            using var xml = Xml(sharedEntry);
            while (xml.ReadToFollowing("si", Ns))
            {
                var item = new StringBuilder();
                using var si = xml.ReadSubtree();
                while (si.Read())
                    if (si.NodeType == XmlNodeType.Element && si.LocalName == "t" && si.NamespaceURI == Ns) item.Append(si.ReadElementContentAsString());
                shared.Add(item.ToString());
                if (shared.Count > MaxRows * MaxColumns) throw Unreadable();
            }
        }
        var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")
            ?? zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault()
            ?? throw Unreadable();
        List<string>? header = null;
        var rows = new List<(int, string?[])>();
        using (var xml = Xml(sheet))
        {
            while (xml.ReadToFollowing("row", Ns))
            {
                var rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rows.Count + 2;
                var cells = new string?[MaxColumns];
                var width = 0;
                using var row = xml.ReadSubtree();
                while (row.ReadToFollowing("c", Ns))
                {
                    // Some writers (ours, SpreadCheetah) leave out a cell's reference: it is then the next column.
                    var reference = row.GetAttribute("r");
                    var column = reference is null ? width : ColumnOf(reference);
                    var type = row.GetAttribute("t");
                    string? value = null;
                    using var cell = row.ReadSubtree();
                    while (cell.Read())
                    {
                        if (cell.NodeType != XmlNodeType.Element || cell.NamespaceURI != Ns) continue;
                        if (cell.LocalName == "v") value = cell.ReadElementContentAsString();
                        else if (cell.LocalName == "t") value = (value ?? "") + cell.ReadElementContentAsString();
                    }
                    if (type == "s" && value is not null)
                        value = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : throw Unreadable();
                    if (column is < 0 or >= MaxColumns) throw Unreadable();
                    cells[column] = value;
                    width = Math.Max(width, column + 1);
                }
                var values = cells[..width];
                if (header is null)
                {
                    header = values.Select(c => (c ?? "").Trim().ToLowerInvariant()).ToList();
                    continue;
                }
                if (values.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add((rowNumber, values));
                if (rows.Count > MaxRows) break;
            }
        }
        return new ImportTable(header ?? [], rows);
    }

    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static XmlReader Xml(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxUnpackedBytes) throw Unreadable();
        return XmlReader.Create(new BoundedStream(entry.Open(), MaxUnpackedBytes), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, CloseInput = true,
        });
    }

    /// <summary>"C7" → 2.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            column = column * 26 + (c - 'A' + 1);
            if (column > MaxColumns) return -1;
        }
        return column - 1;
    }

    /// <summary>Stops reading past a bound, whatever the zip header claims (a zip bomb lies about sizes).</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > limit) throw new InvalidDataException("Unpacked entry too large.");
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
