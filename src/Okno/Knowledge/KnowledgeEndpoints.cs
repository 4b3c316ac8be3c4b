using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Platform.Data;
using Okno.Platform.Files;
using Okno.Platform.Security;
using Okno.Platform.Web;
using Okno.Tickets;

namespace Okno.Knowledge;

/// <summary>REST API of the knowledge base and macros. Every signed-in agent may read and write articles, categories
/// and macros (a help desk's agents are its authors; the revision history records who changed what).</summary>
public static class KnowledgeEndpoints
{
    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var kb = app.MapGroup("/api/v1/kb").RequireAuthorization().WithTags("Knowledge").WithProblemResponses();

        kb.MapPost("/articles", async Task<Created<ArticleView>> (CreateArticleRequest request, CreateArticle create, CurrentAgent agent,
            CancellationToken ct) =>
        {
            var article = await create.ExecuteAsync(request, agent, ct);
            return TypedResults.Created($"/api/v1/kb/articles/{article.Id}", article);
        }).WithSummary("Create an article with its first translation (its language becomes the fallback language)");

        kb.MapGet("/search", async (string? q, string? lang, int? limit, SearchArticles search, CancellationToken ct) =>
                TypedResults.Ok(new { items = await search.ExecuteAsync(q, lang, Platform.Web.Paging.Limit(limit), publicOnly: false, ct) }))
            .WithSummary("Articles ranked for a query in Russian or English word forms (title hits first), with highlighted snippets");

        kb.MapPut("/articles/{id:long}", async (long id, SaveArticleRequest request, SaveArticle save, CurrentAgent agent, CancellationToken ct) =>
                TypedResults.Ok(await save.ExecuteAsync(id, request, agent, ct)))
            .WithSummary("Replace (or add) the translation named by 'language': title, Markdown body, visibility; appends a revision");

        kb.MapGet("/articles", async (long? category, long? section, string? language, string? visibility, string? title, int? limit,
            string? cursor, ArticleQueries queries, CancellationToken ct) =>
        {
            var filter = new ArticleListFilter(category, section, string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant(),
                QueryValues.Enum<ArticleVisibility>(visibility, "visibility"), title);
            return TypedResults.Ok(await queries.ListAsync(filter, Paging.Limit(limit), cursor, ct));
        }).WithSummary("Article translations, newest first; filters: category, section, language, visibility, title (contains); keyset-paged");

        kb.MapGet("/articles/{id:long}", async (long id, string? language, ArticleQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(id, string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant(), ct)))
            .WithSummary("One article in a language; falls back to its fallback language ('language' says which one answered)");

        kb.MapGet("/articles/{id:long}/revisions", async (long id, string? language, int? limit, string? cursor, ArticleQueries queries,
                CancellationToken ct) => TypedResults.Ok(await queries.RevisionsAsync(id, language, Paging.Limit(limit), cursor, ct)))
            .WithSummary("Revisions of one translation (default: the fallback language), newest first, without bodies");

        kb.MapGet("/articles/{id:long}/revisions/{revisionId:long}", async (long id, long revisionId, ArticleQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.RevisionAsync(id, revisionId, ct)));

        kb.MapGet("/articles/{id:long}/diff", async (long id, long? from, long? to, ArticleQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.DiffAsync(id, from, to, ct)))
            .WithSummary("Line diff of the bodies of two revisions (ids) of the same translation");

        kb.MapPost("/articles/{id:long}/revisions/{revisionId:long}/restore", async (long id, long revisionId, RestoreRevision restore,
                CurrentAgent agent, CancellationToken ct) => TypedResults.Ok(await restore.ExecuteAsync(id, revisionId, agent, ct)))
            .WithSummary("Restore an old revision: its content becomes a new revision (history is never rewritten)");

        kb.MapPost("/articles/{id:long}/files", async Task<Created<ArticleFileView>> (long id, AttachmentInput? request, UploadArticleFile upload,
            CurrentAgent agent, CancellationToken ct) =>
        {
            var file = await upload.ExecuteAsync(id, request, agent, ct);
            return TypedResults.Created(file.Url, file);
        }).WithSummary("Upload an image or attachment (base64, ticket attachment limits); answers the Markdown to paste");

        app.MapGet("/api/v1/kb/files/{id:long}", DownloadFileAsync).AllowAnonymous().WithTags("Knowledge")
            .WithSummary("A file of an article: agents get any; anyone gets the files of articles with a public translation");

