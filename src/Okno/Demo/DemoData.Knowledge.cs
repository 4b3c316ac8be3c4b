using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Knowledge;
using Okno.Knowledge.HelpCenter;
using Okno.Platform.Search;
using Okno.Platform.Data;
using Okno.Platform.Security;

namespace Okno.Demo;

public static partial class DemoData
{
    /// <summary>A few Russian and English articles (one with both translations and an edit in its history) and two
    /// shared canned answers, written through the knowledge base's own use cases.</summary>
    private static async Task SeedKnowledgeAsync(IServiceProvider services, long agentId, CancellationToken ct)
    {
        var db = services.GetRequiredService<OknoDb>();
        if (await db.Set<Category>().AnyAsync(ct)) return;
        var author = await db.Agents.Where(a => a.Id == agentId)
            .Select(a => new CurrentAgent(a.Id, a.Email, a.Name, a.Role, new List<long>())).SingleAsync(ct);

        static IReadOnlyList<LocalizedNameInput?> Names(string ru, string en) => [new("ru", ru, null), new("en", en, null)];
        var category = await services.GetRequiredService<CreateCategory>().ExecuteAsync(
            new CategoryRequest(null, null, 1, null, Names("Оборудование и печать", "Hardware and printing")), ct);
        var printers = await services.GetRequiredService<CreateSection>().ExecuteAsync(category.Id,
            new SectionRequest(null, null, 1, null, null, Names("Принтеры", "Printers")), ct);
        var accounts = await services.GetRequiredService<CreateCategory>().ExecuteAsync(
            new CategoryRequest(null, null, 2, null, Names("Учётные записи", "Accounts")), ct);
        // Named in Russian only: the English help center shows this section's Russian name.
        var passwords = await services.GetRequiredService<CreateSection>().ExecuteAsync(accounts.Id,
            new SectionRequest("Пароли и вход", null, 1, null, "ru"), ct);

        var create = services.GetRequiredService<CreateArticle>();
        var save = services.GetRequiredService<SaveArticle>();
        var printer = await create.ExecuteAsync(new CreateArticleRequest(printers.Id, "ru", "Принтер не печатает",
            "Если принтер не печатает:\n\n1. Проверьте, что он включён и в лотке есть бумага.\n2. Откройте очередь печати и удалите зависшие задания.\n",
            ArticleVisibility.Public, null), author, ct);
        await save.ExecuteAsync(printer.Id, new SaveArticleRequest("ru", "Принтер не печатает",
            "Если принтер не печатает:\n\n1. Проверьте, что он включён и в лотке есть бумага.\n2. Откройте очередь печати и удалите зависшие задания.\n" +
            "3. Перезапустите службу «Диспетчер печати».\n\n| Индикатор | Что значит |\n|---|---|\n| Мигает оранжевым | Замятие бумаги |\n| Не горит | Нет питания |\n",
            ArticleVisibility.Public, null, null), author, ct);
        await save.ExecuteAsync(printer.Id, new SaveArticleRequest("en", "Printer does not print",
            "If the printer does not print:\n\n1. Check that it is on and has paper.\n2. Open the print queue and delete stuck jobs.\n3. Restart the Print Spooler service.\n",
            ArticleVisibility.Public, null, null), author, ct);
        await create.ExecuteAsync(new CreateArticleRequest(printers.Id, "ru", "Замена картриджа",
            "- [ ] Выключите принтер\n- [ ] Откройте крышку и извлеките старый картридж\n- [ ] Установите новый до щелчка\n", ArticleVisibility.Internal, null), author, ct);
        var password = await create.ExecuteAsync(new CreateArticleRequest(passwords.Id, "ru", "Как сбросить пароль",
            "Нажмите **«Забыли пароль?»** на странице входа и следуйте письму. Письмо не пришло — проверьте папку «Спам».", ArticleVisibility.Public, null), author, ct);
        await create.ExecuteAsync(new CreateArticleRequest(passwords.Id, "en", "Setting up two-factor sign-in",
            "Open **Profile → Security**, choose *Authenticator app* and scan the QR code.", ArticleVisibility.Draft, null), author, ct);

        await SeedMoreArticlesAsync(services, author, ct);

        var macros = services.GetRequiredService<SaveMacro>();
        await macros.ExecuteAsync(null, new MacroRequest("Приветствие",
            "Здравствуйте, {{customer.name}}!\n\nСпасибо за обращение №{{ticket.number}} «{{ticket.subject}}». Уже разбираемся.\n\n{{agent.name}}", true), author, ct);
        await macros.ExecuteAsync(null, new MacroRequest("Closing (EN)",
            "Hello {{customer.name}},\n\nWe are closing ticket {{ticket.number}}. Just reply to this email if anything is still wrong.\n\n{{agent.name}}", true), author, ct);

        await SeedHelpCenterVisitsAsync(services, printer.Id, password.Id, ct);
    }

