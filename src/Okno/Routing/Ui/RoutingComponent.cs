using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Ui;

namespace Okno.Routing.Ui;

/// <summary>Shared plumbing of the support-line pages, panel and dialog: their strings.</summary>
public abstract class RoutingComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<RoutingStrings> L { get; set; } = default!;

    /// <summary>"2. L2" or "3. Vendor (external vendor)", as the dropdowns and the panel name a line.</summary>
    protected string LineName(SupportLineView line) =>
        L[line.Kind == LineKind.External ? "LineOptionExternal" : "LineOption", line.Position, line.Name];
}
