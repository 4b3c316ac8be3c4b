namespace Okno.Platform.Text;

/// <summary>A cheap, linear look at the tag structure of HTML before it reaches the parser. AngleSharp's tree builder
/// (the HTML5 algorithm, with its adoption agency for mis-nested formatting tags) costs time in proportion to the depth
/// of open elements for every tag, so tens of thousands of unclosed or mis-nested <c>&lt;b&gt;&lt;i&gt;</c> cost
/// seconds to minutes. This scan replays the open-element stack the way the parser keeps it — void elements, end tags
/// that close what is inside them, elements whose end tag may be left out (<c>p</c>, <c>li</c>, <c>td</c>…), and
/// formatting elements that a mis-nested end tag closes being opened again — and reports the deepest it gets. It errs
/// on the deep side (it never sees the tree builder's other repairs), which only matters far above real mail.</summary>
public static class HtmlShape
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
        { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame" };
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
        { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext" };
    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
        { "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u" };
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "ul", "li", "dd", "dt",
    };

    /// <summary>The deepest the open-element stack gets, or a number above <paramref name="stopAbove"/> as soon as it
    /// passes it (the scan stops there).</summary>
    public static int MaxDepth(string html, int stopAbove) => Measure(html, stopAbove, int.MaxValue).Depth;

    /// <summary>The deepest nesting and the most children (elements and text runs) of one element. AngleSharp and
    /// HtmlSanitizer also slow down with the square of an element's children (tens of thousands of <c>&lt;p&gt;</c>,
    /// <c>&lt;td&gt;</c> or links side by side cost seconds), so both are bounded. The scan stops as soon as either
    /// passes its bound.</summary>
    public static (int Depth, int Children) Measure(string html, int maxDepth, int maxChildren)
    {
        var stack = new List<string>();
        var children = new List<int> { 0 }; // children[k] belongs to stack[k - 1]; children[0] to the body
        var reopen = new List<string>();
        var deepest = 0;
        var most = 0;
        var i = 0;
        void Child()
        {
            var n = ++children[^1];
            if (n > most) most = n;
        }
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0) lt = html.Length;
            for (var k = i; k < lt; k++)
                if (!char.IsWhiteSpace(html[k])) { Child(); break; }
            if (most > maxChildren) return (deepest, most);
            if (lt + 1 >= html.Length) break;
            var c = html[lt + 1];
            if (c == '!')
            {
                if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
                {
                    var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                    i = end < 0 ? html.Length : end + 3;
                }
                else i = After(html, lt + 2);
                continue;
            }
            if (c == '?') { i = After(html, lt + 2); continue; }
            var closing = c == '/';
            var start = closing ? lt + 2 : lt + 1;
            if (start >= html.Length || !char.IsAsciiLetter(html[start])) { i = lt + 1; continue; }
            var nameEnd = start;
            while (nameEnd < html.Length && html[nameEnd] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>')) nameEnd++;
            var name = html[start..nameEnd].ToLowerInvariant();
            var tagEnd = TagEnd(html, nameEnd);
            var selfClosing = tagEnd > 0 && tagEnd - 1 >= nameEnd && html[tagEnd - 1] == '/';
            i = tagEnd < 0 ? html.Length : tagEnd + 1;
            if (closing)
            {
                var at = stack.LastIndexOf(name);
                if (at < 0) continue;
                reopen.Clear();
                for (var k = stack.Count - 1; k > at; k--)
                    if (Formatting.Contains(stack[k])) reopen.Add(stack[k]);
                stack.RemoveRange(at, stack.Count - at);
                children.RemoveRange(at + 1, children.Count - at - 1);
                for (var k = reopen.Count - 1; k >= 0; k--) Push(reopen[k]);
            }
            else
            {
                if (RawText.Contains(name))
                {
                    Child();
                    var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                    i = end < 0 ? html.Length : end;
                    continue;
                }
                if (Void.Contains(name) || selfClosing) { Child(); continue; }
                CloseImplied(stack, name);
                children.RemoveRange(stack.Count + 1, children.Count - stack.Count - 1);
                Push(name);
            }
            if (stack.Count > deepest) deepest = stack.Count;
            if (deepest > maxDepth || most > maxChildren) return (deepest, most);
        }
        return (deepest, most);

        void Push(string element)
        {
            Child();
            stack.Add(element);
            children.Add(0);
        }
    }

    /// <summary>A start tag that ends an element whose end tag may be left out.</summary>
    private static void CloseImplied(List<string> stack, string name)
    {
        if (stack.Count == 0) return;
        if (ClosesParagraph.Contains(name) && stack[^1] == "p") stack.RemoveAt(stack.Count - 1);
        (string[] Same, string[] Scope)? rule = name switch
        {
            "li" => (["li"], ["ul", "ol", "table"]),
            "dt" or "dd" => (["dt", "dd"], ["dl", "table"]),
            "td" or "th" => (["td", "th"], ["tr", "table"]),
            "tr" => (["tr"], ["table", "tbody", "thead", "tfoot"]),
            "tbody" or "thead" or "tfoot" => (["tbody", "thead", "tfoot"], ["table"]),
            "option" => (["option"], ["select", "datalist", "optgroup"]),
            "optgroup" => (["optgroup", "option"], ["select"]),
            "p" => (["p"], ["div", "table", "td", "th", "li", "blockquote", "button"]),
            _ => null,
        };
        if (rule is not { } r) return;
        for (var k = stack.Count - 1; k >= 0; k--)
        {
            if (r.Scope.Contains(stack[k])) return;
            if (r.Same.Contains(stack[k])) { stack.RemoveRange(k, stack.Count - k); return; }
        }
    }

    /// <summary>The index of the '&gt;' that ends a tag, skipping quoted attribute values; -1 when the input ends first.</summary>
    private static int TagEnd(string html, int from)
    {
        char quote = '\0';
        for (var k = from; k < html.Length; k++)
        {
            var ch = html[k];
            if (quote != '\0') { if (ch == quote) quote = '\0'; }
            else if (ch is '"' or '\'' && k > 0 && html[k - 1] == '=') quote = ch;
            else if (ch == '>') return k;
        }
        return -1;
    }

    private static int After(string html, int from)
    {
        var end = html.IndexOf('>', from);
        return end < 0 ? html.Length : end + 1;
    }
}
