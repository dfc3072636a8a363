using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PoleKnowledge.Site.Tests.Infrastructure;
using PoleKnowledge.Site.Tests.Media;

namespace PoleKnowledge.Site.Tests.Search;

/// <summary>
/// The extracted text of an attached file is searchable with the item that links it, and follows the file:
/// when the medium changes (here: deleted), the items using it are re-indexed from the change feed.
/// </summary>
public sealed class SearchMediaTextTests : IAsyncLifetime, IDisposable
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
    public async Task MediaDeleted_ItemsLinkingItAreReindexedWithoutItsText()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(MediaFiles.Pdf("Guide du compostage partagé dans le quartier Bréquigny-Zorglubie"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "compostage.pdf");
        var upload = await _api.PostAsync(MediaFixturePath, form);
        var uploaded = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;
        Assert.True(upload.StatusCode == HttpStatusCode.Created, uploaded.ToJsonString());
        var mediaKey = uploaded["key"]!.GetValue<string>();
        await _factory.CatchUpAsync();

        const string name = "Fiche jardins partagés de quartier";
        var (created, json) = await _api.PostJsonAsync(ApiClientExtensions.Content, new
        {
            contentType = "resource",
            name,
            parent = "/ressources",
            publish = true,
            values = new Dictionary<string, object?>
            {
                ["resourceType"] = "guide",
                ["summary"] = "Des jardins cultivés ensemble par les habitants.",
                ["files"] = new[] { new { mediaKey } },
            },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {json}");
        await Wait.UntilAsync(async () => (await NamesAsync("zorglubie")).Contains(name), "the attachment's text is searchable");

        var deleted = await _api.DeleteAsync($"{MediaFixturePath}/{mediaKey}");
        Assert.True(deleted.IsSuccessStatusCode, $"{deleted.StatusCode}: {await deleted.Content.ReadAsStringAsync()}");
        await Wait.UntilAsync(async () => !(await NamesAsync("zorglubie")).Contains(name), "the deleted attachment's text is gone from the index", TimeSpan.FromSeconds(5));
        // The item itself stays searchable by its own text.
        Assert.Contains(name, await NamesAsync("jardins partagés"));
    }

    private const string MediaFixturePath = MediaHubFixture.Media;
}
