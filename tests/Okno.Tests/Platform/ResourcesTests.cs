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
        // A count's string has a key per plural form of its language (PluralForms): English one/other, Russian one/few/many.
        Assert.Equal(Plain(english.Keys, "one", "other"), Plain(russian.Keys, "one", "few", "many"));
        Assert.All(english.Concat(russian), pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{pair.Key} is empty"));
    }

    [Fact]
    public void Resources_are_found()
    {
        Assert.True(EnglishResources().Count >= 3);
    }

    private static readonly string[] PluralSuffixes = ["_one", "_few", "_many", "_other"];

    /// <summary>The keys with each plural set written as its base key, after checking the set has exactly the forms
    /// the language needs.</summary>
    private static List<string> Plain(IEnumerable<string> keys, params string[] forms)
    {
        var plain = new List<string>();
        foreach (var group in keys.GroupBy(k => PluralSuffixes.FirstOrDefault(k.EndsWith) is { } suffix ? k[..^suffix.Length] : k))
        {
            // A lone key that merely ends like a form ("field.too_many") is no plural set.
            if (group.Count() < 2)
            {
                plain.AddRange(group);
                continue;
            }
            var plural = group.Where(k => k != group.Key).Select(k => k[(group.Key.Length + 1)..]).Order(StringComparer.Ordinal).ToList();
            Assert.True(plural.SequenceEqual(forms.Order(StringComparer.Ordinal)), $"{group.Key} has the plural forms {string.Join(", ", plural)}, not {string.Join(", ", forms)}");
            plain.Add(group.Key);
        }
        return plain.Order(StringComparer.Ordinal).ToList();
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
