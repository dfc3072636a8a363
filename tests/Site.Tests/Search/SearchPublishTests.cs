using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Search;

/// <summary>Publishing and unpublishing reach search within a second (near-real-time reader), and synonyms apply to new content.</summary>
public sealed class SearchPublishTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly HubFactory _factory = new();
    private HttpClient _client = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        _api = await _factory.CreateApiClientAsync();
        await _factory.CatchUpAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _api?.Dispose();
        _factory.Dispose();
    }

    private async Task<List<string>> NamesAsync(string query)
    {
        var json = JsonNode.Parse(await _client.GetStringAsync("/api/search/v1?take=20&q=" + Uri.EscapeDataString(query)))!;
        return [.. json["hits"]!.AsArray().Select(h => h!["name"]!.GetValue<string>())];
    }

    [Fact]
    public async Task PublishedItem_IsSearchableWithinOneSecond_AndGoneAfterUnpublish()
    {
        const string name = "Coopérative Zéphyrine des Landes";
        // Warm both paths first: the measure is the feed and the index, not the first request's JIT.
        Assert.Empty(await NamesAsync("zephyrine"));
        var (response, json) = await _api.PostJsonAsync(ApiClientExtensions.Content, new
        {
            contentType = "resource",
            name,
            parent = "/ressources",
            publish = true,
            values = new Dictionary<string, object?>
            {
                ["resourceType"] = "guide",
                ["summary"] = "Une société coopérative d'intérêt collectif qui associe habitants et collectivités.",
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {json}");
        // Measured from the committed publish (the API has answered) to the first search that finds it.
        var watch = Stopwatch.StartNew();
        while (!(await NamesAsync("zephyrine")).Contains(name))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "Not searchable after 5 s.");
            await Task.Delay(20);
        }
        var searchable = watch.Elapsed;
        output.WriteLine($"Publish to searchable: {searchable.TotalMilliseconds:0} ms");
        Assert.True(searchable < TimeSpan.FromSeconds(1), $"Searchable after {searchable.TotalMilliseconds:0} ms.");
        // The synonyms file: the acronym finds the item that only spells the words out.
        Assert.Contains(name, await NamesAsync("SCIC"));
        Assert.Contains(name, await NamesAsync("zéphyrine landes"));

        var key = json!["key"]!.GetValue<string>();
        var (unpublish, problem) = await _api.PostJsonAsync($"{ApiClientExtensions.Content}/{key}/unpublish", new { cultures = new[] { "fr-FR" } });
        Assert.True(unpublish.IsSuccessStatusCode, $"{unpublish.StatusCode}: {problem}");
        watch.Restart();
        while ((await NamesAsync("zephyrine")).Contains(name))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), "Still found 1 s after unpublishing.");
            await Task.Delay(20);
        }
    }
}
