using Okno.Knowledge;
using Okno.Platform.Security;

namespace Okno.Demo;

public static partial class DemoData
{
    /// <summary>A demo article in both languages; <see cref="Slug"/> is the same in both (bench/answerbot/questions.tsv names
    /// articles by it).</summary>
    private sealed record DemoArticle(string Section, string Slug, string RuTitle, string RuBody, string EnTitle, string EnBody);

    /// <summary>The common questions of a desk that runs both a company's IT and its customers' orders: enough public
    /// articles in Russian and English for the answer bot to have something to find (and to be measured against).</summary>
    internal static async Task SeedMoreArticlesAsync(IServiceProvider services, CurrentAgent author, CancellationToken ct)
    {
        static IReadOnlyList<LocalizedNameInput?> Names(string ru, string en) => [new("ru", ru, null), new("en", en, null)];
        var categories = services.GetRequiredService<CreateCategory>();
        var sections = services.GetRequiredService<CreateSection>();
        var work = await categories.ExecuteAsync(new CategoryRequest(null, null, 3, null, Names("Рабочее место", "Workplace")), ct);
        var orders = await categories.ExecuteAsync(new CategoryRequest(null, null, 4, null, Names("Заказы и оплата", "Orders and billing")), ct);
        var sectionIds = new Dictionary<string, long>
        {
            ["network"] = (await sections.ExecuteAsync(work.Id, new SectionRequest(null, null, 1, null, null, Names("Сеть и почта", "Network and email")), ct)).Id,
            ["computer"] = (await sections.ExecuteAsync(work.Id, new SectionRequest(null, null, 2, null, null, Names("Компьютер и программы", "Computer and software")), ct)).Id,
            ["account"] = (await sections.ExecuteAsync(work.Id, new SectionRequest(null, null, 3, null, null, Names("Учётная запись", "Your account")), ct)).Id,
            ["orders"] = (await sections.ExecuteAsync(orders.Id, new SectionRequest(null, null, 1, null, null, Names("Заказы и доставка", "Orders and delivery")), ct)).Id,
            ["billing"] = (await sections.ExecuteAsync(orders.Id, new SectionRequest(null, null, 2, null, null, Names("Оплата и документы", "Payments and documents")), ct)).Id,
        };
        var create = services.GetRequiredService<CreateArticle>();
        var save = services.GetRequiredService<SaveArticle>();
        foreach (var a in MoreArticles)
        {
            var created = await create.ExecuteAsync(new CreateArticleRequest(sectionIds[a.Section], "ru", a.RuTitle, a.RuBody, ArticleVisibility.Public, a.Slug), author, ct);
            await save.ExecuteAsync(created.Id, new SaveArticleRequest("en", a.EnTitle, a.EnBody, ArticleVisibility.Public, a.Slug, null), author, ct);
        }
    }

