using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Okno.BrowserTests;

/// <summary>Ways to drive MudBlazor inputs that plain Playwright calls do not cover.</summary>
public static class MudInputs
{
    /// <summary>Opens a MudSelect (its options render in a popover at the layout) and clicks the option with this text.</summary>
    public static async Task ChooseAsync(this IPage page, string field, string option)
    {
        await page.Locator($"{field} .mud-input-control").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Closes an open MudSelect popover. Escape is lost when it lands while the popover redraws after a tick (seen in
    /// CI: four options still open 15 s later), so it is pressed again and, failing that, the overlay around it is clicked.</summary>
    public static async Task CloseSelectAsync(this IPage page)
    {
        var open = page.Locator(".mud-popover-open .mud-list-item");
        for (var attempt = 1; ; attempt++)
        {
            if (attempt < 3) await page.Keyboard.PressAsync("Escape");
            else await page.Mouse.ClickAsync(2, 2);
            try
            {
                await Expect(open).ToHaveCountAsync(0, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }
    }

    /// <summary>The error text a MudTextField or MudNumericField shows under the input with this id.</summary>
    public static ILocator FieldError(this IPage page, string inputId) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.Locator($"#{inputId}") }).Locator(".mud-input-helper-text.mud-input-error");

    /// <summary>Opens a MudMenu and clicks one of its items. The first click on the menu can land while the page is
    /// redrawn right after it became interactive (a live counter arriving) and open nothing: it is clicked again then.</summary>
    public static async Task ChooseFromMenuAsync(this IPage page, string menu, string item)
    {
        await page.OpenAsync(menu, item);
        await page.Locator(item).ClickAsync();
    }

    /// <summary>Clicks <paramref name="trigger"/> until <paramref name="shown"/> (a dialog's field, a menu's item) is visible:
    /// a click that lands while a live redraw replaces the button opens nothing (seen in CI, then a 30 s wait for the field).</summary>
    public static async Task OpenAsync(this IPage page, string trigger, string shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator(trigger).ClickAsync();
            try
            {
                await page.Locator(shown).WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
