namespace Okno.Knowledge;

/// <summary>The knowledge base, canned answers and the public help center (S5).</summary>
public static class KnowledgeModule
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services) => HelpCenter.HelpCenterEndpoints.AddHelpCenter(services)
        .AddSingleton<ArticleMarkdown>()
        .AddScoped<ArticleSaved>()
        .AddScoped<SearchArticles>()
        .AddScoped<Platform.Search.ISearchTextSource, ArticleSearchText>()
        .AddScoped<ArticleWriter>()
        .AddScoped<ArticleQueries>()
        .AddScoped<CreateArticle>()
        .AddScoped<SaveArticle>()
        .AddScoped<RestoreRevision>()
        .AddScoped<UploadArticleFile>()
        .AddScoped<CategoryQueries>()
        .AddScoped<CreateCategory>()
        .AddScoped<ChangeCategory>()
        .AddScoped<DeleteCategory>()
        .AddScoped<CreateSection>()
        .AddScoped<ChangeSection>()
        .AddScoped<DeleteSection>()
        .AddScoped<MacroQueries>()
        .AddScoped<SaveMacro>()
        .AddScoped<DeleteMacro>()
        .AddScoped<PreviewMacro>()
        .AddScoped<ApplyMacro>()
        .AddScoped<Tickets.IMacroNames, MacroNames>();

    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        app.MapKnowledgeEndpoints();
        HelpCenter.HelpCenterEndpoints.MapHelpCenterEndpoints(app);
        return app;
    }
}
