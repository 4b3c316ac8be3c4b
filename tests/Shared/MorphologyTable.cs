namespace Okno.Testing;

/// <summary>Query word forms and texts holding another form of the same word: the analyzer unit tests and the index
/// tests on both databases run the same table.</summary>
public static class MorphologyTable
{
    public static readonly (string Query, string Text)[] Pairs =
    [
        ("принтеры", "принтер не печатает"),
        ("печатать", "принтер не печатает"),
        ("printers", "printer is broken"),
        ("мониторы", "монитор мигает"),
        ("ошибки", "ошибка при входе в систему"),
        ("паролем", "забыл пароль от почты"),
        ("письма", "письмо не дошло"),
        ("серверов", "сервер недоступен с утра"),
        ("заявки", "заявка создана вчера"),
        ("клиентам", "клиент жалуется на задержку"),
        ("ноутбуки", "ноутбук сильно греется"),
        ("оплатой", "оплата не прошла"),
        ("телефоны", "телефон не звонит"),
        ("счета", "счёт не пришёл"),
        ("ёлки", "ёлка упала на офис"),
        ("работать", "ничего не работает"),
        ("отправил", "не могу отправить документ"),
        ("emails", "email bounced back"),
        ("connecting", "connection drops every hour"),
        ("invoices", "invoice is missing"),
        ("crashed", "the app crashes on start"),
        ("running", "backup runs too long"),
        ("passwords", "password reset link expired"),
        ("updates", "update failed again"),
        ("batteries", "battery drains fast"),
        ("users", "user locked out"),
        ("payments", "payment declined by bank"),
        ("Servers", "SERVER down"),
    ];

    /// <summary>Queries that a full-text engine would read as syntax: each must give a list (maybe empty), never an error.</summary>
    public static readonly string[] HostileQueries =
    [
        "\"", "\"\"", "\"принтер", "принтер\"", "(", ")", "((принтер", "принтер)", "*", "принт*", "*принтер", "NEAR", "NEAR(принтер печатает)",
        "принтер NEAR/2 печатает", "AND", "OR", "NOT", "принтер AND", "OR принтер", "NOT принтер", "принтер -печатает", "-", "+", "^", ":",
        "Title:принтер", "{Title Body}:x", "'; DROP TABLE \"Tickets\"; --", "1' OR '1'='1", "%", "_", "\\", "\\'", "&", "|", "!", "<->",
        "принтер & | !", "'", "''", "a'b", "null", "\0", "\u200b", "🙂", "…", "   ", "принтер\nпечатает", new string('я', 5000),
        string.Join(' ', Enumerable.Repeat("принтер", 400)), string.Join(' ', Enumerable.Range(0, 300).Select(i => "слово" + i)),
    ];
}
