using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Security;
using Okno.Platform.Ui;
using Okno.Platform.Web;

namespace Okno.Knowledge.Ui;

/// <summary>Shared plumbing of the knowledge-base and macro pages: strings, the per-action scope, the signed-in agent,
/// and turning a refused or failed action into a <see cref="ActionError"/> instead of a broken circuit.</summary>
public abstract partial class KnowledgeComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<KnowledgeStrings> L { get; set; } = default!;

    protected static readonly string[] Languages = ["ru", "en"];

    protected async Task<CurrentAgent> AgentAsync() =>
        await SignedInAgentAsync() ?? throw new InvalidOperationException("The knowledge-base pages require a signed-in agent.");

    protected string VisibilityName(ArticleVisibility visibility) => L["Visibility" + visibility];

    protected string LanguageName(string language) => language switch
    {
        "ru" => L["LanguageRu"],
        "en" => L["LanguageEn"],
        _ => language,
    };

    protected override ActionError Describe(Exception exception, ILogger logger)
    {
        if (exception is not OknoException e)
        {
            logger.LogError(exception, "A knowledge-base page action failed");
            return new ActionError(L["UnexpectedError"], new Dictionary<string, string>());
        }
        return e.Error switch
        {
            InvalidInput invalid => new ActionError(L["FixFields"], invalid.Errors.ToDictionary(f => f.Key, f => string.Join(" ", f.Value.Select(FieldMessage)))),
            Duplicate duplicate => new ActionError(L["SlugTaken"], new Dictionary<string, string> { [duplicate.Field] = L["SlugTaken"], ["title"] = L["SlugTaken"] }),
            NotFound => new ActionError(L["Gone"], new Dictionary<string, string>()),
            StateConflict => new ActionError(L["NotEmpty"], new Dictionary<string, string>()),
            _ => new ActionError(e.Error.Detail, new Dictionary<string, string>()),
        };
    }

    private string FieldMessage(string message)
    {
        if (message == "This field is required.") return L["Required"];
        if (AtMost().Match(message) is { Success: true } most) return L["AtMostChars", most.Groups[1].Value];
        return message;
    }

    [GeneratedRegex(@"^At most (\d+) characters\.$")]
    private static partial Regex AtMost();
}
