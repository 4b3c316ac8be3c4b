using System.Globalization;
using Okno.Bench.Generate;

namespace Okno.Bench.Search;

/// <summary>Deterministic knowledge-base articles in Russian and English, about the same things the generated tickets
/// talk about (so article and ticket words overlap as on a real desk): a title from a template, the thing and an
/// audience, and a Markdown body with a heading, a problem, details, numbered steps and an error code shared by about
/// twenty articles.</summary>
public static class ArticleText
{
    private static readonly string[] RussianTitles = ["Как настроить {0}", "Не работает {0}: что проверить", "{0}: частые вопросы",
        "Ошибка при работе с {0}", "Как получить доступ: {0}", "{0} работает медленно", "Что нового: {0}",
        "Инструкция для новых сотрудников: {0}", "Как восстановить {0}", "Ограничения и тарифы: {0}"];
    private static readonly string[] EnglishTitles = ["How to set up the {0}", "The {0} is not working: what to check", "{0}: frequently asked questions",
        "Errors with the {0}", "How to get access: {0}", "The {0} is slow", "What is new: {0}", "Guide for new employees: {0}",
        "How to restore the {0}", "Limits and plans: {0}"];
    private static readonly string[] RussianAudiences = ["Windows", "macOS", "Linux", "Android", "iOS", "веб-версия", "бухгалтерия",
        "склад", "отдел продаж", "удалённые сотрудники", "филиалы", "руководители"];
    private static readonly string[] EnglishAudiences = ["Windows", "macOS", "Linux", "Android", "iOS", "web version", "accounting",
        "warehouse", "sales team", "remote staff", "branch offices", "managers"];
    private static readonly string[] RussianSections = ["Начало работы", "Оборудование", "Сеть и VPN", "Почта", "Оплата и счета",
        "Доступы", "Мобильное приложение", "Интеграции", "Отчёты", "Безопасность"];

    public static string SectionName(int n) => RussianSections[n % RussianSections.Length];

    public static (string Title, string Body) Make(int i, bool russian)
    {
        var p = russian ? Phrases.Russian : Phrases.English;
        var thing = p.Things[i % p.Things.Length];
        var titles = russian ? RussianTitles : EnglishTitles;
        var audiences = russian ? RussianAudiences : EnglishAudiences;
        var title = Capitalize(string.Format(CultureInfo.InvariantCulture, titles[i / p.Things.Length % titles.Length], thing)) +
            " — " + audiences[i / 7 % audiences.Length];
        string Pick(string[] pool, int salt) => string.Format(CultureInfo.InvariantCulture, pool[(i * 31 + salt * 17) % pool.Length], thing);
        var code = "E" + (i * 7 % 500).ToString("000", CultureInfo.InvariantCulture);
        var body = russian
            ? $"""
              ## Описание

              {Pick(p.Problems, 1)}

              {Pick(p.Details, 2)} {Pick(p.Details, 3)}

              ## Что сделать

              1. {Pick(p.AgentReplies, 4)}
              2. {Pick(p.AgentReplies, 5)}
              3. Если ошибка повторяется, напишите в поддержку и укажите код ошибки **{code}**.

              > {Pick(p.AgentQuestions, 6)}
              """
            : $"""
              ## Overview

              {Pick(p.Problems, 1)}

              {Pick(p.Details, 2)} {Pick(p.Details, 3)}

              ## What to do

              1. {Pick(p.AgentReplies, 4)}
              2. {Pick(p.AgentReplies, 5)}
              3. If the error comes back, write to support and mention the error code **{code}**.

              > {Pick(p.AgentQuestions, 6)}
              """;
        return (title, body);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
