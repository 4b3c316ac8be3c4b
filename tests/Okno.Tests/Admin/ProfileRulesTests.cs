using Okno.Admin;
using Okno.Customers;
using Okno.Platform.Text;

namespace Okno.Tests.Admin;

/// <summary>The pure rules behind the profile and customer search: picture types by content, signatures, phone queries.</summary>
public sealed class ProfileRulesTests
{
    public static TheoryData<string, string?> Images => new()
    {
        { "iVBORw0KGgoAAAANSUhEUg==", "image/png" },
        { "/9j/4AAQSkZJRgABAQ==", "image/jpeg" },
        { Convert.ToBase64String("GIF89a\x01\x00"u8.ToArray()), "image/gif" },
        { Convert.ToBase64String("GIF87a\x01\x00"u8.ToArray()), "image/gif" },
        { Convert.ToBase64String("RIFF\x24\x00\x00\x00WEBPVP8 "u8.ToArray()), "image/webp" },
        { Convert.ToBase64String("RIFF\x24\x00\x00\x00WAVEfmt "u8.ToArray()), null },          // a RIFF that is a sound
        { Convert.ToBase64String("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray()), null }, // can run script: never
        { Convert.ToBase64String("<html><script>alert(1)</script>"u8.ToArray()), null },
        { Convert.ToBase64String("\x89PNG"u8.ToArray()), null },                                   // a cut signature
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void A_picture_type_is_told_by_its_first_bytes_only(string base64, string? expected) =>
        Assert.Equal(expected, MyProfile.ImageTypeOf(Convert.FromBase64String(base64)));

    [Fact]
    public void A_signature_goes_under_the_text_after_the_mail_separator_and_is_escaped_in_html()
    {
        var body = new MessageBody("Done.", "<p>Done.</p>");
        var signed = ReplySignatures.With(body, "  Anna <anna@example.com>\r\nSupport & Co  ");
        Assert.Equal("Done.\n\n-- \nAnna <anna@example.com>\nSupport & Co", signed.Text);
        Assert.Equal("<p>Done.</p><p>-- <br>Anna &lt;anna@example.com&gt;<br>Support &amp; Co</p>", signed.Html);
    }

    [Theory]
    [InlineData("+7 (495) 123-45-67", "74951234567")]
    [InlineData("8 800 555-35-35", "88005553535")]
    [InlineData("10304", "10304")]
    public void A_typed_phone_number_is_looked_up_with_and_without_a_plus(string typed, string digits) =>
        Assert.Equal([digits, "+" + digits], SearchContacts.PhoneVariants(typed));

    [Theory]
    [InlineData("1234")]                   // too short for a phone
    [InlineData("Рога и копыта 2")]        // words
    [InlineData("1С Бухгалтерия")]
    [InlineData("+7 495 123 45 67 89 0 1 2")]  // too long
    public void Words_and_short_or_long_numbers_are_not_phone_queries(string typed) => Assert.Null(SearchContacts.PhoneVariants(typed));
}
