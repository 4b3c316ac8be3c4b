namespace Okno.Platform.Demo;

public static class DemoData
{
    public static Task SeedDemoAsync(this IServiceProvider services) => Task.CompletedTask;
}
