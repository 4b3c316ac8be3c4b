using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Platform.Data;
using Okno.Platform.Search;
using Okno.Testing;

namespace Okno.IntegrationTests.Platform;

/// <summary>The search index itself, through <see cref="SearchIndex"/>, on SQLite (FTS5) and PostgreSQL (tsvector):
/// both must answer alike, since one analyzer feeds both.</summary>
public sealed class SearchIndexTests
{
    private const string Kind = "test_doc";

    private static async Task IndexAsync(OknoFactory app, params (long Id, string Title, string Body)[] documents)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
        var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        await db.WriteAsync(async ct =>
        {
            foreach (var (id, title, body) in documents)
                await index.UpsertAsync(Kind, id, TextAnalyzer.DetectLanguage(title + " " + body), title, body, ct);
            return await db.SaveChangesAsync(ct);
        }, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<SearchHit>> QueryAsync(OknoFactory app, string text, int limit = 50)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SearchIndex>().QueryAsync([Kind], text, null, limit, CancellationToken.None);
    }

    [Theory]
    [BothDatabases]
    public async Task Every_morphology_pair_finds_its_text_through_the_index(string provider)
    {
        await using var app = OknoFactory.For(provider);
        var pairs = MorphologyTable.Pairs;
        await IndexAsync(app, pairs.Select((p, i) => ((long)i + 1, "", p.Text)).ToArray());

        var missed = new List<string>();
        for (var i = 0; i < pairs.Length; i++)
        {
            var hits = await QueryAsync(app, pairs[i].Query);
            if (hits.All(h => h.OwnerId != i + 1)) missed.Add($"{pairs[i].Query} -> {pairs[i].Text}");
        }
        Assert.Empty(missed);
        Assert.True(pairs.Length >= 23);
        Assert.Empty(await QueryAsync(app, "клавиатура"));
    }

    [Theory]
    [BothDatabases]
    public async Task A_title_hit_ranks_above_body_hits_however_often_the_body_repeats_the_word(string provider)
    {
        await using var app = OknoFactory.For(provider);
        await IndexAsync(app,
            (1, "Настройка сети", string.Join(' ', Enumerable.Repeat("роутер перезагружается, роутер мигает", 20))),
            (2, "Роутер не раздаёт интернет", "Здравствуйте, со вчерашнего дня нет интернета в офисе."),
            (3, "Другое", "роутер"));
        var hits = await QueryAsync(app, "роутеры");
        Assert.Equal(2, hits[0].OwnerId);
        Assert.Equal([1L, 2L, 3L], hits.Select(h => h.OwnerId).Order());
        Assert.True(hits[0].Rank > hits[1].Rank);
    }

    [Theory]
    [BothDatabases]
    public async Task Every_word_of_the_query_must_match(string provider)
    {
        await using var app = OknoFactory.For(provider);
        await IndexAsync(app, (1, "", "принтер не печатает"), (2, "", "принтер сломан"), (3, "", "printer prints nothing"));
        Assert.Equal([1L], (await QueryAsync(app, "Принтеры печатают")).Select(h => h.OwnerId));
        Assert.Equal([1L, 2L], (await QueryAsync(app, "принтера")).Select(h => h.OwnerId).Order());
        Assert.Equal([3L], (await QueryAsync(app, "printing printers")).Select(h => h.OwnerId));
    }

    [Theory]
    [BothDatabases]
    public async Task Hostile_queries_return_a_list_never_an_error(string provider)
    {
        await using var app = OknoFactory.For(provider);
        await IndexAsync(app, (1, "Принтер", "принтер не печатает NEAR окна; DROP TABLE"), (2, "", "AND OR NOT \"quoted\" (x) *"));
        foreach (var query in MorphologyTable.HostileQueries)
        {
            var exception = await Record.ExceptionAsync(() => QueryAsync(app, query));
            Assert.True(exception is null, $"'{query[..Math.Min(40, query.Length)]}' failed: {exception}");
        }
        Assert.Contains(1L, (await QueryAsync(app, "((принтер\" AND *")).Select(h => h.OwnerId));
        Assert.Contains(1L, (await QueryAsync(app, "NEAR(принтер")).Select(h => h.OwnerId));
    }

