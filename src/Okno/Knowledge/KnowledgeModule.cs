namespace Okno.Knowledge;

public static class KnowledgeModule
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services) => services
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
        .AddScoped<PreviewMacro>();
}
