using Microsoft.Data.Sqlite;
using Okno.Testing;

namespace Okno.IntegrationTests.Platform;

/// <summary>Okno started from another folder, as a service manager does (<c>cd /srv &amp;&amp; dotnet /opt/okno/Okno.dll</c>),
/// still runs with the appsettings.json beside Okno.dll and serves its static files; its data-protection keys go to
/// the data directory.</summary>
public sealed class StartedElsewhereTests
{
    [Fact]
    public async Task Okno_started_from_another_folder_reads_its_appsettings_and_serves_its_static_files()
    {
        var root = Path.Combine(Path.GetTempPath(), "okno-elsewhere", Guid.NewGuid().ToString("N"));
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "srv")).FullName;
        var dataDirectory = Path.Combine(root, "data");
        var settings = new Dictionary<string, string>
        {
            ["Okno__DataDirectory"] = dataDirectory,
            ["Okno__Admin__Email"] = OknoFactory.AdminEmail,
            ["Okno__Admin__Password"] = OknoFactory.AdminPassword,
        };
        try
        {
            using var okno = await OknoProcess.StartAsync(settings, workingDirectory: elsewhere);
            var client = await okno.ClientAsync();
            await client.CreateTicketAsync("Started elsewhere");
            foreach (var asset in new[] { "/app.css", "/favicon.svg", "/js/api-docs.js", "/api/docs/scalar.js" })
                Assert.True((await client.GetAsync(asset)).IsSuccessStatusCode, $"{asset} is not served");

            // appsettings.json sets EF Core's command log to Critical; without it every SQL statement is logged at
            // Information (the start-up migrations alone write hundreds).
            var log = okno.Tail();
            Assert.DoesNotContain("Microsoft.EntityFrameworkCore.Database.Command", log);
            Assert.DoesNotContain("Executed DbCommand", log);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml"));
            Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
