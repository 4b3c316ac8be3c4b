using Okno.Channels.Email.Mime;

namespace Okno.Tests.Channels.Email;

/// <summary>What the new text keeps beyond the corpus mails: the rules that keep too much rather than hide what a
/// customer wrote.</summary>
public sealed class QuoteFoldingTests
{
    [Theory]
    // A sentence ending in "wrote:" above an unquoted paste is the customer's text.
    [InlineData("Here is what I wrote:\nthe error text", "Here is what I wrote:\nthe error text")]
    // An answer written between quoted lines stays; the quoted lines go.
    [InlineData("> Which printer?\nThe one in 214.\n> Since when?\nMonday.", "The one in 214.\nMonday.")]
    // The delimiter with its trailing space trimmed by the client still counts; a dash line inside text does not.
    [InlineData("Fixed.\n--\nIvan, IT", "Fixed.")]
    [InlineData("Step one -- done.\nStep two", "Step one -- done.\nStep two")]
    // A mail that is nothing but a quote shows whole rather than empty.
    [InlineData("> only a quote", "> only a quote")]
    // A colon line with a date and an address but nothing quoted below is not an attribution.
    [InlineData("Meeting 01.12.2026, 10:00, with Anna <anna@example.com>:\nagenda below", "Meeting 01.12.2026, 10:00, with Anna <anna@example.com>:\nagenda below")]
    // Outlook's header block in bold (as Gmail renders it in text) behind a rule.
    [InlineData("Done.\n\n________________________________\n*From:* Okno <s@okno.test>\n*Sent:* Friday\n*To:* Ivan\n*Subject:* x\n\nold", "Done.")]
    // German Outlook.
    [InlineData("Danke.\n\n-----Ursprüngliche Nachricht-----\nVon: Okno\nold", "Danke.")]
    public void New_text_folds_only_what_is_certainly_old(string text, string expected)
    {
        Assert.Equal(expected, QuoteFolding.NewText(text));
    }
}