    /// <summary>A step of a scripted help-center visit, minutes after the visit began.</summary>
    private abstract record VisitStep(int Minute);
    private sealed record SearchStep(int Minute, string Query) : VisitStep(Minute);
    /// <summary>Opens an article (from the visit's last search); a vote when <paramref name="Helpful"/> is set.</summary>
    private sealed record ReadStep(int Minute, long ArticleId, bool? Helpful = null, string? Comment = null) : VisitStep(Minute);
    private sealed record VisitPlan(int DaysAgo, int Hour, string Language, VisitStep[] Steps);

    /// <summary>Two weeks of help-center visits for the search report: searches that find articles and ones that find
    /// nothing (with a rephrasing), articles read and voted on, and one visit that still writes in through the contact
    /// form. Rows are written directly (a few dozen, no per-request work) except the ticket, which goes through the
    /// contact form's own use case so it is a real web ticket tied to its visit.</summary>
    private static async Task SeedHelpCenterVisitsAsync(IServiceProvider services, long printerId, long passwordId, CancellationToken ct)
    {
        var db = services.GetRequiredService<OknoDb>();
        var search = services.GetRequiredService<SearchArticles>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var random = new Random(Seed + 14);
        string NewVisit() => Convert.ToHexStringLower(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray());
        var translations = await db.Set<ArticleTranslation>().AsNoTracking().Where(t => t.ArticleId == printerId || t.ArticleId == passwordId)
            .Select(t => new { t.Id, t.ArticleId, t.Language }).ToListAsync(ct);
        long TranslationOf(long articleId, string language) =>
            (translations.FirstOrDefault(t => t.ArticleId == articleId && t.Language == language) ?? translations.First(t => t.ArticleId == articleId)).Id;
        var counts = new Dictionary<(string, string), int>();

        VisitPlan[] plans =
        [
            new(1, 10, "ru", [new SearchStep(0, "принтер не печатает"), new ReadStep(1, printerId, true)]),
            new(1, 15, "en", [new SearchStep(0, "printer not printing"), new ReadStep(1, printerId, true)]),
            new(2, 9, "ru", [new SearchStep(0, "Принтер не печатает"), new ReadStep(2, printerId)]),
            new(2, 12, "en", [new SearchStep(0, "vpn setup")]),
            new(3, 11, "ru", [new SearchStep(0, "факс не отправляется"), new SearchStep(2, "факс")]),
            new(4, 14, "ru", [new SearchStep(0, "факс не отправляется")]),
            new(5, 16, "ru", [new SearchStep(0, "Факс не отправляется")]),
            new(6, 10, "en", [new SearchStep(0, "reset password")]),
            new(7, 13, "ru", [new SearchStep(0, "сбросить пароль"), new ReadStep(1, passwordId, true)]),
            new(8, 9, "ru", [new SearchStep(0, "как сбросить пароль"), new ReadStep(1, passwordId, false, "Письмо так и не пришло")]),
            new(10, 17, "ru", [new SearchStep(0, "принтеры"), new ReadStep(1, printerId, false, "Индикатор мигает, а в таблице такого нет")]),
            new(12, 11, "ru", [new SearchStep(0, "замятие бумаги")]),
        ];
        foreach (var plan in plans)
        {
            var visit = NewVisit();
            var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-plan.DaysAgo).AddHours(plan.Hour);
            HelpSearch? last = null;
            foreach (var step in plan.Steps)
            {
                var at = start.AddMinutes(step.Minute);
                if (step is SearchStep s)
                {
                    if (!counts.TryGetValue((s.Query, plan.Language), out var found))
                        counts[(s.Query, plan.Language)] = found = (await search.ExecuteAsync(s.Query, plan.Language, 20, publicOnly: true, ct)).Count;
                    last = new HelpSearch
                    {
                        VisitId = visit, Query = s.Query, NormalizedQuery = string.Join(' ', SearchIndex.Analyze(s.Query)), Language = plan.Language,
                        ResultCount = found, At = at,
                    };
                    db.Add(last);
                    await db.SaveChangesAsync(ct);
                }
                else if (step is ReadStep r)
                {
                    var translationId = TranslationOf(r.ArticleId, plan.Language);
                    db.Add(new HelpVisitEvent { VisitId = visit, Kind = HelpVisitEventKind.ArticleOpened, ArticleId = r.ArticleId, TranslationId = translationId, SearchId = last?.Id, At = at });
                    if (r.Helpful is { } helpful)
                    {
                        db.Add(new ArticleFeedback { ArticleId = r.ArticleId, TranslationId = translationId, Helpful = helpful, Comment = r.Comment, VisitId = visit, At = at.AddMinutes(1) });
                        db.Add(new HelpVisitEvent { VisitId = visit, Kind = HelpVisitEventKind.FeedbackGiven, ArticleId = r.ArticleId, TranslationId = translationId, At = at.AddMinutes(1) });
                    }
                }
            }
        }
        await db.SaveChangesAsync(ct);

