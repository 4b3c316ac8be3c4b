using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Security;
using Okno.Platform.Ui;

namespace Okno.Bots.Scenarios.Ui;

/// <summary>Marker for the scenario pages' strings in ScenarioStrings.resx (English) and ScenarioStrings.ru.resx (Russian).</summary>
public sealed class ScenarioStrings;

/// <summary>Shared plumbing of the scenario pages: their strings and the signed-in admin.</summary>
public abstract class ScenarioComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<ScenarioStrings> L { get; set; } = default!;

    protected Task<CurrentAgent?> ActorAsync() => SignedInAgentAsync();
}
