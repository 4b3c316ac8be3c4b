using Microsoft.Playwright;

namespace Okno.BrowserTests;

/// <summary>Screenshots go to TestResults/screenshots/ at the repository root (git-ignored): one stable place to
/// look, locally and in CI, instead of a folder deep under bin/.</summary>
public static class Screenshots
{
    // Created up front: a clean clone has no TestResults/ yet.
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "TestResults", "screenshots")).FullName;

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>"Platform/HomePageTests.cs" + "Home_page_..." gives "HomePageTests.Home_page_...".</summary>
    public static string NameFor(string callerFile, string member) =>
        $"{Path.GetFileNameWithoutExtension(callerFile.Replace('\\', '/'))}.{member}";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Okno.slnx"))) return dir.FullName;
        // Run from a copied bin folder: keep the pictures beside the tests.
        return AppContext.BaseDirectory;
    }
}
