using Okno.Platform.Web;

namespace Okno.Bots.Answer;

/// <summary>The answer bot (issue 18): its engine, the article suggestions it and the scenario bot use, and the agents'
/// preview of what it would offer.</summary>
public static class AnswerBotModule
{
    public static IServiceCollection AddAnswerBot(this IServiceCollection s)
    {
        s.AddOptions<AnswerBotOptions>().BindConfiguration(AnswerBotOptions.Section);
        s.AddScoped<ArticleSuggestions>();
        s.AddScoped<IArticleSuggestions>(sp => sp.GetRequiredService<ArticleSuggestions>());
        s.AddScoped<AnswerBotRecords>();
        s.AddScoped<AnswerBotEngine>();
        s.AddScoped<IBotEngine>(sp => sp.GetRequiredService<AnswerBotEngine>());
        return s;
    }

    /// <summary><c>GET /api/v1/kb/suggestions?q=…&amp;language=ru</c>: what the answer bot would offer for a question, with
    /// scores (for editors checking their articles, and bench/answerbot.sh).</summary>
    public static IEndpointRouteBuilder MapAnswerBot(this IEndpointRouteBuilder app)
    {
        var kb = app.MapGroup("/api/v1/kb").RequireAuthorization().WithTags("Knowledge").WithProblemResponses();
        kb.MapGet("/suggestions", async (string? q, string? language, int? max, ArticleSuggestions suggestions, CancellationToken ct) =>
                new SuggestionsView(await suggestions.FindAsync(q ?? "", string.IsNullOrWhiteSpace(language) ? Platform.Search.TextAnalyzer.DetectLanguage(q) : language,
                    max ?? AnswerBotEngine.MaxArticles, ct)))
            .WithSummary("The public articles the answer bot would offer for a customer's question, best first, with their relevance.");
        return app;
    }
}

public sealed record SuggestionsView(IReadOnlyList<SuggestedArticle> Items);
