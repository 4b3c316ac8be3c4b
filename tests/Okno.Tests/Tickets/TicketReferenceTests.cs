using Okno.Tickets;

namespace Okno.Tests.Tickets;

/// <summary>The reference a customer is given: random, unguessable, and read back however it was spelled.</summary>
public sealed class TicketReferenceTests
{
    [Fact]
    public void New_references_are_ten_base32_characters_and_do_not_repeat()
    {
        var many = Enumerable.Range(0, 10_000).Select(_ => TicketReference.New()).ToList();
        Assert.All(many, r => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{10}$", r));
        Assert.Equal(many.Count, many.Distinct().Count());
        Assert.Equal("K7QXM-3PAD9", TicketReference.Format("K7QXM3PAD9"));
    }

    [Theory]
    [InlineData("K7QXM-3PAD9", "K7QXM3PAD9")]
    [InlineData("k7qxm3pad9", "K7QXM3PAD9")]
    [InlineData(" k7qxm 3pad9 ", "K7QXM3PAD9")]
    [InlineData("O0ILl-11111", "0011111111")]   // O reads as 0, I and L as 1
    [InlineData("K7QXM-3PAD", null)]            // too short
    [InlineData("K7QXM-3PAD9X", null)]          // too long
    [InlineData("K7QXM-3PAU9", null)]           // U is not in the alphabet
    [InlineData("#10042", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_reads_what_people_type(string? typed, string? stored) => Assert.Equal(stored, TicketReference.Normalize(typed));
}
