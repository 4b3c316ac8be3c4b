namespace Okno.Reports.Kpi;

/// <summary>How a KPI's value reads: a count, minutes, a share in percent, or an average rating (CSAT 1–5).</summary>
public enum KpiUnit { Count, Minutes, Percent, Rating }

/// <summary>Where a KPI's numbers come from.</summary>
public enum KpiSource
{
    /// <summary>The daily facts per day × dimension (sliceable by every dimension; the tag table for created, solved,
    /// reopened and backlog).</summary>
    Facts,
    /// <summary>The help-center search report's daily data (not sliceable by ticket dimensions).</summary>
    HelpCenter,
    /// <summary>The CSAT counters of the daily facts (sliceable by every ticket dimension, not by tag).</summary>
    Surveys,
    /// <summary>The NPS answers' daily table per company (sliceable by company only).</summary>
    Nps,
    /// <summary>Another section's tables, wired when that section lands (no value until then).</summary>
    Pending,
}

/// <summary>One KPI, defined once: its key (also the API's report name), names and definitions in both languages,
/// unit and how it is computed (for the API's catalog and the README).</summary>
public sealed record KpiDefinition(string Key, string NameRu, string NameEn, string DefinitionRu, string DefinitionEn, KpiUnit Unit,
    KpiSource Source, string Computed, bool ByTag = false)
{
    public string Name(bool russian) => russian ? NameRu : NameEn;
    public string Definition(bool russian) => russian ? DefinitionRu : DefinitionEn;
}