    private static readonly DemoArticle[] MoreArticles =
    [
        new("network", "vpn",
            "Подключение к VPN из дома",
            "Чтобы работать из дома с внутренними системами, нужен VPN.\n\n1. Установите клиент **Cisco AnyConnect** из «Центра программ».\n" +
            "2. Адрес сервера: `vpn.example.ru`.\n3. Войдите с рабочим логином и паролем и подтвердите вход в приложении-аутентификаторе.\n\n" +
            "Если VPN не подключается или постоянно отключается: проверьте, что интернет дома работает, перезагрузите компьютер и " +
            "попробуйте другую сеть (например, раздайте интернет с телефона). Ошибка «Login failed» значит неверный пароль или заблокированную учётную запись.",
            "Connecting to the VPN from home",
            "To reach internal systems from home you need the VPN.\n\n1. Install the **Cisco AnyConnect** client from the Software Center.\n" +
            "2. Server address: `vpn.example.ru`.\n3. Sign in with your work login and password and approve the sign-in in the authenticator app.\n\n" +
            "If the VPN will not connect or keeps disconnecting: check that your home internet works, restart the computer and try " +
            "another network (for example, a hotspot from your phone). The error \"Login failed\" means a wrong password or a locked account."),
        new("network", "mail-on-phone",
            "Настройка рабочей почты на телефоне",
            "Рабочую почту можно читать на смартфоне (Android или iPhone).\n\n1. Установите приложение **Outlook**.\n" +
            "2. Добавьте учётную запись: введите рабочий адрес электронной почты и пароль.\n3. Разрешите приложению управлять устройством, если оно попросит.\n\n" +
            "Встроенное приложение «Почта» тоже подойдёт: тип учётной записи Exchange, сервер `mail.example.ru`. Письма не синхронизируются — удалите учётную запись из приложения и добавьте заново.",
            "Setting up work email on your phone",
            "You can read work email on a smartphone (Android or iPhone).\n\n1. Install the **Outlook** app.\n" +
            "2. Add an account: enter your work email address and password.\n3. Allow the app to manage the device if it asks.\n\n" +
            "The built-in Mail app works too: account type Exchange, server `mail.example.ru`. If mail does not sync, remove the account from the app and add it again."),
        new("network", "mailbox-full",
            "Почтовый ящик переполнен",
            "Размер рабочего почтового ящика — 10 ГБ. Когда он заполнен, новые письма не приходят и не отправляются, а отправителям приходит отказ.\n\n" +
            "Что сделать:\n\n- очистите папку «Удалённые» и «Отправленные»;\n- удалите старые письма с большими вложениями (сортировка по размеру);\n" +
            "- включите архивирование в Outlook.\n\nЕсли места нужно больше по работе, попросите увеличить квоту ящика через заявку.",
            "Mailbox is full",
            "A work mailbox holds 10 GB. When it is full, new mail neither arrives nor goes out, and senders get a bounce.\n\n" +
            "What to do:\n\n- empty the Deleted Items and Sent Items folders;\n- delete old messages with large attachments (sort by size);\n" +
            "- turn on archiving in Outlook.\n\nIf your work needs more space, ask for a larger mailbox quota in a request."),
        new("network", "office-wifi",
            "Подключение к Wi‑Fi в офисе",
            "В офисе две сети:\n\n- **Office** — для рабочих ноутбуков, вход по рабочему логину и паролю;\n- **Guest** — для гостей и личных телефонов, пароль висит на ресепшене и меняется каждый понедельник.\n\n" +
            "Ноутбук не видит сеть или пишет «Нет подключения к интернету»: выключите и включите беспроводную сеть, забудьте сеть и подключитесь заново. " +
            "Личные устройства в сеть Office не пускаются.",
            "Connecting to the office Wi-Fi",
            "The office has two wireless networks:\n\n- **Office** — for work laptops, sign in with your work login and password;\n- **Guest** — for visitors and personal phones; the password is at the reception desk and changes every Monday.\n\n" +
            "If the laptop does not see the network or says \"No internet\", switch wireless off and on, forget the network and connect again. " +
            "Personal devices are not allowed on the Office network."),
        new("account", "account-locked",
            "Учётная запись заблокирована",
            "После пяти неверных попыток ввода пароля учётная запись блокируется на 30 минут. Подождите полчаса и войдите снова.\n\n" +
            "Частая причина — старый пароль, сохранённый на телефоне в почте или в подключении к Wi‑Fi: после смены пароля обновите его на всех устройствах, " +
            "иначе они снова заблокируют вход. Если ждать нельзя, позвоните на линию поддержки — мы разблокируем сразу.",
            "Account locked out",
            "After five wrong password attempts your account is locked for 30 minutes. Wait half an hour and sign in again.\n\n" +
            "A common cause is an old password saved on your phone in the mail app or in the Wi-Fi connection: after changing the password update it on every device, " +
            "or they will lock you out again. If you cannot wait, call the support line and we will unlock it at once."),
        new("account", "two-factor",
            "Двухфакторная аутентификация: новый или потерянный телефон",
            "Вход в рабочие системы подтверждается в приложении-аутентификаторе (код или уведомление).\n\n" +
            "**Новый телефон.** Пока старый под рукой, откройте «Профиль → Безопасность», нажмите «Добавить устройство» и отсканируйте QR-код новым телефоном.\n\n" +
            "**Телефон потерян или сброшен.** Войти сами вы не сможете: напишите в поддержку со служебного адреса или позвоните, мы сбросим второй фактор после проверки личности. " +
            "Код не подходит — проверьте, что время на телефоне выставляется автоматически.",
            "Two-factor authentication: a new or lost phone",
            "Signing in to work systems is confirmed in the authenticator app (a code or a push notification).\n\n" +
            "**New phone.** While you still have the old one, open Profile → Security, click Add device and scan the QR code with the new phone.\n\n" +
            "**Phone lost or reset.** You cannot sign in on your own: write to support from your work address or call, and we will reset the second factor after checking who you are. " +
            "If the code is rejected, check that the phone sets its time automatically."),
        new("account", "change-email",
            "Как сменить email в профиле",
            "Адрес электронной почты, на который приходят уведомления и чеки, меняется в личном кабинете: «Профиль → Контакты → Изменить».\n\n" +
            "На новый адрес придёт письмо со ссылкой — подтвердите его в течение суток. Пока адрес не подтверждён, письма идут на старый. " +
            "Если доступа к старой почте больше нет, напишите нам с нового адреса и приложите номер договора.",
            "Changing the email address of your account",
            "The email address that receives notifications and receipts is changed in your account: Profile → Contacts → Edit.\n\n" +
            "We send a link to the new address — confirm it within a day. Until then mail keeps going to the old address. " +
            "If you no longer have access to the old mailbox, write to us from the new address and include your contract number."),
        new("account", "delete-account",
            "Удаление аккаунта и персональных данных",
            "Удалить аккаунт можно в личном кабинете: «Профиль → Удалить аккаунт». Перед этим завершите или отмените активные заказы.\n\n" +
            "Персональные данные удаляются в течение 30 дней; документы об оплате мы храним столько, сколько требует закон. " +
            "Отписаться только от рассылки можно по ссылке в конце любого письма — аккаунт удалять не нужно.",
            "Deleting your account and personal data",
            "You can delete your account in your profile: Profile → Delete account. Finish or cancel active orders first.\n\n" +
            "Personal data is erased within 30 days; payment records are kept as long as the law requires. " +
            "To stop only the newsletters, use the unsubscribe link at the end of any email — no need to delete the account."),
        new("computer", "slow-computer",
            "Компьютер тормозит",
            "Если компьютер долго загружается, зависает или программы открываются медленно:\n\n1. Перезагрузите его — не выключайте крышкой, а через «Пуск → Перезагрузка».\n" +
            "2. Закройте лишние вкладки браузера и программы.\n3. Проверьте свободное место на диске C: — нужно хотя бы 10 ГБ.\n" +
            "4. Дождитесь окончания обновлений Windows.\n\nЕсли медленно всё равно, откройте «Диспетчер задач» и пришлите нам снимок вкладки «Процессы».",
            "Computer is slow",
            "If the computer takes ages to start, freezes or programs open slowly:\n\n1. Restart it — not by closing the lid but from Start → Restart.\n" +
            "2. Close browser tabs and programs you do not need.\n3. Check free space on drive C: — you need at least 10 GB.\n" +
            "4. Let Windows updates finish.\n\nIf it is still slow, open Task Manager and send us a screenshot of the Processes tab."),
        new("computer", "install-software",
            "Установка программ на рабочий компьютер",
            "Права администратора у сотрудников нет, поэтому программы ставятся из **Центра программ** (значок на рабочем столе): найдите программу и нажмите «Установить».\n\n" +
            "Нужной программы там нет — оформите заявку, указав название, версию и зачем она нужна для работы. Установку согласует руководитель, " +
            "платные лицензии — отдел закупок.",
            "Installing software on a work computer",
            "Staff do not have administrator rights, so software is installed from the **Software Center** (the icon on the desktop): find the program and click Install.\n\n" +
            "If the program is not there, file a request with its name, version and why your work needs it. Your manager approves the installation, " +
            "and purchasing approves paid licences."),
        new("computer", "camera-microphone",
            "Не работает камера или микрофон в видеозвонке",
            "Собеседники вас не слышат или не видят:\n\n1. Проверьте, что в приложении (Teams, Zoom, Контур.Толк) выбраны нужные микрофон и камера: «Настройки → Устройства».\n" +
            "2. Разрешите доступ к камере и микрофону в параметрах Windows: «Конфиденциальность → Камера/Микрофон».\n" +
            "3. Закройте другие программы, которые могут занимать камеру.\n4. Гарнитуру переподключите в другой USB-порт.\n\nНа ноутбуках бывает шторка на камере или клавиша отключения микрофона.",
            "Camera or microphone not working in video calls",
            "If people in the call cannot hear or see you:\n\n1. Check that the app (Teams, Zoom) uses the right microphone and camera: Settings → Devices.\n" +
            "2. Allow camera and microphone access in Windows settings: Privacy → Camera/Microphone.\n" +
            "3. Close other programs that may hold the camera.\n4. Plug the headset into another USB port.\n\nSome laptops have a camera shutter or a microphone mute key."),
        new("computer", "shared-folder",
            "Доступ к общей папке на сервере",
            "Общие папки отделов лежат на сервере `\\\\files\\`. Доступ к папке выдаётся по заявке с согласия её владельца (обычно руководителя отдела).\n\n" +
            "В заявке укажите путь к папке и какой нужен доступ: только чтение или изменение. Ошибка «Нет доступа» к папке, которая раньше открывалась, " +
            "обычно проходит после перезагрузки (права обновляются при входе).",
            "Access to a shared folder on the server",
            "Department shared folders live on the `\\\\files\\` server. Access to a folder is granted on request with the consent of its owner (usually the head of the department).\n\n" +
            "In the request, give the folder path and the access you need: read only or change. An \"Access denied\" error on a folder that used to open " +
            "usually goes away after a restart (permissions refresh at sign-in)."),
        new("computer", "scan-to-email",
            "Сканирование на почту с МФУ",
            "На офисных МФУ можно отсканировать документ сразу себе на почту:\n\n1. Приложите пропуск к считывателю на МФУ.\n2. Выберите «Сканирование → На мою почту».\n" +
            "3. Положите документ в лоток автоподачи или на стекло и нажмите «Старт».\n\nФайл в формате PDF придёт в течение минуты. Письмо не пришло — проверьте папку «Спам» и размер: больше 20 страниц сканируйте частями.",
            "Scanning to email from the multifunction printer",
            "Office multifunction printers can scan a document straight to your email:\n\n1. Tap your badge on the reader.\n2. Choose Scan → To my email.\n" +
            "3. Put the document in the feeder or on the glass and press Start.\n\nThe PDF arrives within a minute. If it does not, check the Spam folder and the size: scan more than 20 pages in parts."),
        new("orders", "order-tracking",
            "Где мой заказ: отслеживание доставки",
            "Когда заказ передан в службу доставки, мы присылаем письмо и СМС с трек-номером. Статус можно посмотреть в личном кабинете в разделе «Мои заказы» или на сайте перевозчика по трек-номеру.\n\n" +
            "Обычный срок доставки — 2–5 рабочих дней по России. Если статус не меняется больше 3 дней или срок прошёл, напишите нам номер заказа — мы выясним у перевозчика.",
            "Where is my order: tracking delivery",
            "When your order is handed to the courier we send an email and a text with the tracking number. You can see the status in your account under My orders, or on the carrier's site by tracking number.\n\n" +
            "Delivery usually takes 2–5 business days. If the status has not changed for more than 3 days or the delivery date has passed, send us the order number and we will check with the carrier."),
        new("orders", "cancel-order",
            "Как отменить заказ",
            "Заказ можно отменить в личном кабинете («Мои заказы → Отменить»), пока он не передан в доставку. Деньги вернутся на карту автоматически.\n\n" +
            "Если заказ уже отправлен, отменить его нельзя — откажитесь от него при получении или оформите возврат после доставки.",
            "How to cancel an order",
            "You can cancel an order in your account (My orders → Cancel) until it is handed to the courier. The money goes back to your card automatically.\n\n" +
            "Once the order has shipped it cannot be cancelled — refuse it on delivery or return it after it arrives."),
        new("orders", "return-refund",
            "Возврат товара и денег",
            "Товар надлежащего качества можно вернуть в течение 14 дней после получения, если сохранены упаковка и чек. Оформите возврат в личном кабинете: «Мои заказы → Вернуть».\n\n" +
            "Деньги возвращаются тем же способом, которым вы платили: на карту — за 3–10 рабочих дней после того, как мы получим товар. " +
            "Бракованный товар меняем или возвращаем деньги в течение гарантийного срока.",
            "Returns and refunds",
            "You can return an item within 14 days of receiving it if you keep the packaging and receipt. Start the return in your account: My orders → Return.\n\n" +
            "The refund goes back the way you paid: to a card within 3–10 business days after we receive the item. " +
            "Faulty items are replaced or refunded during the warranty period."),
        new("billing", "invoice-documents",
            "Счёт, акт и закрывающие документы",
            "Счета, акты и счета-фактуры для юрлиц лежат в личном кабинете: «Оплата → Документы». Там их можно скачать в PDF.\n\n" +
            "Оригиналы отправляем через ЭДО (Диадок, СБИС) или почтой по юридическому адресу раз в квартал. Нужен акт сверки или документ с другими реквизитами — напишите нам ИНН и период.",
            "Invoices and accounting documents",
            "Invoices, acts and VAT invoices for companies are in your account under Billing → Documents, where you can download them as PDF.\n\n" +
            "Originals are sent through electronic document exchange or by post to the registered address once a quarter. If you need a reconciliation statement or a document with other company details, send us your tax number and the period."),
        new("billing", "payment-declined",
            "Оплата не проходит: способы оплаты",
            "Мы принимаем карты Мир, Visa и Mastercard, оплату через СБП и по счёту для юрлиц.\n\n" +
            "Если платёж картой отклонён: проверьте срок действия и остаток, включены ли покупки в интернете, и подтвердите платёж кодом из СМС банка. " +
            "Деньги списались, а заказ не оплачен — это временная блокировка, банк вернёт её за несколько дней; можно оплатить через СБП.",
            "Payment declined: ways to pay",
            "We accept Mir, Visa and Mastercard cards, the Faster Payments System and bank transfer on invoice for companies.\n\n" +
            "If a card payment is declined: check the expiry date and balance, that online purchases are enabled, and confirm the payment with the code from your bank's text message. " +
            "If money was taken but the order shows unpaid, it is a temporary hold the bank releases within a few days; you can pay through Faster Payments instead."),
        new("billing", "change-plan",
            "Смена тарифа",
            "Тариф меняется в личном кабинете: «Оплата → Тариф → Сменить». Переход на более дорогой тариф действует сразу, разница списывается пропорционально оставшимся дням.\n\n" +
            "Переход на более дешёвый тариф начнёт действовать с нового расчётного периода. Отключить автопродление можно там же.",
            "Changing your plan",
            "You change your plan in your account: Billing → Plan → Change. An upgrade takes effect at once, and the difference is charged for the days left.\n\n" +
            "A downgrade takes effect from the next billing period. You can turn off automatic renewal on the same page."),
    ];
}
