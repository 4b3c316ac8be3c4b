using System.Xml.Linq;

namespace Okno.Tests.Platform;

/// <summary>Every user-visible string exists in English and in Russian.</summary>
public sealed class ResourcesTests
{
    public static TheoryData<string> EnglishResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "Okno"), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                     .Where(f => Path.GetFileName(f).Count(c => c == '.') == 1)
                     .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepositoryRoot(), file));
        return data;
    }

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void Every_english_string_has_a_russian_one_and_none_is_empty(string englishFile)
    {
        var english = Strings(Path.Combine(RepositoryRoot(), englishFile));
        var russianFile = Path.Combine(RepositoryRoot(), Path.ChangeExtension(englishFile, ".ru.resx"));
        Assert.True(File.Exists(russianFile), $"{englishFile} has no Russian twin");
        var russian = Strings(russianFile);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), russian.Keys.Order(StringComparer.Ordinal));
        Assert.All(english.Concat(russian), pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{pair.Key} is empty"));
    }

    [Fact]
    public void Resources_are_found()
    {
        Assert.True(EnglishResources().Count >= 3);
    }

    private static Dictionary<string, string> Strings(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Okno.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Okno.slnx not found above " + AppContext.BaseDirectory);
    }
}
