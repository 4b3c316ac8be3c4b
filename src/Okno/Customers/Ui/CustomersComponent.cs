using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Ui;

namespace Okno.Customers.Ui;

/// <summary>Shared plumbing of the contact and company pages: their strings (refused actions come as an
/// <see cref="ActionError"/> from <see cref="ActionComponent"/>).</summary>
public abstract class CustomersComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<CustomerStrings> L { get; set; } = default!;

    /// <summary>One address per line or separated by commas, as an agent types a list.</summary>
    protected static List<string?> Lines(string? text) =>
        (text ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Cast<string?>().ToList();
}
