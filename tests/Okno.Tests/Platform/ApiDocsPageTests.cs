using System.Text.Json;
using System.Text.RegularExpressions;
using Okno.Testing;

namespace Okno.Tests.Platform;

/// <summary>The API docs page (Scalar) works offline and carries none of the vendor's features: no web fonts, no
/// developer tools ("Deploy", "Generate SDK"), no AI chat ("Ask AI"), no MCP, no telemetry.</summary>
public sealed partial class ApiDocsPageTests(SqliteOkno okno) : IClassFixture<SqliteOkno>
{
    [Fact]
    public async Task Docs_page_names_no_outside_host_and_turns_the_vendor_features_off()
    {
        using var client = okno.App.CreateClient();
        var html = await client.GetStringAsync("/api/docs/");

        Assert.DoesNotMatch(OutsideAddress(), html);
        var configuration = JsonDocument.Parse(Configuration().Match(html).Groups[1].Value).RootElement;
        Assert.False(configuration.GetProperty("withDefaultFonts").GetBoolean());
        Assert.Equal("never", configuration.GetProperty("showDeveloperTools").GetString());
        Assert.True(configuration.GetProperty("agent").GetProperty("disabled").GetBoolean());
        Assert.True(configuration.GetProperty("mcp").GetProperty("disabled").GetBoolean());
        Assert.False(configuration.GetProperty("telemetry").GetBoolean());
    }

    [GeneratedRegex(@"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideAddress();

    /// <summary>The configuration object Scalar's start-up script is called with.</summary>
    [GeneratedRegex(@"initialize\(\s*'[^']*',\s*\w+,\s*(\{.*?\}),\s*'", RegexOptions.Singleline)]
    private static partial Regex Configuration();
}
