using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Okno.Platform.Ui;

namespace Okno.Notifications.Ui;

/// <summary>Shared plumbing of the notification pages and dialogs: their strings and the names of notifications,
/// languages and placeholders (refused actions come as an <see cref="ActionError"/> from <see cref="ActionComponent"/>).</summary>
public abstract class NotificationsComponent : ActionComponent
{
    [Inject] protected IStringLocalizer<NotificationUiStrings> L { get; set; } = default!;

    protected string NotificationName(string key) => L["Key_" + key];

    /// <summary>Who gets the notification and when.</summary>
    protected string NotificationAbout(string key) => L["About_" + key];

    protected string LanguageName(string language) => L["Language_" + language];

    protected string PlaceholderMeaning(string placeholder) => L["Placeholder_" + placeholder];
}
