using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Okno.Knowledge;

/// <summary>Line diff of two Markdown bodies with DiffPlex, as added / removed / unchanged lines.</summary>
public static class RevisionDiffer
{
    public static IReadOnlyList<DiffLine> Lines(string from, string to)
    {
        var model = InlineDiffBuilder.Diff(Normalize(from), Normalize(to), ignoreWhiteSpace: false);
        return model.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Inserted => "added",
            ChangeType.Deleted => "removed",
            _ => "unchanged",
        }, l.Text ?? "")).ToList();
    }

    public static string Render(IEnumerable<DiffLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
            text.Append(line.Kind switch { "added" => "+ ", "removed" => "- ", _ => "  " }).Append(line.Text).Append('\n');
        return text.ToString();
    }

    // A final newline would show as one more, empty, line on both sides.
    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n');
}
