using System.Text;

namespace Okno.Testing;

/// <summary>Pathological Markdown and HTML at a given size, the inputs known to make Markdig or AngleSharp (through
/// HtmlSanitizer) go quadratic or blow their stacks; shared by the gate's tests and the <c>hostile</c> benchmark.</summary>
public static class HostileText
{
    public static IReadOnlyList<(string Name, string Text)> Markdown(int size) =>
    [
        ("link-open [a](", Repeat("[a](", size)),
        ("empty-link-open [](", Repeat("[](", size)),
        ("image-open ![a](", Repeat("![a](", size)),
        ("link-parens [a](()", Repeat("[a](()", size)),
        ("link-angle [a](<", Repeat("[a](<", size)),
        ("brackets [[[", Repeat("[", size)),
        ("bracket-text [a", Repeat("[a", size)),
        ("closed-refs [a]", Repeat("[a]", size)),
        ("stars ***", Repeat("*", size)),
        ("emphasis *a", Repeat("*a", size)),
        ("strong-open **a", Repeat("**a", size)),
        ("emphasis-mix *a_", Repeat("*a_", size)),
        ("emphasis-close a**", Repeat("a**", size)),
        ("quotes >>>", Repeat(">", size)),
        ("quotes > > >", Repeat("> ", size)),
        ("nested-lists - 1. ", Repeat("- 1. ", size)),
        ("indented-lists", IndentedLists(size)),
        ("lt <<<", Repeat("<", size)),
        ("tag-open <a", Repeat("<a", size)),
        ("backticks ```", Repeat("`", size)),
        ("backtick-runs", BacktickRuns(size)),
        ("ref-definitions", Repeat("[a]: b\n", size)),
        ("ref-uses", "[a]: /u\n\n" + Repeat("[a][a]", size - 9)),
        ("pipes |||", Repeat("|", size)),
        ("wide-table", WideTable(size)),
        ("raw-html <b><i>", Repeat("<b><i>", size)),
        ("autolink-www", Repeat("www.a", size)),
    ];

    public static IReadOnlyList<(string Name, string Text)> Html(int size) =>
    [
        ("b-i unclosed", Repeat("<b><i>", size)),
        ("b-i misnested x</b>", Repeat("<b><i>x</b>", size)),
        ("b-i crossed </b></i>", Repeat("<b><i></b></i>", size)),
        ("div deep", Repeat("<div>", size)),
        ("a nested", Repeat("<a href=x>", size)),
        ("font", Repeat("<font>", size)),
        ("span", Repeat("<span>", size)),
        ("blockquote", Repeat("<blockquote>", size)),
        ("table-tr-td deep", Repeat("<table><tr><td>", size)),
        ("table foster <table><b>", Repeat("<table><b>", size)),
        ("p unclosed", Repeat("<p>x", size)),
        ("li unclosed", Repeat("<li>x", size)),
        ("svg deep", "<svg>" + Repeat("<g>", size - 5)),
        ("lt <<<", Repeat("<", size)),
        ("comments <!--", Repeat("<!--", size)),
        ("attributes", "<b " + Repeat("a=1 ", size - 4) + ">"),
        ("huge style attribute", "<b style=\"" + Repeat("color:red;", size - 20) + "\">x</b>"),
        ("styled spans", Repeat("<span style=\"color:red;font-weight:bold\">x", size)),
        ("deep then misnested", DeepThenMisnested(size)),
        ("formatting at limit", Repeat("<b>", 3 * 250) + Repeat("<i>x</b><b>", size - 750)),
    ];

    /// <summary>A newsletter as mail clients send it: nested layout tables, inline styles, fonts, images and links,
    /// unclosed paragraphs; about <paramref name="size"/> characters. The gate must accept it.</summary>
    public static string Newsletter(int size)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><style>td{font-family:Arial}</style></head><body><center>");
        html.Append("<table width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td>");
        var n = 0;
        while (html.Length < size - 200)
        {
            n++;
            html.Append("<table width=\"100%\" style=\"border:0\"><tr><td class=\"c\"><table><tr><td><table><tr>");
            html.Append("<td style=\"padding:8px\"><font face=\"Arial\" size=\"2\"><b>Offer ").Append(n).Append("</b></font><p>Great things <i>for you</i>");
            html.Append("<p><a href=\"https://example.com/p/").Append(n).Append("\" style=\"color:#06c\"><img src=\"https://example.com/i/").Append(n)
                .Append(".png\" width=\"120\" alt=\"\"></a><br><span style=\"color:#999\">Unsubscribe</span></td>");
            html.Append("<td><ul><li>One<li>Two<li>Three</ul></td></tr></table></td></tr></table></td></tr></table>\n");
        }
        html.Append("</td></tr></table></center></body></html>");
        return html.ToString();
    }

    private static string Repeat(string unit, int size)
    {
        var text = new StringBuilder(Math.Max(0, size) + unit.Length);
        while (text.Length < size) text.Append(unit);
        return text.ToString(0, Math.Max(0, size));
    }

    private static string IndentedLists(int size)
    {
        var text = new StringBuilder();
        for (var depth = 0; text.Length < size; depth++) text.Append(' ', depth * 2).Append("- a\n");
        return text.ToString(0, size);
    }

    private static string BacktickRuns(int size)
    {
        var text = new StringBuilder();
        for (var run = 1; text.Length < size; run++) text.Append('`', run).Append('a');
        return text.ToString(0, size);
    }

    private static string WideTable(int size)
    {
        var half = size / 2 - 2;
        return Repeat("a|", half) + "\n" + Repeat("-|", half) + "\n";
    }

    private static string DeepThenMisnested(int size)
    {
        var head = Repeat("<div>", 5 * 200);
        return head + Repeat("<b><i>x</b></i>", size - head.Length);
    }
}