        kb.MapGet("/categories", async (int? limit, string? cursor, string? language, CategoryQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(Paging.Limit(limit), cursor, LanguageParameter(language), ct)))
            .WithSummary("Categories in order, each with its sections; name and description in 'language' when they exist in it "
                + "(else the first language written), every language in 'translations'");
        kb.MapGet("/categories/{id:long}", async (long id, string? language, CategoryQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.GetAsync(id, LanguageParameter(language), ct)));
        kb.MapPost("/categories", async Task<Created<CategoryView>> (CategoryRequest request, CreateCategory create, CancellationToken ct) =>
        {
            var category = await create.ExecuteAsync(request, ct);
            return TypedResults.Created($"/api/v1/kb/categories/{category.Id}", category);
        });
        kb.MapPut("/categories/{id:long}", async (long id, CategoryRequest request, ChangeCategory change, CancellationToken ct) =>
                TypedResults.Ok(await change.ExecuteAsync(id, request, ct)))
            .WithSummary("Rename or move a category: 'translations' replaces every language's name, 'name' (+ 'language') changes one");
        kb.MapDelete("/categories/{id:long}", async (long id, DeleteCategory delete, CancellationToken ct) =>
        {
            await delete.ExecuteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete an empty category (409 while it has sections)");
        kb.MapPost("/categories/{id:long}/sections", async Task<Created<SectionView>> (long id, SectionRequest request, CreateSection create,
            CancellationToken ct) =>
        {
            var section = await create.ExecuteAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/kb/sections/{section.Id}", section);
        });
        kb.MapGet("/sections/{id:long}", async (long id, string? language, CategoryQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.SectionAsync(id, LanguageParameter(language), ct)));
        kb.MapPut("/sections/{id:long}", async (long id, SectionRequest request, ChangeSection change, CancellationToken ct) =>
            TypedResults.Ok(await change.ExecuteAsync(id, request, ct)));
        kb.MapDelete("/sections/{id:long}", async (long id, DeleteSection delete, CancellationToken ct) =>
        {
            await delete.ExecuteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete an empty section (409 while it has articles)");

        var macros = app.MapGroup("/api/v1/macros").RequireAuthorization().WithTags("Macros").WithProblemResponses();
        macros.MapGet("/", async (string? name, int? limit, string? cursor, MacroQueries queries, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(agent, name, Paging.Limit(limit), cursor, ct))).WithSummary("Shared macros and the caller's own");
        macros.MapGet("/{id:long}", async (long id, MacroQueries queries, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await queries.GetAsync(id, agent, ct)));
        macros.MapPost("/", async Task<Created<MacroView>> (MacroRequest request, SaveMacro save, CurrentAgent agent, CancellationToken ct) =>
        {
            var macro = await save.ExecuteAsync(null, request, agent, ct);
            return TypedResults.Created($"/api/v1/macros/{macro.Id}", macro);
        }).WithSummary("Create a canned answer; variables: {{customer.name}}, {{customer.email}}, {{ticket.number}}, {{ticket.subject}}, {{agent.name}}");
        macros.MapPut("/{id:long}", async (long id, MacroRequest request, SaveMacro save, CurrentAgent agent, CancellationToken ct) =>
            TypedResults.Ok(await save.ExecuteAsync(id, request, agent, ct)));
        macros.MapDelete("/{id:long}", async (long id, DeleteMacro delete, CurrentAgent agent, CancellationToken ct) =>
        {
            await delete.ExecuteAsync(id, agent, ct);
            return TypedResults.NoContent();
        });

        app.MapPost("/api/v1/tickets/{id:long}/macros/{macroId:long}/preview", async (long id, long macroId, PreviewMacro preview,
                CurrentAgent agent, CancellationToken ct) => TypedResults.Ok(await preview.ExecuteAsync(id, macroId, agent, ct)))
            .RequireAuthorization().WithTags("Macros").WithSummary("A macro filled for this ticket and the calling agent, as plain text");
        app.MapPost("/api/v1/tickets/{id:long}/macros/{macroId:long}/apply", async (long id, long macroId, ApplyMacro apply,
                CurrentAgent agent, CancellationToken ct) => TypedResults.Ok(await apply.ExecuteAsync(id, macroId, agent, ct)))
            .RequireAuthorization().WithTags("Macros").WithProblemResponses()
            .WithSummary("Apply a macro: its changes (status, priority, group, assignee, tags) in one step, marked with the macro in the history; returns the ticket and the macro's text filled for it");
        return app;
    }

    private static string? LanguageParameter(string? language) => string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();

    /// <summary>Served as a download that must not run in the desk's origin, like ticket attachments.</summary>
    internal static async Task<IResult> DownloadFileAsync(long id, OknoDb db, AttachmentStore store, HttpContext http, CancellationToken ct)
    {
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        var file = await db.Set<ArticleFile>().Where(f => f.Id == id && (signedIn || db.Set<ArticleTranslation>()
                .Any(t => t.ArticleId == f.ArticleId && t.Visibility == ArticleVisibility.Public)))
            .Select(f => new { f.FileName, f.ContentType, f.Sha256 }).SingleOrDefaultAsync(ct);
        var inline = file?.ContentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp";
        return FileDownloads.Serve(store, http, "File", id, file?.Sha256, file?.ContentType ?? "", file?.FileName ?? "", inline);
    }
}
