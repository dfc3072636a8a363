using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Media;

/// <summary>One hub (demo content included) shared by the media tests: uploads do not collide, keys are new each time.</summary>
public sealed class MediaHubFixture : IAsyncLifetime
{
    public const string Media = "/api/management/v1/media";

    public HubFactory Factory { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public HttpClient Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new HubFactory();
        Api = await Factory.CreateApiClientAsync();
        Site = Factory.CreateClient(new() { AllowAutoRedirect = false });
        await Factory.CatchUpAsync();
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public async Task<(HttpResponseMessage Response, JsonObject? Body)> UploadAsync(byte[] content, string fileName, IDictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }
        var response = await Api.PostAsync(Media, form);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null);
    }

    /// <summary>Uploads an image with alt text, waits for the media cache, returns the created item.</summary>
    public async Task<JsonObject> UploadImageAsync(byte[] content, string fileName, string? parentKey = null, string? name = null)
    {
        var fields = new Dictionary<string, string> { ["altText"] = "Une photo de test" };
        if (parentKey is not null)
        {
            fields["parentKey"] = parentKey;
        }
        if (name is not null)
        {
            fields["name"] = name;
        }
        var (response, body) = await UploadAsync(content, fileName, fields);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        await Factory.CatchUpAsync();
        return body!;
    }
}
