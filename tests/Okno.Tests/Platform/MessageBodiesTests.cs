using Okno.Platform.Text;

namespace Okno.Tests.Platform;

public sealed class MessageBodiesTests
{
    private readonly MessageBodies _bodies = new();

    // --- plain text -----------------------------------------------------------------------------------------

    [Fact]
    public void FromText_never_produces_markup_from_text()
    {
        var body = _bodies.FromText("<script>alert(1)</script>");

        Assert.Equal("<script>alert(1)</script>", body.Text);
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", body.Html);
        Assert.DoesNotContain("<script", body.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("\"><b>bold</b>")]
    [InlineData("Tom & Jerry's \"show\"")]
    public void FromText_encodes_every_markup_character(string text)
    {
        var html = _bodies.FromText(text).Html;
        var inner = html["<p>".Length..^"</p>".Length];

        Assert.DoesNotContain('<', inner);
        Assert.DoesNotContain('>', inner);
        Assert.DoesNotContain('"', inner);
        Assert.Equal(text, _bodies.TextOf(html));
    }

    [Fact]
    public void FromText_turns_line_breaks_into_br_and_blank_lines_into_paragraphs()
    {
        var body = _bodies.FromText("Здравствуйте!\nСпасибо.\n\nИван");

        Assert.Equal("<p>Здравствуйте!<br>Спасибо.</p><p>Иван</p>", body.Html);
        Assert.Equal("Здравствуйте!\nСпасибо.\n\nИван", body.Text);
    }

    [Fact]
    public void FromText_normalizes_windows_and_mac_line_breaks()
    {
        var body = _bodies.FromText("a\r\nb\r\rc");

        Assert.Equal("a\nb\n\nc", body.Text);
        Assert.Equal("<p>a<br>b</p><p>c</p>", body.Html);
    }

    [Fact]
    public void FromText_collapses_several_blank_lines_into_one_paragraph_break()
    {
        var body = _bodies.FromText("\n\nfirst\n\n\n\n\nsecond\n\n");

        Assert.Equal("<p>first</p><p>second</p>", body.Html);
        Assert.DoesNotContain("<br>", body.Html);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\n ")]
    public void FromText_of_blank_text_has_no_paragraphs(string text)
    {
        Assert.Equal("", _bodies.FromText(text).Html);
    }

    // --- HTML -----------------------------------------------------------------------------------------------

    [Fact]
    public void Sanitize_removes_script_tags_and_their_content()
    {
        var html = _bodies.Sanitize("<p>Hi</p><script>alert(1)</script><SCRIPT src=\"//evil.example/x.js\"></SCRIPT>");

        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html);
        Assert.Contains("<p>Hi</p>", html);
    }

    [Theory]
    [InlineData("<p onclick=\"alert(1)\">x</p>", "onclick")]
    [InlineData("<img src=\"https://example.com/a.png\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("<b onmouseover=alert(1)>x</b>", "onmouseover")]
    [InlineData("<svg onload=alert(1)><circle r=1></circle></svg>", "onload")]
    [InlineData("<body onload=alert(1)>x</body>", "onload")]
    public void Sanitize_removes_event_handler_attributes(string input, string attribute)
    {
        var html = _bodies.Sanitize(input);

        Assert.DoesNotContain(attribute, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html);
    }

    [Fact]
    public void Sanitize_removes_svg()
    {
        var html = _bodies.Sanitize("<svg onload=alert(1)><script>alert(2)</script></svg>after");

        Assert.DoesNotContain("svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"  javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<img src=\"javascript:alert(1)\">")]
    public void Sanitize_removes_script_urls(string input)
    {
        var html = _bodies.Sanitize(input);

        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html);
        Assert.DoesNotContain("msgbox", html);
    }

    [Theory]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>")]
    public void Sanitize_removes_data_urls_in_links(string input)
    {
        var html = _bodies.Sanitize(input);

        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href", html);
    }

    [Theory]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "iframe")]
    [InlineData("<object data=\"x.swf\"></object>", "object")]
    [InlineData("<embed src=\"x.swf\">", "embed")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "meta")]
    [InlineData("<base href=\"https://evil.example/\">", "base")]
    public void Sanitize_removes_embedding_elements(string input, string tag)
    {
        var html = _bodies.Sanitize(input);

        Assert.DoesNotContain("<" + tag, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html);
    }

    [Theory]
    [InlineData("<div style=\"width: expression(alert(1))\">x</div>")]
    [InlineData("<div style=\"background-image: url(javascript:alert(1))\">x</div>")]
    [InlineData("<div style=\"behavior: url(x.htc)\">x</div>")]
    public void Sanitize_removes_style_expressions(string input)
    {
        var html = _bodies.Sanitize(input);

        Assert.DoesNotContain("expression", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("behavior", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">x</div>", html);
    }

    [Fact]
    public void Sanitize_removes_forms_and_inputs()
    {
        var html = _bodies.Sanitize(
            "<form action=\"https://evil.example/login\" method=\"post\"><input name=\"password\" type=\"password\"><button formaction=\"https://evil.example/b\">Войти</button></form>");

        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<input", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html);
    }

    [Fact]
    public void Sanitize_removes_style_elements()
    {
        var html = _bodies.Sanitize("<style>body { background: url(https://evil.example/track) }</style><p>x</p>");

        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html);
    }

    [Fact]
    public void Sanitize_removes_data_attributes()
    {
        var html = _bodies.Sanitize("<p data-bind=\"x\">text</p>");

        Assert.Equal("<p>text</p>", html);
    }

    [Fact]
    public void Safe_formatting_survives()
    {
        var html = _bodies.Sanitize(
            "<p><b>Жирный</b> и <i>курсив</i><br>строка</p><ul><li>один</li><li>два</li></ul>");

        Assert.Equal("<p><b>Жирный</b> и <i>курсив</i><br>строка</p><ul><li>один</li><li>два</li></ul>", html);
    }

    [Fact]
    public void Https_links_survive_with_rel_noopener_noreferrer_nofollow()
    {
        var html = _bodies.Sanitize("<a href=\"https://example.com/help?a=1&amp;b=2\">справка</a>");

        Assert.Contains("href=\"https://example.com/help?a=1&amp;b=2\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
        Assert.Contains("target=\"_blank\"", html);
        Assert.Contains(">справка</a>", html);
    }

    [Fact]
    public void Link_rel_from_the_input_is_replaced()
    {
        var html = _bodies.Sanitize("<a href=\"https://example.com\" rel=\"opener\" target=\"_self\">x</a>");

        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
        Assert.DoesNotContain("\"opener\"", html);
        Assert.DoesNotContain("_self", html);
    }

    [Fact]
    public void Every_link_gets_rel()
    {
        var html = _bodies.Sanitize("<p><a href=\"https://a.example\">a</a> <a href=\"http://b.example\">b</a></p>");

        Assert.Equal(2, html.Split("rel=\"noopener noreferrer nofollow\"").Length - 1);
    }

    [Theory]
    [InlineData("mailto:support@example.com")]
    [InlineData("tel:+74951234567")]
    public void Mailto_and_tel_links_survive(string href)
    {
        var html = _bodies.Sanitize($"<a href=\"{href}\">x</a>");

        Assert.Contains($"href=\"{href}\"", html);
    }

    [Fact]
    public void FromHtml_sanitizes_and_extracts_the_text()
    {
        var body = _bodies.FromHtml("<p>Hello <b>Иван</b><script>alert(1)</script></p><p onclick=\"x()\">Bye</p>");

        Assert.Equal("Hello Иван\n\nBye", body.Text);
        Assert.Equal("<p>Hello <b>Иван</b></p><p>Bye</p>", body.Html);
    }

    // --- text of HTML ---------------------------------------------------------------------------------------

    [Fact]
    public void TextOf_keeps_paragraph_and_line_breaks()
    {
        Assert.Equal("first line\nsecond line\n\nnext paragraph", _bodies.TextOf("<p>first line<br>second line</p><p>next paragraph</p>"));
    }

    [Fact]
    public void TextOf_puts_list_items_on_their_own_lines()
    {
        Assert.Equal("Шаги:\n\nодин\n\nдва", _bodies.TextOf("<p>Шаги:</p><ul><li>один</li><li>два</li></ul>"));
    }

    [Fact]
    public void TextOf_decodes_entities()
    {
        Assert.Equal("Tom & Jerry <3 \"ёлка\" ©", _bodies.TextOf("Tom &amp; Jerry &lt;3 &quot;&#x451;лка&quot; &copy;"));
    }

    [Fact]
    public void TextOf_drops_tags_but_keeps_their_text()
    {
        Assert.Equal("see the docs now", _bodies.TextOf("see <a href=\"https://x.example\">the <b>docs</b></a> now"));
    }

    [Fact]
    public void TextOf_trims_line_ends_and_the_whole_text()
    {
        Assert.Equal("a\nb", _bodies.TextOf("  <p>a   <br>b  </p>  "));
    }

    [Fact]
    public void TextOf_never_leaves_more_than_one_blank_line()
    {
        var text = _bodies.TextOf("<div><p>Здравствуйте,</p></div><div><p>Иван</p></div>");

        Assert.Equal("Здравствуйте,\n\nИван", text);
    }
}
