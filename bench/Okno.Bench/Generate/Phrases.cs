namespace Okno.Bench.Generate;

/// <summary>Text pools for names, subjects and conversations, in Russian and English. "{0}" in a template is the
/// thing the ticket is about, so the subject and the messages of one ticket talk about the same thing.</summary>
public static class Phrases
{
    public sealed record Language(
        string[] MaleFirst, string[] FemaleFirst, string[] Last, Func<string, bool, string> Surname,
        string[] Things, string[] Subjects, string[] Openings, string[] Problems, string[] Details, string[] Closings,
        string[] AgentGreetings, string[] AgentReplies, string[] AgentQuestions, string[] AgentSignatures,
        string[] CustomerAnswers, string[] FollowUps, string[] Notes);

    public static readonly Language Russian = new(
        MaleFirst: ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл", "Михаил",
            "Никита", "Матвей", "Роман", "Егор", "Иван", "Павел", "Олег", "Владимир", "Константин", "Тимур"],
        FemaleFirst: ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Екатерина", "Светлана", "Юлия",
            "Анастасия", "Дарья", "Ксения", "Полина", "Виктория", "Алина", "Вера", "Людмила", "Марина", "Софья"],
        Last: ["Смирнов", "Иванов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов", "Новиков", "Морозов", "Петров",
            "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов", "Воробьёв",
            "Фёдоров", "Михайлов", "Беляев", "Тарасов", "Белов", "Комаров", "Орлов", "Киселёв", "Макаров", "Андреев"],
        Surname: (last, female) => female ? last + "а" : last,
        Things: ["принтер", "VPN", "почта", "1С", "ноутбук", "счёт", "доступ к CRM", "личный кабинет", "мобильное приложение",
            "оплата картой", "выгрузка отчёта", "интеграция с банком", "пароль", "телефония", "сканер", "монитор",
            "рабочая станция", "электронная подпись", "импорт контактов", "уведомления", "корпоративный чат", "сайт",
            "резервная копия", "лицензия", "Wi-Fi в офисе", "синхронизация календаря", "доставка заказа", "возврат средств",
            "тариф", "акт сверки"],
        Subjects: ["Не работает {0}", "Проблема: {0}", "{0} — ошибка при запуске", "Срочно: {0} недоступен", "Вопрос про {0}",
            "Как настроить {0}?", "{0} работает очень медленно", "После обновления сломался {0}", "Нужна помощь: {0}",
            "{0}: не приходят данные", "Запрос на доступ: {0}", "Снова проблема с {0}", "{0} выдаёт ошибку 500",
            "Не получается оплатить: {0}", "Предложение по {0}"],
        Openings: ["Здравствуйте!", "Добрый день.", "Доброе утро!", "Добрый вечер.", "Здравствуйте, коллеги.", "Привет!"],
        Problems: ["У нас перестал работать {0}, сотрудники не могут продолжать работу.",
            "Со вчерашнего дня {0} выдаёт ошибку, хотя мы ничего не меняли.",
            "Подскажите, пожалуйста, как правильно настроить {0} для нового сотрудника.",
            "После обновления {0} работает очень медленно, страницы открываются по минуте.",
            "Не можем найти, где в настройках меняется {0}. В документации ничего нет.",
            "Уже третий раз за неделю ломается {0}. Когда это исправят?",
            "Нужно подключить {0} для отдела продаж, пять человек.",
            "При попытке открыть {0} появляется сообщение «Доступ запрещён»."],
        Details: ["Перезагрузка не помогает.", "Скриншот ошибки прикладываю ниже.", "Проблема у всех в офисе на Ленинском.",
            "Раньше всё работало нормально.", "Пробовали с другого компьютера — то же самое.", "Это очень срочно, горят сроки.",
            "Номер договора можно посмотреть в личном кабинете.", "Ошибка появляется примерно раз в час.",
            "Браузер Chrome последней версии, Windows 11.", "Если нужно, могу созвониться в любое время."],
        Closings: ["Спасибо!", "С уважением,", "Заранее спасибо.", "Жду ответа.", "Хорошего дня!"],
        AgentGreetings: ["Здравствуйте!", "Добрый день!", "Спасибо за обращение."],
        AgentReplies: ["Мы проверили {0}: проблема на нашей стороне, исправление уже выкатываем.",
            "Попробуйте, пожалуйста, выйти из системы и войти снова — {0} должен заработать.",
            "Передали вопрос про {0} специалистам второй линии, вернёмся с ответом до конца дня.",
            "Настройки для {0} отправили вам отдельным письмом.",
            "Мы восстановили {0}. Проверьте, пожалуйста, у себя.",
            "Это известная ошибка, {0} починим в ближайшем обновлении.",
            "Доступ к {0} выдан, он начнёт действовать в течение 15 минут."],
        AgentQuestions: ["Уточните, пожалуйста, с какого времени наблюдается проблема?", "Пришлите, пожалуйста, скриншот ошибки.",
            "Подскажите номер договора или ИНН организации.", "Проблема сохраняется сейчас?", ""],
        AgentSignatures: ["Служба поддержки", "Команда поддержки", "Поддержка клиентов"],
        CustomerAnswers: ["Спасибо, теперь всё работает!", "К сожалению, не помогло, ошибка та же.", "Скриншот прикладываю.",
            "Проблема началась вчера около 15:00.", "Номер договора 4815-162342.", "Да, проблема всё ещё есть.",
            "Отлично, спасибо за быструю помощь.", "Проверили — работает, можно закрывать."],
        FollowUps: ["Есть новости по моему вопросу?", "Добавлю: ошибка повторилась сегодня утром.",
            "Напоминаю о своей заявке, вопрос срочный.", "Ещё одна деталь: у коллег то же самое."],
        Notes: ["Похоже на проблему после последнего релиза, проверить логи.", "Клиент VIP, отвечать в приоритете.",
            "Передал во вторую линию.", "Созвонился с клиентом, всё объяснил.", "Дубликат заявки, связать с предыдущей.",
            "Нужна помощь разработчиков, заведена задача."]);

    public static readonly Language English = new(
        MaleFirst: ["James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Daniel",
            "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kevin", "Brian", "George"],
        FemaleFirst: ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
            "Nancy", "Lisa", "Betty", "Margaret", "Sandra", "Ashley", "Emily", "Donna", "Michelle", "Olivia"],
        Last: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White",
            "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott"],
        Surname: (last, _) => last,
        Things: ["printer", "VPN", "mailbox", "invoice", "laptop", "CRM access", "customer portal", "mobile app", "card payment",
            "report export", "bank integration", "password reset", "phone system", "scanner", "monitor", "workstation",
            "e-signature", "contact import", "notifications", "team chat", "website", "backup", "license", "office Wi-Fi",
            "calendar sync", "order delivery", "refund", "subscription plan", "API key", "single sign-on"],
        Subjects: ["{0} is not working", "Problem with {0}", "{0}: error on start", "Urgent: {0} is down", "Question about {0}",
            "How do I set up {0}?", "{0} is very slow", "{0} broke after the update", "Need help with {0}",
            "{0}: data is not coming through", "Access request: {0}", "{0} again", "{0} returns error 500",
            "Cannot pay: {0}", "Suggestion for {0}"],
        Openings: ["Hello,", "Hi there,", "Good morning,", "Good afternoon,", "Dear support,", "Hi team,"],
        Problems: ["Our {0} stopped working and the team cannot continue.",
            "Since yesterday the {0} shows an error, and we did not change anything.",
            "Could you please tell me how to set up the {0} for a new colleague?",
            "After the update the {0} is very slow, pages take a minute to open.",
            "We cannot find where the {0} is configured. The documentation says nothing.",
            "This is the third time this week the {0} breaks. When will it be fixed?",
            "We need the {0} for the sales team, five people.",
            "When I open the {0} I get an \"Access denied\" message."],
        Details: ["Restarting does not help.", "I attached a screenshot of the error below.", "Everyone in the Main Street office has it.",
            "It used to work fine.", "We tried another computer, same result.", "This is really urgent, we have a deadline.",
            "Our contract number is in the customer portal.", "The error shows up about once an hour.",
            "Latest Chrome on Windows 11.", "Happy to jump on a call any time."],
        Closings: ["Thanks!", "Best regards,", "Thank you in advance.", "Looking forward to your reply.", "Have a nice day!"],
        AgentGreetings: ["Hello!", "Hi!", "Thank you for reaching out."],
        AgentReplies: ["We checked the {0}: the problem was on our side and a fix is rolling out now.",
            "Please sign out and sign in again, the {0} should work then.",
            "I passed your question about the {0} to our second line, we will get back to you today.",
            "We sent you the settings for the {0} in a separate email.",
            "We restored the {0}. Could you check on your side, please?",
            "This is a known issue; the {0} will be fixed in the next release.",
            "Access to the {0} is granted and becomes active within 15 minutes."],
        AgentQuestions: ["Since when do you see the problem?", "Could you send us a screenshot of the error?",
            "What is your contract or account number?", "Is the problem still there now?", ""],
        AgentSignatures: ["Support team", "Customer care", "Help desk"],
        CustomerAnswers: ["Thanks, it works now!", "Unfortunately that did not help, same error.", "Screenshot attached.",
            "It started yesterday around 3 pm.", "Our contract number is 4815-162342.", "Yes, the problem is still there.",
            "Great, thank you for the quick help.", "Checked, it works, you can close this."],
        FollowUps: ["Any news on my request?", "One more thing: the error came back this morning.",
            "A reminder about my ticket, it is urgent.", "Another detail: my colleagues see the same."],
        Notes: ["Looks like a regression from the last release, check the logs.", "VIP customer, answer first.",
            "Escalated to the second line.", "Called the customer and explained everything.", "Duplicate, link to the earlier ticket.",
            "Needs developers, created a task."]);

    public static readonly string[] RussianCompanyRoots = ["Север", "Восток", "Техно", "Строй", "Агро", "Энерго", "Мед", "Транс",
        "Инвест", "Софт", "Пром", "Урал", "Волга", "Сибирь", "Балт", "Фарм", "Лес", "Нефте", "Авто", "Торг"];

    public static readonly string[] RussianCompanySuffixes = ["сервис", "снаб", "лаб", "ком", "торг", "холдинг", "систем", "группа",
        "маркет", "логистик"];

    public static readonly string[] EnglishCompanyRoots = ["North", "Blue", "Bright", "Silver", "Green", "Rapid", "Summit", "Pioneer",
        "Harbor", "Atlas", "Vertex", "Maple", "Cedar", "Falcon", "Orbit", "Beacon", "Crystal", "Iron", "Golden", "River"];

    public static readonly string[] EnglishCompanySuffixes = ["Logistics", "Systems", "Labs", "Retail", "Health", "Foods", "Energy",
        "Partners", "Media", "Software"];

    public static readonly string[] GroupAreas = ["Общие вопросы", "Оплата и счета", "Доступы", "Сеть и VPN", "Почта", "1С", "Оборудование",
        "Мобильное приложение", "Интеграции", "Billing", "Onboarding", "Security", "Hardware", "Enterprise", "VIP", "Partners",
        "Returns", "Delivery"];

    public static readonly string[] Tags = ["vip", "срочно", "оплата", "возврат", "доступ", "vpn", "почта", "принтер", "1с", "crm",
        "billing", "refund", "onboarding", "bug", "feature", "security", "hardware", "network", "mobile", "api", "integration",
        "invoice", "password", "sso", "migration", "outage", "sla", "escalated", "duplicate", "spam", "feedback", "training",
        "license", "backup", "report", "export", "import", "telegram", "chat", "phone"];
}
