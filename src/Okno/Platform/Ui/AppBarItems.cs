using Microsoft.AspNetCore.Components;

namespace Okno.Platform.Ui;

/// <summary>A component a product section puts in the app bar for signed-in agents (the notification bell, the profile
/// menu), so the layout, being Platform, names no section. Rendered right of the language links, by <see cref="Order"/>.</summary>
public sealed record AppBarItem(Type Component, int Order);

public static class AppBarItems
{
    public static IServiceCollection AddAppBarItem<T>(this IServiceCollection services, int order) where T : IComponent =>
        services.AddSingleton(new AppBarItem(typeof(T), order));
}
