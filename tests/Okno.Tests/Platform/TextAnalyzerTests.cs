using Okno.Platform.Search;
using Okno.Testing;

namespace Okno.Tests.Platform;

public sealed class TextAnalyzerTests
{
    /// <summary>A query word form and a text with another form of the same word (28 pairs): the query's terms are all
    /// in the text's terms. The same table runs through the real index on both databases (SearchIndexTests).</summary>
    public static TheoryData<string, string> MorphologyPairs
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (query, text) in MorphologyTable.Pairs) data.Add(query, text);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(MorphologyPairs))]
    public void A_word_form_analyzes_to_a_term_of_the_other_form(string query, string text)
    {
        var queryTerms = TextAnalyzer.Terms(query);
        Assert.NotEmpty(queryTerms);
        Assert.Subset(TextAnalyzer.Terms(text).ToHashSet(), queryTerms.ToHashSet());
    }

    [Fact]
    public void Lower_cases_folds_yo_drops_stop_words_and_keeps_numbers_and_codes()
    {
        Assert.Equal("принтер печата", TextAnalyzer.Analyze("Принтер НЕ печатает!"));
        Assert.Equal(TextAnalyzer.Analyze("ёжик"), TextAnalyzer.Analyze("ЕЖИК"));
        Assert.Equal("10001 x500 ip", TextAnalyzer.Analyze("#10001: x500 (IP)"));
        Assert.Equal("", TextAnalyzer.Analyze("the and или не"));
        Assert.Equal("", TextAnalyzer.Analyze("\"()*:^-+ NOT AND OR"[..11]));
    }

    [Fact]
    public void Operator_words_and_punctuation_are_plain_words_or_nothing()
    {
        Assert.Equal("near", TextAnalyzer.Analyze("NEAR(\"a\" * b)").Split(' ')[0]);
        Assert.Equal(["drop", "tabl", "ticket"], TextAnalyzer.Terms("'; DROP TABLE \"Tickets\"; --"));
        Assert.Empty(TextAnalyzer.Terms("\"\" () * ^ : - + {} [] ~ ' ; -- /* */"));
    }

    [Fact]
    public void Words_longer_than_the_limit_are_dropped()
    {
        Assert.Equal("short", TextAnalyzer.Analyze(new string('x', TextAnalyzer.MaxWordLength + 1) + " short"));
    }

    [Fact]
    public void Snippet_marks_matched_word_forms_and_escapes_everything_else()
    {
        var snippet = TextAnalyzer.Snippet("<b>Принтеры</b> & сканеры: принтер снова не печатает", TextAnalyzer.Terms("принтер"));
        Assert.Equal("&lt;b&gt;<mark>Принтеры</mark>&lt;/b&gt; &amp; сканеры: <mark>принтер</mark> снова не печатает", snippet);
    }

    [Fact]
    public void Snippet_of_a_long_text_is_a_window_around_the_matches()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => "слово" + i)) + " принтер сломался " +
                   string.Join(' ', Enumerable.Range(0, 200).Select(i => "хвост" + i));
        var snippet = TextAnalyzer.Snippet(text, TextAnalyzer.Terms("принтеры"));
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>принтер</mark> сломался", snippet);
        Assert.True(snippet.Length < 400);
    }

    [Theory]
    [InlineData("принтр", "принтер", 1)]
    [InlineData("pirnter", "printer", 1)]
    [InlineData("printre", "printer", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void Damerau_levenshtein_counts_edits_and_transpositions(string a, string b, int expected)
    {
        Assert.Equal(Math.Min(expected, 3), SearchIndex.DamerauLevenshtein(a, b, 2));
    }

    [Fact]
    public void Language_is_told_by_the_alphabet()
    {
        Assert.Equal("ru", TextAnalyzer.DetectLanguage("Принтер не печатает, error 42"));
        Assert.Equal("en", TextAnalyzer.DetectLanguage("Printer is broken"));
        Assert.Equal("", TextAnalyzer.DetectLanguage("12345 !!!"));
    }
}
