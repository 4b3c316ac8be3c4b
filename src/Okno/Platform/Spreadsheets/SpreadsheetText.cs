namespace Okno.Platform.Spreadsheets;

/// <summary>Text written into a CSV or XLSX that a person opens in a spreadsheet (the reports' exports, the service objects'
/// export): one implementation for every export.</summary>
public static class SpreadsheetText
{
    /// <summary>A text a spreadsheet would take for a formula (= + - @, tab, CR at the start), made inert with a leading
    /// apostrophe. An import of our own export takes it off again.</summary>
    public static string Neutralise(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
