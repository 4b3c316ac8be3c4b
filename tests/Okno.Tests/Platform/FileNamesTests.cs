using Okno.Platform.Files;

namespace Okno.Tests.Platform;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("/abs/path.txt", "path.txt")]
    [InlineData("C:\\Users\\ivan\\Desktop\\report.docx", "report.docx")]
    [InlineData("dir/sub\\mixed/name.png", "name.png")]
    public void Directories_are_dropped(string input, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(input));
    }

    [Theory]
    [InlineData("a\u200Bb.txt", "ab.txt")]
    [InlineData("\uFEFFreport.pdf", "report.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("name\u202D\u2066\u2069.txt", "name.txt")]
    public void Zero_width_and_direction_override_characters_are_removed(string input, string expected)
    {
        var cleaned = FileNames.Clean(input);

        Assert.Equal(expected, cleaned);
        Assert.DoesNotContain(cleaned, c => c is '\u200B' or '\uFEFF' or '\u202E' or '\u202D');
    }

    [Theory]
    [InlineData("a\u0000b.txt", "ab.txt")]
    [InlineData("line\r\nbreak.txt", "linebreak.txt")]
    [InlineData("tab\tbed\u001B.txt", "tabbed.txt")]
    [InlineData("c1\u0085\u009F.txt", "c1.txt")]
    [InlineData("sep\u2028\u2029.txt", "sep.txt")]
    public void Control_characters_are_removed(string input, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(input));
    }

    [Theory]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("...hidden.txt", "hidden.txt")]
    [InlineData(" . .env", "env")]
    [InlineData("..", "attachment")]
    public void Leading_dots_are_removed(string input, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(input));
    }

    [Theory]
    [InlineData("a:b.txt", "a_b.txt")]
    [InlineData("what?.txt", "what_.txt")]
    [InlineData("star*.txt", "star_.txt")]
    [InlineData("<tag>|\"q\".txt", "_tag___q_.txt")]
    public void Reserved_characters_are_replaced(string input, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(input));
    }

    [Fact]
    public void Very_long_name_is_cut_to_the_limit_keeping_the_extension()
    {
        var cleaned = FileNames.Clean(new string('x', 500) + ".pdf");

        Assert.Equal(FileNames.MaxLength, cleaned.Length);
        Assert.Equal(200, cleaned.Length);
        Assert.EndsWith("x.pdf", cleaned);
        Assert.Equal(new string('x', 196) + ".pdf", cleaned);
    }

    [Fact]
    public void Very_long_name_without_extension_is_cut_to_the_limit()
    {
        Assert.Equal(new string('я', 200), FileNames.Clean(new string('я', 300)));
    }

    [Fact]
    public void Very_long_extension_is_not_kept()
    {
        var cleaned = FileNames.Clean("a." + new string('e', 300));

        Assert.Equal(200, cleaned.Length);
        Assert.StartsWith("a.eee", cleaned);
    }

    [Fact]
    public void Name_at_the_limit_is_left_alone()
    {
        var name = new string('x', 196) + ".pdf";

        Assert.Equal(name, FileNames.Clean(name));
    }

    [Fact]
    public void Cutting_a_long_name_never_splits_a_surrogate_pair()
    {
        // 195 letters then emoji (two UTF-16 units each): the cut at 196 falls inside the first emoji.
        var cleaned = FileNames.Clean(new string('a', 195) + string.Concat(Enumerable.Repeat("😀", 5)) + ".txt");

        Assert.True(cleaned.Length <= FileNames.MaxLength);
        Assert.EndsWith(".txt", cleaned);
        Assert.DoesNotContain(cleaned, char.IsSurrogate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u202E")]
    [InlineData("../../")]
    [InlineData("dir/")]
    [InlineData("...")]
    public void Empty_result_becomes_attachment(string? input)
    {
        Assert.Equal("attachment", FileNames.Clean(input));
    }

    [Theory]
    [InlineData("Счёт №5.pdf")]
    [InlineData("Договор (копия) 2024.docx")]
    [InlineData("photo 😀.jpg")]
    [InlineData("report.final.v2.xlsx")]
    public void Ordinary_names_are_kept(string name)
    {
        Assert.Equal(name, FileNames.Clean(name));
    }

    [Fact]
    public void Surrounding_blanks_are_trimmed()
    {
        Assert.Equal("Счёт.pdf", FileNames.Clean("  Счёт.pdf  "));
    }
}
