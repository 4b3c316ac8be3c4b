using System.Diagnostics;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;

namespace Okno.Platform.Text;

/// <summary>Markdown to (unsanitized) HTML with bounded work: the pipeline has only the extensions the desk uses (pipe
/// tables, autolinks, task lists) and Markdig's own nesting limit; a linear pre-scan refuses the known quadratic
/// pattern (many <c>](</c> whose link destination runs on to the end of a long line: each is scanned to its end); and a
/// deadline, checked by an inline parser that runs before every other one at each markup character, stops a parse
/// that goes over its time budget. Markdig has no cancellation, but it is synchronous and calls its inline parsers
/// all the time, so the check runs on the caller's thread and no thread is ever left running.</summary>
internal sealed class SafeMarkdown
{
    private const string DeadlineKey = "okno.deadline";
    /// <summary>How many characters the link parser may scan per character of input, beyond a fixed allowance.</summary>
    private const long LinkScanPerChar = 50;
    private const long LinkScanAllowance = 1_000_000;

    // The task-list extension renders disabled checkboxes; the sanitizer drops every input, so they become marks.
    private const string Checked = "<input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" />";
    private const string Unchecked = "<input disabled=\"disabled\" type=\"checkbox\" />";

    private readonly MarkdownPipeline _pipeline;
    private readonly TextOptions _options;

    public SafeMarkdown(TextOptions options)
    {
        _options = options;
        var builder = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseTaskLists();
        builder.MaximumNestingDepth = options.MaxMarkdownNesting;
        builder.InlineParsers.Insert(0, new DeadlineCheck());
        _pipeline = builder.Build();
    }

    /// <summary>Markdig's HTML, or the refusal: <see cref="ErrorCodes.TextTooDeep"/> or <see cref="ErrorCodes.TextTooComplex"/>.</summary>
    public (string? Html, Web.FieldError? Error) ToHtml(string markdown)
    {
        if (LinkScanCost(markdown) > LinkScanAllowance + LinkScanPerChar * markdown.Length || !LinesAreBounded(markdown))
            return (null, TextErrors.TooComplex());
        if (DeepestLinePrefix(markdown) > _options.MaxMarkdownNesting) return (null, TextErrors.TooDeep(_options.MaxMarkdownNesting));
        var context = new MarkdownParserContext();
        context.Properties[DeadlineKey] = Stopwatch.GetTimestamp() + (long)(_options.MarkdownBudgetMilliseconds / 1000.0 * Stopwatch.Frequency);
        try
        {
            return (Markdown.ToHtml(markdown, _pipeline, context).Replace(Checked, "☑ ").Replace(Unchecked, "☐ "), null);
        }
        catch (BudgetSpentException)
        {
            return (null, TextErrors.TooComplex());
        }
        catch (ArgumentException)
        {
            // Markdig's answer to a syntax tree deeper than MaximumNestingDepth.
            return (null, TextErrors.TooDeep(_options.MaxMarkdownNesting));
        }
        catch (InsufficientExecutionStackException)
        {
            return (null, TextErrors.TooDeep(_options.MaxMarkdownNesting));
        }
    }

    /// <summary>The characters Markdig's link parser scans for every <c>](</c>: its destination runs to the next
    /// whitespace (parentheses nest inside it), so <c>[a](</c> repeated on one line costs the square of the line.</summary>
    internal static long LinkScanCost(string markdown)
    {
        long cost = 0;
        var nextStop = markdown.Length;
        for (var i = markdown.Length - 1; i >= 0; i--)
        {
            var c = markdown[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) nextStop = i;
            else if (c == ']' && i + 1 < markdown.Length && markdown[i + 1] == '(') cost += nextStop - i;
        }
        return cost;
    }

    /// <summary>Two block-level costs the inline deadline cannot see, because Markdig pays them before or after the
    /// inline parsers run: link reference definitions (tens of thousands cost seconds) and pipe tables with thousands
    /// of columns (their post-processing). Real articles have a few of the first and tens of columns.</summary>
    internal static bool LinesAreBounded(string markdown)
    {
        var definitions = 0;
        var start = 0;
        while (start <= markdown.Length)
        {
            var end = markdown.IndexOf('\n', start);
            if (end < 0) end = markdown.Length;
            var line = markdown.AsSpan(start, end - start);
            var indent = 0;
            while (indent < line.Length && indent < 4 && line[indent] == ' ') indent++;
            if (indent < 4 && indent < line.Length && line[indent] == '[' && line.IndexOf("]:") > indent && ++definitions > MaxReferenceDefinitions)
                return false;
            if (line.Count('|') > MaxPipesPerLine) return false;
            start = end + 1;
        }
        return true;
    }

