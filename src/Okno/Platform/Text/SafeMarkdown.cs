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
        if (LinkScanCost(markdown) > LinkScanAllowance + LinkScanPerChar * markdown.Length) return (null, TextErrors.TooComplex());
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
