using Okno.Platform.Web;

namespace Okno.Tests.Platform;

public sealed class FieldErrorsTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(FieldErrors errors)
    {
        var e = Assert.Throws<OknoException>(errors.ThrowIfAny);
        return Assert.IsType<InvalidInput>(e.Error).Errors;
    }

    [Theory]
    [InlineData("ivan@example.com")]
    [InlineData("ivan.petrov+desk@mail.example.ru")]
    [InlineData("  ivan@example.com  ")]
    [InlineData("o'brien@example.co.uk")]
    [InlineData("ivan@почта.рф")]
    [InlineData("иван@пример.рф")]
    public void IsEmail_accepts_ordinary_addresses(string value)
    {
        Assert.True(FieldErrors.IsEmail(value));
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("no-at-sign")]
    [InlineData("a@b.")]
    [InlineData("two@@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("@example.com")]
    [InlineData("ivan@")]
    [InlineData("Ivan <ivan@example.com>")]
    [InlineData("ivan@example.com, petr@example.com")]
    [InlineData("")]
    public void IsEmail_rejects_malformed_addresses(string value)
    {
        Assert.False(FieldErrors.IsEmail(value));
    }

    [Fact]
    public void No_errors_means_nothing_to_throw()
    {
        var errors = new FieldErrors();
        errors.Text("name", "Иван", 10);
        errors.Email("email", "ivan@example.com");
        errors.Text("note", null, 10, required: false);

        Assert.False(errors.Any);
        errors.ThrowIfAny();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Text_reports_a_missing_required_value(string? value)
    {
        var errors = new FieldErrors();

        errors.Text("name", value, 10);

        Assert.True(errors.Any);
        Assert.Equal(["This field is required."], ErrorsOf(errors)["name"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Text_accepts_a_missing_optional_value(string? value)
    {
        var errors = new FieldErrors();

        errors.Text("note", value, 10, required: false);

        Assert.False(errors.Any);
    }

    [Fact]
    public void Text_reports_a_value_that_is_too_long()
    {
        var errors = new FieldErrors();

        errors.Text("name", new string('я', 11), 10);
        errors.Text("ok", new string('я', 10), 10);

        var reported = ErrorsOf(errors);
        Assert.Equal(["name"], reported.Keys);
        Assert.Contains("10", Assert.Single(reported["name"]));
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("bell\u0007")]
    [InlineData("esc\u001B[31m")]
    [InlineData("del\u007F")]
    [InlineData("c1\u0085")]
    public void Text_reports_control_characters(string value)
    {
        var errors = new FieldErrors();

        errors.Text("subject", value, 100);

        Assert.Contains("Control characters", Assert.Single(ErrorsOf(errors)["subject"]));
    }

    [Fact]
    public void Text_allows_line_breaks_and_tabs()
    {
        var errors = new FieldErrors();

        errors.Text("body", "строка 1\r\nстрока 2\n\tотступ", 100);

        Assert.False(errors.Any);
    }

    [Fact]
    public void Email_reports_an_invalid_address()
    {
        var errors = new FieldErrors();

        errors.Email("email", "two@@example.com");

        Assert.Equal(["Not a valid email address."], ErrorsOf(errors)["email"]);
    }

    [Fact]
    public void Email_reports_a_missing_address_only_once()
    {
        var errors = new FieldErrors();

        errors.Email("email", " ");

        Assert.Equal(["This field is required."], ErrorsOf(errors)["email"]);
    }

    [Fact]
    public void ThrowIfAny_names_every_bad_field()
    {
        var errors = new FieldErrors();
        errors.Text("name", "", 10);
        errors.Text("subject", new string('x', 300), 250);
        errors.Email("email", "a@b");
        errors.Text("fine", "ok", 10);
        errors.Add("priority", ErrorCodes.NotOneOf, "Unknown priority.", ("allowed", "low, normal"));

        var reported = ErrorsOf(errors);

        Assert.Equal(["email", "name", "priority", "subject"], reported.Keys.Order());
        Assert.Equal(["Unknown priority."], reported["priority"]);
    }

    [Fact]
    public void Several_errors_on_one_field_are_all_kept()
    {
        var errors = new FieldErrors();
        errors.Add("name", ErrorCodes.InvalidValue, "first");
        errors.Add("name", ErrorCodes.TooLong, "second", ("max", 3));

        Assert.Equal(["first", "second"], ErrorsOf(errors)["name"]);
    }
}