/// <summary>Every KPI of the reports. A report's columns (<see cref="KpiReport"/>) are computed from the same counters.</summary>
public static class KpiCatalog
{
    public const string Overview = "overview";

    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new("created", "Создано обращений", "Tickets created",
            "Обращения, созданные за день (по часовому поясу отчётов), в группе, у исполнителя, в канале… на момент создания.",
            "Tickets created on the day (in the report time zone), counted under their group, assignee, channel… when created.",
            KpiUnit.Count, KpiSource.Facts, "sum(Created)", ByTag: true),
        new("solved", "Решено", "Tickets solved",
            "Переходы обращения из открытого состояния (новое, открыто, ожидание, отложено) в «решено» или «закрыто»; решённое повторно после переоткрытия считается ещё раз.",
            "Moves of a ticket from open (new, open, pending, on hold) to resolved or closed; a ticket solved again after a reopen counts again.",
            KpiUnit.Count, KpiSource.Facts, "sum(Solved)", ByTag: true),
        new("backlog", "Очередь (открытые)", "Backlog",
            "Открытые обращения на конец дня (интервала): все, что созданы или переоткрыты и ещё не решены.",
            "Open tickets at the end of the day (interval): created or reopened and not yet solved.",
            KpiUnit.Count, KpiSource.Facts, "sum(BacklogDelta) over all days up to the interval's last day", ByTag: true),
        new("first_response_time", "Время первого ответа", "First response time",
            "От создания до первого публичного ответа агента; медиана и 90-й перцентиль — верхняя граница корзины гистограммы (см. README), среднее — точное. В календарном и рабочем времени (календарь SLA-политики обращения).",
            "From creation to an agent's first public reply; median and 90th percentile are the upper bound of the histogram bucket holding them (see README), the average is exact. In calendar and business time (the ticket's SLA policy calendar).",
            KpiUnit.Minutes, KpiSource.Facts, "sum(FirstResponseMinutes)/sum(FirstResponses); percentiles from ReportDailyHistograms"),
        new("resolution_time", "Время решения", "Resolution time",
            "От создания до решения (каждого решения после переоткрытия — снова от создания); медиана и 90-й перцентиль по корзинам гистограммы; календарное и рабочее время.",
            "From creation to being solved (each solve after a reopen, again from creation); median and 90th percentile by histogram bucket; calendar and business time.",
            KpiUnit.Minutes, KpiSource.Facts, "sum(ResolutionMinutes)/sum(Resolutions); percentiles from ReportDailyHistograms"),
        new("sla_compliance", "Соблюдение SLA", "SLA compliance",
            "По каждой цели (первый ответ, следующий ответ, решение): выполненные вовремя / (вовремя + нарушенные). Нарушение считается в день, когда срок прошёл; выполнение — в день ответа или решения.",
            "Per target (first response, next response, resolution): met / (met + breached). A breach counts on the day its due time passed; a met target on the day of the reply or solve.",
            KpiUnit.Percent, KpiSource.Facts, "sum(XMet)/(sum(XMet)+sum(XBreached)) for each target"),
        new("reopen_rate", "Доля переоткрытий", "Reopen rate",
            "Переоткрытия (из решённого или закрытого обратно в открытое) / решённые за тот же период.",
            "Reopens (from resolved or closed back to open) / tickets solved in the same period.",
            KpiUnit.Percent, KpiSource.Facts, "sum(Reopened)/sum(Solved)", ByTag: true),
        new("one_touch", "Решено с первого ответа", "One-touch resolution",
            "Решённые ровно с одним публичным ответом агента и ни разу не переоткрытые / все решённые.",
            "Solved with exactly one public agent reply and never reopened / all solved.",
            KpiUnit.Percent, KpiSource.Facts, "sum(OneTouch)/sum(Solved)"),
        new("escalations", "Эскалации по линиям", "Line escalations",
            "Передачи обращения на следующую линию поддержки (возвраты вниз не считаются).",
            "Moves of a ticket up to the next support line (returns down are not counted).",
            KpiUnit.Count, KpiSource.Facts, "sum(Escalations)"),
        new("bot_deflection", "Решено ботом", "Bot deflection",
            "Обращения, которые бот-ответчик закрыл статьями базы знаний (из отчёта поиска справочного центра).",
            "Requests the answer bot solved with knowledge-base articles (from the help-center search report).",
            KpiUnit.Count, KpiSource.HelpCenter, "KbSearchReport deflection: SolvedByBot per day"),
        new("help_center_success", "Успех справочного центра", "Help-center success",
            "Доля визитов справочного центра с поиском или статьёй, после которых не было создано обращение.",
            "Share of help-center visits with a search or an article that did not open a ticket.",
            KpiUnit.Percent, KpiSource.HelpCenter, "KbSearchReport deflection: VisitsWithoutTicket/Visits"),
        new("csat", "CSAT", "CSAT",
            "Доля оценок 4–5 среди всех ответов на опрос после решения (шкала 1–5), а также средняя оценка и число ответов. Ответ считается в день ответа (по часовому поясу отчётов) в группе, у исполнителя, в канале и компании, которые были у обращения при решении (тип и приоритет — текущие).",
            "Share of ratings 4–5 among all answers to the post-resolution survey (scale 1–5), plus the average rating and the number of answers. An answer counts on the day it was given (report time zone) under the group, assignee, channel and company the ticket had when resolved (type and priority: current).",
            KpiUnit.Percent, KpiSource.Surveys, "sum(CsatSatisfied)/sum(CsatRatings); average sum(CsatRatingSum)/sum(CsatRatings)"),
        new("nps", "NPS", "NPS",
            "Доля промоутеров (9–10) минус доля критиков (0–6) среди ответов кампаний NPS за период, от −100 до 100. Оценка — человека, а не обращения: только по периоду и компании.",
            "Percentage of promoters (9–10) minus percentage of detractors (0–6) among the NPS campaigns' answers in the period, −100 to 100. A person's answer, not a ticket's: by period and company only.",
            KpiUnit.Percent, KpiSource.Nps, "100·(sum(Promoters) − sum(Detractors)) / sum(Promoters + Passives + Detractors) from ReportDailyNps"),
    ];

    public static KpiDefinition? Find(string key) => All.FirstOrDefault(k => k.Key == key);
}
