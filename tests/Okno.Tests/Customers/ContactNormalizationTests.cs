using Okno.Customers;

namespace Okno.Tests.Customers;

public sealed class ContactNormalizationTests
{
    [Theory]
    [InlineData("+7 (495) 123-45-67", "+74951234567")]
    [InlineData("+74951234567", "+74951234567")]
    [InlineData("8 800 555 35 35", "88005553535")]
    [InlineData("  +1.212.555.0100 ", "+12125550100")]
    [InlineData("8-(800)-555-35-35 доб. 12", "8800555353512")]
    [InlineData("7+495", "7495")]
    public void Phone_is_reduced_to_digits_with_an_optional_leading_plus(string input, string expected)
    {
        Assert.Equal(expected, ContactPhone.Normalize(input));
    }

    [Fact]
    public void Phone_spellings_of_one_number_are_equal()
    {
        Assert.Equal(ContactPhone.Normalize("+7 (495) 123-45-67"), ContactPhone.Normalize("+7-495-123 45 67"));
        Assert.NotEqual(ContactPhone.Normalize("+7 495 123 45 67"), ContactPhone.Normalize("7 495 123 45 67"));
    }

    [Fact]
    public void Phone_ignores_non_ascii_digits()
    {
        // Arabic-Indic digits are digits to char.IsDigit but not to the phone number.
        Assert.Equal("+7", ContactPhone.Normalize("+7 \u0661\u0662\u0663"));
    }

    [Theory]
    [InlineData("  Ivan.Petrov@Example.COM ", "ivan.petrov@example.com")]
    [InlineData("ivan@example.com", "ivan@example.com")]
    [InlineData("ИВАН@ПОЧТА.РФ", "иван@почта.рф")]
    [InlineData("\tMixed.Case+Tag@Mail.Ru\n", "mixed.case+tag@mail.ru")]
    public void Email_is_trimmed_and_lower_cased(string input, string expected)
    {
        Assert.Equal(expected, ContactEmail.Normalize(input));
    }

    [Fact]
    public void Email_normalization_is_culture_invariant()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal("ivan@mail.ru", ContactEmail.Normalize("IVAN@MAIL.RU"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
