using Okno.Platform;
using Okno.Platform.Text;
using Okno.Platform.Web;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>The bounded text gate (MessageBodies): every pathological Markdown and HTML input at the size limit is either
/// rendered or refused with a field error naming a stable code — never an exception of another kind, never a hang —
/// and real content (articles with tables and lists, a large newsletter) still passes. Times are measured by the
/// <c>hostile</c> benchmark, not asserted here.</summary>
public sealed class TextGateTests
{
    private const int Limit = 200_000; // Message.BodyMaxLength and ArticleTranslation.BodyMaxLength
    private static readonly MessageBodies Bodies = new();

    public static TheoryData<string> MarkdownCases()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in HostileText.Markdown(10)) data.Add(name);
        return data;
    }

    public static TheoryData<string> HtmlCases()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in HostileText.Html(10)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownCases))]
    public void Pathological_markdown_at_the_limit_is_rendered_or_refused_with_a_code(string name)
    {
        var markdown = HostileText.Markdown(Limit).Single(c => c.Name == name).Text;

        var (html, error) = Bodies.TryMarkdown(markdown);

        Assert.True(html is not null ^ error is not null);
        if (error is not null) Assert.Contains(error.Code, new[] { ErrorCodes.TextTooDeep, ErrorCodes.TextTooComplex });
        else Assert.DoesNotContain("<script", html!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(HtmlCases))]
    public void Pathological_html_at_the_limit_is_sanitized_or_refused_naming_the_field(string name)
    {
        var input = HostileText.Html(Limit).Single(c => c.Name == name).Text;

        try
        {
            var body = Bodies.FromHtml(input, "bodyHtml");
            Assert.NotNull(body.Html);
        }
        catch (OknoException e)
        {
            var invalid = Assert.IsType<InvalidInput>(e.Error);
            var field = Assert.Single(invalid.Fields);
            Assert.Equal("bodyHtml", field.Key);
            Assert.Contains(Assert.Single(field.Value).Code, new[] { ErrorCodes.TextTooDeep, ErrorCodes.TextTooComplex });
        }
    }

    [Theory]
    [InlineData("link-open [a](")]
    [InlineData("empty-link-open [](")]
    [InlineData("image-open ![a](")]
    public void Link_openers_repeated_on_one_line_are_refused_by_the_pre_scan(string name)
    {
        var markdown = HostileText.Markdown(Limit).Single(c => c.Name == name).Text;

        var (_, error) = Bodies.TryMarkdown(markdown);

        Assert.Equal(ErrorCodes.TextTooComplex, error?.Code);
    }

    [Theory]
    [InlineData("quotes >>>")]
    [InlineData("quotes > > >")]
    [InlineData("nested-lists - 1. ")]
    [InlineData("indented-lists")]
    public void Deep_markdown_is_refused_as_too_deep_with_the_limit(string name)
    {
        var markdown = HostileText.Markdown(Limit).Single(c => c.Name == name).Text;

        var (_, error) = Bodies.TryMarkdown(markdown);

        Assert.Equal(ErrorCodes.TextTooDeep, error?.Code);
        Assert.Equal(32, error!.Parameters["max"]);
    }

    [Theory]
    [InlineData("b-i unclosed")]
    [InlineData("b-i misnested x</b>")]
    [InlineData("div deep")]
    [InlineData("a nested")]
    [InlineData("table-tr-td deep")]
    public void Deep_or_misnested_html_is_refused_before_it_reaches_the_parser(string name)
    {
        var html = HostileText.Html(Limit).Single(c => c.Name == name).Text;

        var e = Assert.Throws<OknoException>(() => Bodies.FromHtml(html, "bodyHtml"));

        var error = Assert.Single(Assert.IsType<InvalidInput>(e.Error).Fields["bodyHtml"]);
        Assert.Equal(ErrorCodes.TextTooDeep, error.Code);
        Assert.Equal(256, error.Parameters["max"]);
    }

    [Theory]
    [InlineData("p unclosed")]
    [InlineData("li unclosed")]
    [InlineData("b-i crossed </b></i>")]
    public void Tens_of_thousands_of_siblings_are_refused_as_too_complex(string name)
    {
        var html = HostileText.Html(Limit).Single(c => c.Name == name).Text;

        var e = Assert.Throws<OknoException>(() => Bodies.FromHtml(html, "bodyHtml"));

        Assert.Equal(ErrorCodes.TextTooComplex, Assert.Single(Assert.IsType<InvalidInput>(e.Error).Fields["bodyHtml"]).Code);
    }

    [Theory]
    [InlineData("ref-definitions")]
    [InlineData("wide-table")]
    [InlineData("pipes |||")]
    public void Block_level_costs_are_refused_by_the_line_scan(string name)
    {
        var markdown = HostileText.Markdown(Limit).Single(c => c.Name == name).Text;

        Assert.Equal(ErrorCodes.TextTooComplex, Bodies.TryMarkdown(markdown).Error?.Code);
    }

    [Fact]
    public void Deeply_indented_code_is_not_mistaken_for_nesting()
    {
        var markdown = "```\n" + new string(' ', 120) + "deep code\n```\n\n" + new string(' ', 100) + "indented code block";

        Assert.Null(Bodies.TryMarkdown(markdown).Error);
    }

    [Fact]
    public void Markdown_that_ends_in_deep_raw_html_is_refused_as_too_deep()
    {
        var (_, error) = Bodies.TryMarkdown("Hello\n\n" + string.Concat(Enumerable.Repeat("<div>", 1000)));

        Assert.Equal(ErrorCodes.TextTooDeep, error?.Code);
    }

    [Fact]
    public void A_large_newsletter_of_nested_tables_passes()
    {
        var newsletter = HostileText.Newsletter(600_000);

        var body = Bodies.FromHtml(newsletter, "bodyHtml");

        Assert.Contains("Offer 1", body.Text);
        Assert.Contains("<table", body.Html);
    }

    [Theory]
    [InlineData("<p>a<b>b<i>c</b>d</i></p>", 3)]          // the classic mis-nesting: i is reopened after </b>
    [InlineData("<ul><li>a<li>b<li>c</ul>", 2)]              // li closes li
    [InlineData("<table><tr><td>a<td>b<tr><td>c</table>", 3)] // td and tr close their own kind
    [InlineData("<p>a<div>b</div>", 1)]                        // a block closes an open p
    [InlineData("<br><img src=x><hr>", 0)]                      // void elements
    [InlineData("<script>if (a<b) x = '<div><div>';</script>", 0)]
    [InlineData("<!-- <div><div> --><b title='>'>x</b>", 1)]
    public void The_shape_scan_follows_the_parser_on_ordinary_html(string html, int depth) =>
        Assert.Equal(depth, HtmlShape.MaxDepth(html, 1000));

    [Fact]
    public void Article_markdown_keeps_tables_task_lists_links_and_nesting()
    {
        var markdown = """
            # Printer

            > A quote with **bold**, *emphasis* and a [link](https://example.com/a_(b)).
            > > nested quote

            - one
              - two
                1. three

            | Col | Other |
            |-----|-------|
            | a   | b     |

            - [x] done
            - [ ] open

            `code` and www.example.com
            """;

        var html = Bodies.Markdown(markdown, "body");

        Assert.Contains("<table>", html);
        Assert.Contains("☑", html);
        Assert.Contains("☐", html);
        Assert.Contains("href=\"https://example.com/a_(b)\"", html);
        Assert.Contains("<blockquote>", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("<ol>", html);
    }

    [Fact]
    public void Limits_come_from_the_settings()
    {
        var strict = new MessageBodies(Microsoft.Extensions.Options.Options.Create(new OknoOptions
        {
            Text = new TextOptions { MaxMarkdownNesting = 3, MaxHtmlDepth = 5 },
        }));

        Assert.Equal(ErrorCodes.TextTooDeep, strict.TryMarkdown("> > > > deep").Error?.Code);
        Assert.Null(strict.TryMarkdown("> shallow").Error);
        var e = Assert.Throws<OknoException>(() => strict.FromHtml("<div><div><div><div><div><div>x", "html"));
        Assert.True(Assert.IsType<InvalidInput>(e.Error).Fields.ContainsKey("html"));
        Assert.Equal("x", strict.FromHtml("<div><div>x</div></div>", "html").Text);
    }

    [Fact]
    public void A_spent_time_budget_refuses_as_too_complex()
    {
        var hurried = new MessageBodies(Microsoft.Extensions.Options.Options.Create(new OknoOptions
        {
            Text = new TextOptions { MarkdownBudgetMilliseconds = 0 },
        }));

        Assert.Equal(ErrorCodes.TextTooComplex, hurried.TryMarkdown("a *b* [c](d) " + new string('x', 1000)).Error?.Code);
    }
}
