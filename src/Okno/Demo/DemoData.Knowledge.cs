using Microsoft.EntityFrameworkCore;
using Okno.Admin;
using Okno.Knowledge;
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
        await create.ExecuteAsync(new CreateArticleRequest(passwords.Id, "ru", "Как сбросить пароль",
            "Нажмите **«Забыли пароль?»** на странице входа и следуйте письму. Письмо не пришло — проверьте папку «Спам».", ArticleVisibility.Public, null), author, ct);
        await create.ExecuteAsync(new CreateArticleRequest(passwords.Id, "en", "Setting up two-factor sign-in",
            "Open **Profile → Security**, choose *Authenticator app* and scan the QR code.", ArticleVisibility.Draft, null), author, ct);

        var macros = services.GetRequiredService<SaveMacro>();
        await macros.ExecuteAsync(null, new MacroRequest("Приветствие",
            "Здравствуйте, {{customer.name}}!\n\nСпасибо за обращение №{{ticket.number}} «{{ticket.subject}}». Уже разбираемся.\n\n{{agent.name}}", true), author, ct);
        await macros.ExecuteAsync(null, new MacroRequest("Closing (EN)",
            "Hello {{customer.name}},\n\nWe are closing ticket {{ticket.number}}. Just reply to this email if anything is still wrong.\n\n{{agent.name}}", true), author, ct);
    }
}
