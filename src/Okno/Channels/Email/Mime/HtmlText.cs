using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Okno.Channels.Email.Mime;

/// <summary>The readable text of a mail's HTML (unsanitized, possibly hostile): block elements and &lt;br&gt; keep their
/// line breaks, whitespace collapses as a browser shows it, quoted mail (&lt;blockquote&gt;) gets the "&gt; " prefix of
/// plain-text mail so the same quote folding applies, and scripts, styles and images give nothing. The walk is iterative,
/// so however deep the HTML nests it cannot overflow the stack.</summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Skipped = ["SCRIPT", "STYLE", "HEAD", "TITLE", "TEMPLATE", "NOSCRIPT", "IFRAME", "OBJECT", "SVG", "svg"];
    private static readonly HashSet<string> Paragraphs = ["P", "H1", "H2", "H3", "H4", "H5", "H6", "TABLE", "UL", "OL", "HR"];
    private static readonly HashSet<string> Lines = ["DIV", "LI", "TR", "PRE", "DT", "DD", "ADDRESS", "SECTION", "ARTICLE", "HEADER", "FOOTER", "CENTER"];

    // The bounds of the one HTML gate (Platform/Text): past them AngleSharp's tree building slows down with the square of
    // the nesting or of an element's children (50,000 nested <div>s took 21 s), so such HTML is read flat instead.
    private const int MaxDepth = 256;
    private const int MaxChildren = 5_000;

    public static string Convert(string html)
    {
        var (depth, children) = Okno.Platform.Text.HtmlShape.Measure(html, MaxDepth, MaxChildren);
        if (depth > MaxDepth || children > MaxChildren) return Flat(html);
        var document = new HtmlParser().ParseDocument(html);
        var output = new Builder();
        // (node, leaving): a node is pushed twice, once to enter it and once to close it after its children.
        var stack = new Stack<(INode Node, bool Leaving)>();
        if (document.Body is { } body) stack.Push((body, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText text) { output.Text(text.Data); continue; }
            if (node is not IElement element) continue;
            var tag = element.TagName;
            if (leaving)
            {
                if (tag == "BLOCKQUOTE") { output.Break(); output.Quote--; }
                else if (tag == "PRE") { output.Break(); output.Pre--; }
                else if (Paragraphs.Contains(tag)) output.Paragraph();
                else if (Lines.Contains(tag)) output.Break();
                else if (tag is "TD" or "TH") output.Text(" ");
                continue;
            }
            if (Skipped.Contains(tag)) continue;
            if (tag == "BR") { output.NewLine(); continue; }
            if (tag == "BLOCKQUOTE") { output.Break(); output.Quote++; }
            else if (tag == "PRE") { output.Break(); output.Pre++; }
            else if (Paragraphs.Contains(tag)) output.Paragraph();
            else if (Lines.Contains(tag)) output.Break();
            if (tag == "LI") output.Text("- ");
            stack.Push((element, true));
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling) stack.Push((child, false));
        }
        return output.Result();
    }

    /// <summary>Linear fallback for HTML too costly to build a tree of: tags dropped (block tags and &lt;br&gt; as line
    /// breaks, script and style with their content), entities decoded, whitespace collapsed.</summary>
    private static string Flat(string html)
    {
        var text = FlatSkipped().Replace(html, " ");
        text = FlatBreak().Replace(text, "\n");
        text = FlatTag().Replace(text, " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        var lines = text.Split('\n').Select(l => FlatSpace().Replace(l, " ").Trim());
        return ManyBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim('\n', ' ');
    }

    [GeneratedRegex(@"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<head\b.*?</head\s*>|<title\b.*?</title\s*>|<template\b.*?</template\s*>|<noscript\b.*?</noscript\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex FlatSkipped();

    [GeneratedRegex(@"<(br|/?p|/?div|/?li|/?tr|/?h[1-6]|/?blockquote|/?pre|/?table)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex FlatBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex FlatTag();

    [GeneratedRegex(@"[ \t\r\f\u00A0]+")]
    private static partial Regex FlatSpace();

    private sealed class Builder
    {
        private readonly List<string> _lines = [];
        private readonly StringBuilder _line = new();
        private bool _pendingSpace;
        private int _lineQuote;
        public int Quote;
        public int Pre;

        public void Text(string data)
        {
            if (Pre > 0)
            {
                var parts = data.Replace("\r\n", "\n").Split('\n');
                for (var i = 0; i < parts.Length; i++)
                {
                    if (i > 0) NewLine();
                    Start();
                    _line.Append(parts[i]);
                }
                return;
            }
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c) && c != '\u00A0') { _pendingSpace = _line.Length > 0; continue; }
                Start();
                if (_pendingSpace) { _line.Append(' '); _pendingSpace = false; }
                _line.Append(c == '\u00A0' ? ' ' : c);
            }
        }

        // The quote depth of a line is the depth where its first character was written.
        private void Start() { if (_line.Length == 0) _lineQuote = Quote; }

        /// <summary>Ends the current line if it has text (block boundary).</summary>
        public void Break()
        {
            if (_line.Length > 0) NewLine();
            _pendingSpace = false;
        }

        /// <summary>Ends the current line even if empty (&lt;br&gt;).</summary>
        public void NewLine()
        {
            var depth = _line.Length > 0 ? _lineQuote : Quote;
            var text = _line.ToString().TrimEnd();
            _lines.Add(depth > 0 ? new string('>', depth) + (text.Length > 0 ? " " + text : "") : text);
            _line.Clear();
            _pendingSpace = false;
        }

        public void Paragraph()
        {
            Break();
            if (_lines.Count > 0 && _lines[^1].TrimStart('>').Length > 0) _lines.Add(Quote > 0 ? new string('>', Quote) : "");
        }

        public string Result()
        {
            Break();
            return ManyBlankLines().Replace(string.Join('\n', _lines), "\n\n").Trim('\n', ' ');
        }
    }

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*){2,}")]
    private static partial Regex ManyBlankLines();
}
