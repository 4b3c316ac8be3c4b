namespace Okno.Platform.Text;

/// <summary>Bounds on the work one piece of Markdown or HTML may cost (settings under <c>Okno:Text</c>). The size of each
/// field is bounded where the field is validated (200,000 characters for message and article bodies); these bound the
/// structure inside it. Input over a bound is refused with a 400 naming the field (<c>text.too_deep</c>,
/// <c>text.too_complex</c>), never rendered halfway.</summary>
public sealed class TextOptions
{
    /// <summary>Deepest Markdown nesting (block quotes in block quotes, lists in lists, emphasis in links…).</summary>
    public int MaxMarkdownNesting { get; set; } = 32;

    /// <summary>Deepest nesting of HTML elements (a body from a client or a mailbox, or the HTML a Markdown text
    /// makes), counted as the HTML parser would keep them open, mis-nested formatting tags reopened. Real mail,
    /// newsletters of nested tables included, stays far below it.</summary>
    public int MaxHtmlDepth { get; set; } = 256;

    /// <summary>Most children (elements and runs of text) of one HTML element: the parser and the sanitizer slow down
    /// with the square of it. A long newsletter table has hundreds of rows, not thousands.</summary>
    public int MaxHtmlChildren { get; set; } = 5_000;

    /// <summary>Wall-clock time one Markdown text may take to parse; the last line of defence after the cheap
    /// structural checks. Parsing stops at the next inline element once the budget is spent.</summary>
    public int MarkdownBudgetMilliseconds { get; set; } = 400;
}
