using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Okno.Bench;

/// <summary>A bench's section of bench/results: a heading, what the machine was and how each row was timed, the log
/// lines as a text block, then the table; printed and appended to the output file.</summary>
internal static class BenchReport
{
    public static async Task WriteAsync(string title, string provider, string? label, string method, IEnumerable<string> lines, StringBuilder table,
        string? output, CancellationToken ct)
    {
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {title} — {provider} — {label}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores (shared), {RuntimeInformation.OSDescription}; Okno, the database and the bench share it. {method}")
            .AppendLine()
            .AppendLine("```text");
        foreach (var l in lines) report.AppendLine(l);
        report.AppendLine("```");
        if (table.Length > 0) report.AppendLine().Append(table);
        Console.WriteLine(report);
        if (output is not null) await File.AppendAllTextAsync(output, report + "\n", ct);
    }
}