    /// <summary>The most containers one line opens with its prefix of block quote and list markers (<c>&gt; &gt; - 1. </c>):
    /// Markdig builds such a line's containers before it checks its nesting limit, at a cost that grows with their
    /// number, so a line of thousands is refused before parsing. Leading indentation counts a level per two columns
    /// (a nested list item is indented under its parent), so a staircase of nested lists is refused the same way. A line of dashes or stars counts too (it may be a
    /// thematic break, but not one with more markers than the nesting limit).</summary>
    internal static int DeepestLinePrefix(string markdown)
    {
        var deepest = 0;
        var i = 0;
        while (i < markdown.Length)
        {
            // Indentation nests too: a list item's content (a nested list included) is indented by its marker's
            // width, at least two columns a level.
            var columns = 0;
            while (i < markdown.Length && markdown[i] is ' ' or '\t') { columns += markdown[i] == '\t' ? 4 : 1; i++; }
            var depth = 0;
            while (true)
            {
                var spaces = 0;
                while (i < markdown.Length && markdown[i] == ' ' && spaces < 4) { i++; spaces++; }
                if (i >= markdown.Length) break;
                var c = markdown[i];
                if (c == '>') { depth++; i++; continue; }
                if (c is '-' or '*' or '+' && i + 1 < markdown.Length && markdown[i + 1] is ' ' or '\t') { depth++; i += 2; continue; }
                var digits = 0;
                while (i + digits < markdown.Length && digits < 10 && char.IsAsciiDigit(markdown[i + digits])) digits++;
                if (digits > 0 && i + digits + 1 < markdown.Length && markdown[i + digits] is '.' or ')' && markdown[i + digits + 1] is ' ' or '\t')
                {
                    depth++;
                    i += digits + 2;
                    continue;
                }
                break;
            }
            if (depth > 0) depth += columns / 2; // only a marker makes indentation a level (not indented code)
            if (depth > deepest) deepest = depth;
            var end = markdown.IndexOf('\n', i);
            i = end < 0 ? markdown.Length : end + 1;
        }
        return deepest;
    }

    internal const int MaxReferenceDefinitions = 2_000;
    internal const int MaxPipesPerLine = 1_000;

    private sealed class BudgetSpentException : Exception;

    /// <summary>Runs first at every character another inline parser could open on; never matches, only throws once the
    /// parse's deadline has passed.</summary>
    private sealed class DeadlineCheck : InlineParser
    {
        public DeadlineCheck() => OpeningCharacters = ['[', ']', '!', '*', '_', '`', '<', '>', '\\', '&', '|', '~', '(', ')', '\n', '\r', 'h', 'w', 'f', 'm'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (processor.Context?.Properties.TryGetValue(DeadlineKey, out var deadline) == true && Stopwatch.GetTimestamp() > (long)deadline!)
                throw new BudgetSpentException();
            return false;
        }
    }
}

/// <summary>The refusals of the text gate, as field errors (the caller names the field).</summary>
public static class TextErrors
{
    public static Web.FieldError TooDeep(int max) =>
        new(Web.ErrorCodes.TextTooDeep, $"Nested too deeply: at most {max} levels of quotes, lists, emphasis or tags.", ("max", max));

    public static Web.FieldError TooComplex() =>
        new(Web.ErrorCodes.TextTooComplex, "The markup is too complex to process; simplify it (e.g. unclosed brackets or tags repeated many times).");
}

/// <summary>Thrown by the gate with the field that was refused; carries the 400 to the API (as an <see cref="Web.OknoException"/>)
/// and to the UI (which translates <see cref="Web.FieldError.Code"/>).</summary>
public static class TextRefusal
{
    public static Web.OknoException For(string field, Web.FieldError error) =>
        new(new Web.InvalidInput(new Dictionary<string, Web.FieldError[]> { [field] = [error] }));
}