        // Today: a visitor searches, reads, says it did not help, and writes in; the ticket shows what they did first.
        var writer = NewVisit();
        var began = now.AddMinutes(-25);
        var searched = new HelpSearch
        {
            VisitId = writer, Query = "принтер не печатает", NormalizedQuery = string.Join(' ', SearchIndex.Analyze("принтер не печатает")), Language = "ru",
            ResultCount = counts[("принтер не печатает", "ru")], At = began,
        };
        db.Add(searched);
        await db.SaveChangesAsync(ct);
        var printerRu = TranslationOf(printerId, "ru");
        db.Add(new HelpVisitEvent { VisitId = writer, Kind = HelpVisitEventKind.ArticleOpened, ArticleId = printerId, TranslationId = printerRu, SearchId = searched.Id, At = began.AddMinutes(1) });
        db.Add(new ArticleFeedback { ArticleId = printerId, TranslationId = printerRu, Helpful = false, Comment = "Очередь пустая, всё равно не печатает", VisitId = writer, At = began.AddMinutes(4) });
        db.Add(new HelpVisitEvent { VisitId = writer, Kind = HelpVisitEventKind.FeedbackGiven, ArticleId = printerId, TranslationId = printerRu, At = began.AddMinutes(4) });
        db.Add(new HelpSearch
        {
            VisitId = writer, Query = "принтер мигает оранжевым", NormalizedQuery = string.Join(' ', SearchIndex.Analyze("принтер мигает оранжевым")), Language = "ru",
            ResultCount = (await search.ExecuteAsync("принтер мигает оранжевым", "ru", 20, publicOnly: true, ct)).Count, At = began.AddMinutes(6),
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await services.GetRequiredService<OpenHelpRequest>().ExecuteAsync(new HelpContactInput
        {
            Email = "irina.demo@example.com", Name = "Ирина", Subject = "Принтер не печатает",
            Message = "Очередь печати пустая, бумага есть, индикатор мигает оранжевым. Статью прочитала, не помогло.",
        }, writer, ct);
    }
}
