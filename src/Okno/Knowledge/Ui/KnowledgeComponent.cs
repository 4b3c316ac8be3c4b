using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Security;
using Okno.Platform.Ui;
using Okno.Platform.Web;

namespace Okno.Knowledge.Ui;

/// <summary>Shared plumbing of the knowledge-base and macro pages: strings, the signed-in agent, names of visibilities
/// and languages (refused actions become an <see cref="ActionError"/> in <see cref="ActionComponent"/>).</summary>
public abstract class KnowledgeComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<KnowledgeStrings> L { get; set; } = default!;

    protected static readonly string[] Languages = ["ru", "en"];

    protected async Task<CurrentAgent> AgentAsync() =>
        await SignedInAgentAsync() ?? throw new InvalidOperationException("The knowledge-base pages require a signed-in agent.");

    /// <summary>The agent's UI language among the knowledge base's two: names of categories and sections are shown in it.</summary>
    protected static string UiLanguage => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ru" ? "ru" : "en";

    protected string VisibilityName(ArticleVisibility visibility) => L["Visibility" + visibility];

    protected string LanguageName(string language) => language switch
    {
        "ru" => L["LanguageRu"],
        "en" => L["LanguageEn"],
        _ => language,
    };

    /// <summary>A taken slug is also shown at the title, which the slug comes from.</summary>
    protected override ActionError Describe(Exception exception, ILogger logger)
    {
        var error = base.Describe(exception, logger);
        return exception is OknoException { Error: Duplicate { Field: "slug" } } && error.Field("slug") is { } taken
            ? error with { Fields = new Dictionary<string, string>(error.Fields) { ["title"] = taken } }
            : error;
    }
}