    [Theory]
    [BothDatabases]
    public async Task A_mistyped_word_is_corrected_to_the_nearest_indexed_word_when_nothing_matches(string provider)
    {
        await using var app = OknoFactory.For(provider);
        await IndexAsync(app, (1, "", "принтер не печатает"), (2, "", "printer is broken"), (3, "", "монитор мигает"));
        Assert.Equal(["broken", "printer", "мига", "монитор", "печата", "принтер"],
            (await app.WithDbAsync(db => db.SearchTerms.Select(t => t.Term).ToListAsync())).Order(StringComparer.Ordinal));
        Assert.Equal([1L], (await QueryAsync(app, "принтр")).Select(h => h.OwnerId));
        Assert.Equal([1L], (await QueryAsync(app, "пинтеры печатает")).Select(h => h.OwnerId));
        Assert.Equal([2L], (await QueryAsync(app, "pirnter")).Select(h => h.OwnerId));
        Assert.Equal([2L], (await QueryAsync(app, "printr brokn")).Select(h => h.OwnerId));
        Assert.Equal([3L], (await QueryAsync(app, "мониор")).Select(h => h.OwnerId));
        Assert.Empty(await QueryAsync(app, "клавиатура"));
        Assert.Empty(await QueryAsync(app, "зебра"));
    }

    [Theory]
    [BothDatabases]
    public async Task Upsert_replaces_an_entry_and_remove_deletes_it(string provider)
    {
        await using var app = OknoFactory.For(provider);
        await IndexAsync(app, (1, "", "старый текст про сканер"));
        await IndexAsync(app, (1, "", "новый текст про принтер"));
        Assert.Empty(await QueryAsync(app, "сканер"));
        Assert.Equal([1L], (await QueryAsync(app, "принтер")).Select(h => h.OwnerId));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
            var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
            await db.WriteAsync(async ct => { await index.RemoveAsync(Kind, 1, ct); return 0; }, CancellationToken.None);
        }
        Assert.Empty(await QueryAsync(app, "принтер"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SearchEntries.CountAsync()));
    }

    [Theory]
    [BothDatabases]
    public async Task A_kind_filter_and_a_language_filter_narrow_the_hits(string provider)
    {
        await using var app = OknoFactory.For(provider);
        await IndexAsync(app, (1, "", "сервер упал"), (2, "", "server is down"));
        await using var scope = app.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        Assert.Empty(await index.QueryAsync(["article"], "сервер", null, 10, CancellationToken.None));
        Assert.Equal([1L], (await index.QueryAsync([Kind], "сервер", "ru", 10, CancellationToken.None)).Select(h => h.OwnerId));
        Assert.Empty(await index.QueryAsync([Kind], "сервер", "en", 10, CancellationToken.None));
    }

    [Theory]
    [BothDatabases]
    public async Task A_word_in_more_entries_than_are_ranked_still_ranks_the_newest_title_hit_first(string provider)
    {
        await using var app = OknoFactory.For(provider);
        // More body hits than SearchIndex ranks, then a title hit, plus the same word under another kind (more of them
        // than the bound too), which a search for this kind must neither return nor count against its bound.
        var bodies = Enumerable.Range(1, SearchIndex.Candidates + 100).Select(i => ((long)i, $"заявка {i}", "принтер не печатает")).ToArray();
        await IndexAsync(app, bodies);
        await IndexAsync(app, (50_000, "Принтер в бухгалтерии", "очередь печати"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDb>();
            var index = scope.ServiceProvider.GetRequiredService<SearchIndex>();
            await db.WriteAsync(async ct =>
            {
                for (var i = 1; i <= SearchIndex.Candidates + 10; i++) await index.UpsertAsync("test_other", i, "ru", "принтер", "принтер", ct);
                return 0;
            }, CancellationToken.None);
        }

        var hits = await QueryAsync(app, "принтеры", limit: 20);
        Assert.Equal(20, hits.Count);
        Assert.Equal(50_000, hits[0].OwnerId);
        Assert.All(hits, h => Assert.Equal(Kind, h.Kind));
        await using var check = app.Services.CreateAsyncScope();
        var others = await check.ServiceProvider.GetRequiredService<SearchIndex>().QueryAsync(["test_other"], "принтер", null, 5, CancellationToken.None);
        Assert.Equal(5, others.Count);
        Assert.All(others, h => Assert.Equal("test_other", h.Kind));
    }
}
