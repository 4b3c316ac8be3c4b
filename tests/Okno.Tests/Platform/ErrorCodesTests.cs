using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Okno.Admin;
using Okno.Platform.Localization;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Tests.Platform;

/// <summary>Every error code has a text in English and in Russian, and the one translator turns codes — never English
/// messages — into the UI's language.</summary>
public sealed partial class ErrorCodesTests
{
    /// <summary>Every constant of every <c>…ErrorCodes</c> class in Okno: the codes the API can answer with.</summary>
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var code in AllCodes()) data.Add(code);
        return data;
    }

    private static IReadOnlyList<string> AllCodes() =>
        typeof(OknoError).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("ErrorCodes", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    [Fact]
    public void Codes_are_found_in_every_feature_unique_and_well_formed()
    {
        var codes = AllCodes();
        Assert.True(codes.Count >= 50, $"only {codes.Count} codes found");
        Assert.Contains(TicketErrorCodes.Closed, codes);
        Assert.Contains(AdminErrorCodes.LastAdmin, codes);
        Assert.Contains(ErrorCodes.Required, codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$", c));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_an_english_and_a_russian_text_naming_the_same_parameters(string code)
    {
        var english = Resource("ErrorStrings.resx");
        var russian = Resource("ErrorStrings.ru.resx");
        Assert.True(english.TryGetValue(code, out var en), $"{code} has no English text in ErrorStrings.resx");
        Assert.True(russian.TryGetValue(code, out var ru), $"{code} has no Russian text in ErrorStrings.ru.resx");
        Assert.Equal(Placeholders(en!), Placeholders(ru!));
        Assert.Matches("[а-яА-ЯёЁ]", ru!);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_translator_gives_each_code_in_russian_and_english(string code)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["id"] = 42L, ["number"] = 17L, ["max"] = 250, ["min"] = 10, ["limit"] = 10L * 1024 * 1024, ["from"] = "resolved",
            ["to"] = "pending", ["allowed"] = "open, closed", ["field"] = "email", ["email"] = "ivan@example.com", ["name"] = "Support",
            ["contactId"] = 7L, ["channel"] = "telegram", ["externalId"] = "123", ["language"] = "en", ["slug"] = "printer",
            ["format"] = "yyyy-MM-dd", ["value"] = "abc", ["retryAfter"] = 30,
            ["kind"] = "log", ["installed"] = "log, web", ["status"] = "sent", ["documented"] = "api, web, email",
            ["server"] = "IMAP", ["host"] = "mail.example.com", ["port"] = 993, ["folder"] = "INBOX",
            ["line"] = 12, ["year"] = 2027, ["date"] = "2027-01-01", ["count"] = 3, ["usedBy"] = "#1, #2, #3",
        };
        var english = InCulture("en", t => t.Of(code, parameters));
        var russian = InCulture("ru", t => t.Of(code, parameters));

        Assert.DoesNotContain(code, english, StringComparison.Ordinal);
        Assert.DoesNotContain("{", english, StringComparison.Ordinal);
        Assert.DoesNotContain("{", russian, StringComparison.Ordinal);
        Assert.Matches("[а-яА-ЯёЁ]", russian);
        Assert.DoesNotMatch("[а-яА-ЯёЁ]", english);
    }

    [Fact]
    public void Parameters_fill_the_text_and_bytes_show_as_megabytes()
    {
        Assert.Equal("Заявка #1234 закрыта: сообщения и изменения больше не принимаются.",
            InCulture("ru", t => t.Message(new TicketIsClosed(1234))));
        Assert.Equal("Ticket #1234 is closed; it takes no more messages or changes.", InCulture("en", t => t.Message(new TicketIsClosed(1234))));
        Assert.Equal("Файл больше допустимых 10 МБ.", InCulture("ru", t => t.Message(new PayloadTooLarge(10L * 1024 * 1024))));
        Assert.Equal("Этот статус не может следовать за текущим.",
            InCulture("ru", t => t.Message(new IllegalStatusChange(TicketStatus.Closed, TicketStatus.Open))));
    }

    [Fact]
    public void Field_errors_become_messages_per_field_in_the_ui_language()
    {
        var errors = new FieldErrors();
        errors.Text("subject", "", 250);
        errors.Text("name", new string('я', 11), 10);
        errors.Email("email", "two@@example.com");
        errors.Add("groupIds", AdminErrorCodes.GroupNotFound, "There is no group 5.", ("id", 5L));
        var error = Assert.Throws<OknoException>(errors.ThrowIfAny);

        var ru = InCulture("ru", t => t.Action(error, NullLogger.Instance));
        Assert.Equal("Проверьте отмеченные поля.", ru.Message);
        Assert.Equal(ErrorCodes.InvalidInput, ru.Code);
        Assert.Equal("Обязательное поле.", ru.Field("subject"));
        Assert.Equal("Не больше 10 символов.", ru.Field("name"));
        Assert.Equal("Некорректный адрес email.", ru.Field("email"));
        Assert.Equal("Группы 5 больше нет; обновите страницу.", ru.Field("groupIds"));

        var en = InCulture("en", t => t.Action(error, NullLogger.Instance));
        Assert.Equal("Check the highlighted fields.", en.Message);
        Assert.Equal("At most 10 characters.", en.Field("name"));
        Assert.Equal("Required. At most 10 characters. Not a valid email address. Group 5 no longer exists; reload the page.",
            InCulture("en", t => t.Message(error.Error)));
    }

    [Fact]
    public void A_duplicate_is_shown_at_its_field_and_a_bug_as_the_general_message()
    {
        var duplicate = new OknoException(new Duplicate(AdminErrorCodes.AgentEmailTaken, "email", "An agent with the email a@b.c already exists."));
        var ru = InCulture("ru", t => t.Action(duplicate, NullLogger.Instance));
        Assert.Equal("Агент с таким email уже есть.", ru.Message);
        Assert.Equal("Агент с таким email уже есть.", ru.Field("email"));

        var bug = InCulture("en", t => t.Action(new InvalidOperationException("boom"), NullLogger.Instance));
        Assert.StartsWith("Something went wrong", bug.Message);
        Assert.Equal("Действие отклонено (made.up).", InCulture("ru", t => t.Of("made.up")));
    }

    private static T InCulture<T>(string culture, Func<ErrorText, T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read(new ErrorText(new StringLocalizer<ErrorStrings>(new ResourceManagerStringLocalizerFactory(
                Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance))));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string[] Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\w+(:\w+)?\}")]
    private static partial Regex Placeholder();

    private static Dictionary<string, string> Resource(string name) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Okno", "Platform", "Localization", name)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Okno.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Okno.slnx not found above " + AppContext.BaseDirectory);
    }
}
