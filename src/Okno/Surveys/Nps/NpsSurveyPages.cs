using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Okno.Platform.Localization;
using Okno.Platform.Web;

namespace Okno.Surveys.Nps;

/// <summary>The public survey page, <c>/survey/nps/{token}</c>: plain server-made HTML (no Blazor, no script), in the
/// language the question was sent in. A link with <c>?s=0…10</c> posts the score from the page (a GET never records,
/// so a mail scanner opening every link answers nothing) and then offers a comment box; a second click says it is
/// answered already. The page shows the desk's name and the question, nothing else: not the
/// person, not the campaign, not other answers. The token never leaves through a Referer, and nothing is cached.</summary>
public static class NpsSurveyPages
{
    public const string Prefix = "/survey/nps";

    public static IEndpointRouteBuilder MapNpsSurveyPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(Prefix).AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/{token}", async (string token, string? s, HttpContext http, NpsSurvey survey, IStringLocalizer<Ui.NpsStrings> strings,
            IStringLocalizer<Strings> platform, CancellationToken ct) =>
        {
            var link = await survey.FindAsync(token, ct);
            if (link is null) return NotFound(http, strings, platform);
            var page = new Page(link.Language, strings, platform);
            if (link.Score is { } earlier)
                return page.Result(http, page.Question(link.Question) + page.Paragraph("AlreadyAnswered", "nps-already", earlier)
                    + (link.Commented ? "" : page.CommentForm(token)));
            if (ParseScore(s) is not { } score) return page.Result(http, page.Question(link.Question) + page.Scale(token));
            // A GET never records: mail scanners (Safe Links and the like) open every link of a mail, so the first score
            // they fetched would be taken as the answer. The page posts the clicked score itself (a script, which
            // scanners do not run), with a button for a browser without scripts.
            return page.Result(http, page.Question(link.Question) + page.ConfirmForm(token, score, SecurityHeaders.NonceOf(http)));
        });
        pages.MapPost("/{token}", async (string token, HttpContext http, NpsSurvey survey, IStringLocalizer<Ui.NpsStrings> strings,
            IStringLocalizer<Strings> platform, CancellationToken ct) =>
        {
            var link = await survey.FindAsync(token, ct);
            if (link is null) return NotFound(http, strings, platform);
            var page = new Page(link.Language, strings, platform);
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
            if (ParseScore(form?["s"].ToString()) is not { } score)
                return page.Result(http, page.Question(link.Question) + page.Scale(token), StatusCodes.Status400BadRequest);
            var outcome = await survey.AnswerAsync(link, score, ct);
            return outcome == NpsAnswerOutcome.Recorded
                ? page.Result(http, page.Question(link.Question) + page.Paragraph("Thanks", "nps-thanks", score) + page.CommentForm(token))
                : page.Result(http, page.Question(link.Question) + page.Paragraph("AlreadyAnswered", "nps-already", link.Score ?? score)
                    + (link.Commented ? "" : page.CommentForm(token)));
        }).DisableAntiforgery();
        pages.MapPost("/{token}/comment", async (string token, HttpContext http, NpsSurvey survey, IStringLocalizer<Ui.NpsStrings> strings,
            IStringLocalizer<Strings> platform, CancellationToken ct) =>
        {
            var link = await survey.FindAsync(token, ct);
            if (link is null) return NotFound(http, strings, platform);
            var page = new Page(link.Language, strings, platform);
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
            return await survey.CommentAsync(link, form?["comment"].ToString(), ct) switch
            {
                NpsCommentOutcome.Recorded => page.Result(http, page.Paragraph("CommentThanks", "nps-comment-thanks")),
                NpsCommentOutcome.AlreadyCommented => page.Result(http, page.Paragraph("CommentAlready", "nps-comment-already")),
                NpsCommentOutcome.NotAnswered => page.Result(http, page.Question(link.Question) + page.Scale(token)),
                _ => page.Result(http, page.Question(link.Question) + page.Paragraph("CommentInvalid", "nps-comment-invalid", NpsAnswer.CommentMaxLength)
                    + page.CommentForm(token), StatusCodes.Status400BadRequest),
            };
        }).DisableAntiforgery();
        // The link in the mail only asks; the button posts. A mail scanner that follows links unsubscribes nobody.
        pages.MapGet("/{token}/unsubscribe", async (string token, HttpContext http, NpsSurvey survey, IStringLocalizer<Ui.NpsStrings> strings,
            IStringLocalizer<Strings> platform, CancellationToken ct) =>
        {
            var link = await survey.FindAsync(token, ct);
            if (link is null) return NotFound(http, strings, platform);
            var page = new Page(link.Language, strings, platform);
            return link.Unsubscribed
                ? page.Result(http, page.Paragraph("Unsubscribed", "nps-unsubscribed"))
                : page.Result(http, page.Paragraph("UnsubscribeAsk", "nps-unsubscribe-ask") + page.UnsubscribeForm(token));
        });
        pages.MapPost("/{token}/unsubscribe", async (string token, HttpContext http, NpsSurvey survey, IStringLocalizer<Ui.NpsStrings> strings,
            IStringLocalizer<Strings> platform, CancellationToken ct) =>
        {
            var link = await survey.FindAsync(token, ct);
            if (link is null) return NotFound(http, strings, platform);
            await survey.UnsubscribeAsync(link, ct);
            var page = new Page(link.Language, strings, platform);
            return page.Result(http, page.Paragraph("Unsubscribed", "nps-unsubscribed"));
        }).DisableAntiforgery();
        return app;
    }

    private static int? ParseScore(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score <= 10 ? score : null;

    private static IResult NotFound(HttpContext http, IStringLocalizer<Ui.NpsStrings> strings, IStringLocalizer<Strings> platform)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru" ? "ru" : "en";
        var page = new Page(language, strings, platform);
        return page.Result(http, page.Paragraph("LinkNotValid", "nps-not-found"), StatusCodes.Status404NotFound);
    }

    private sealed class Page(string language, IStringLocalizer<Ui.NpsStrings> strings, IStringLocalizer<Strings> platform)
    {
        private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(language == "ru" ? "ru" : "en");

        private string T(string name, params object[] args) => InCulture.Read(_culture, () => strings[name, args].Value);

        private static string E(string text) => WebUtility.HtmlEncode(text);

        public string Question(string question) => $"<h1 id=\"nps-question\">{E(question)}</h1>";

        public string Paragraph(string name, string id, params object[] args) => $"<p id=\"{id}\">{E(T(name, args))}</p>";

        public string Scale(string token)
        {
            var html = new StringBuilder("<p class=\"scale\">");
            for (var s = 0; s <= 10; s++)
                html.Append($"<a class=\"score\" id=\"nps-score-{s}\" href=\"{Prefix}/{E(token)}?s={s}\">{s}</a>");
            return html.Append($"</p><p class=\"hint\">0 — {E(T("ScaleLow"))}; 10 — {E(T("ScaleHigh"))}</p>").ToString();
        }

        public string CommentForm(string token) =>
            $"<form method=\"post\" action=\"{Prefix}/{E(token)}/comment\"><label for=\"nps-comment\">{E(T("CommentLabel"))}</label>" +
            $"<textarea id=\"nps-comment\" name=\"comment\" rows=\"5\" maxlength=\"{NpsAnswer.CommentMaxLength}\"></textarea>" +
            $"<button type=\"submit\" id=\"nps-comment-send\">{E(T("CommentSend"))}</button></form>";

        /// <summary>Posts the clicked score at once; the button is for a browser without scripts.</summary>
        public string ConfirmForm(string token, int score, string nonce) =>
            $"<form method=\"post\" action=\"{Prefix}/{E(token)}\" id=\"nps-confirm\"><input type=\"hidden\" name=\"s\" value=\"{score}\" />" +
            $"<button type=\"submit\" id=\"nps-confirm-send\">{E(T("ConfirmSend", score))}</button></form>" +
            $"<script nonce=\"{E(nonce)}\">document.getElementById('nps-confirm').submit();</script>";

        public string UnsubscribeForm(string token) =>
            $"<form method=\"post\" action=\"{Prefix}/{E(token)}/unsubscribe\"><button type=\"submit\" id=\"nps-unsubscribe\">{E(T("UnsubscribeConfirm"))}</button></form>";

        public IResult Result(HttpContext http, string body, int status = StatusCodes.Status200OK)
        {
            var headers = http.Response.Headers;
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            var desk = InCulture.Read(_culture, () => platform["AppName"].Value);
            var html = $$"""
                <!DOCTYPE html>
                <html lang="{{_culture.TwoLetterISOLanguageName}}">
                <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><meta name="robots" content="noindex" />
                <title>{{E(desk)}}</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
                h1 { font-size: 1.3rem; } .scale { display: flex; flex-wrap: wrap; gap: .4rem; }
                .score { display: inline-block; min-width: 2.2rem; padding: .5rem 0; text-align: center; border: 1px solid #888; border-radius: 4px; text-decoration: none; color: #222; }
                .hint { color: #666; font-size: .9rem; } textarea { width: 100%; box-sizing: border-box; margin: .5rem 0; } label { display: block; margin-top: 1rem; }
                </style></head>
                <body><header id="nps-desk">{{E(desk)}}</header><main>{{body}}</main></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
        }
    }
}
