using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Site.Tests.Delivery.Contracts;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Media;

/// <summary>Image URLs (presets, signatures, disk cache, ETags), path traversal, the Delivery API media endpoints and media pickers.</summary>
public sealed class MediaDeliveryTests(MediaHubFixture hub) : IClassFixture<MediaHubFixture>
{
    private const string Delivery = "/umbraco/delivery/api/v2/media";

    [Fact]
    public async Task Variant_PresetWidth_ServedWithoutHmac()
    {
        var image = await hub.UploadImageAsync(MediaFiles.Image("jpg", 800, 600), "preset.jpg");
        var response = await hub.Site.GetAsync(image["url"]!.GetValue<string>() + "?width=320&v=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((320, 240), MediaFiles.Size(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains("max-age=31536000", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variant_SmallOfALargeJpeg_RenderedFromOneHalfSizeWorkingCopy()
    {
        var image = await hub.UploadImageAsync(MediaFiles.Image("jpg", 2400, 1600), "grande-photo.jpg");
        var url = image["url"]!.GetValue<string>();
        var signer = hub.Factory.Services.GetRequiredService<MediaUrlSigner>();

        // 320 wide needs at least 640 of source: a copy at half size (1200 × 800) serves it, made once for both variants.
        var first = await hub.Site.GetAsync(url + "?width=320");
        var second = await hub.Site.GetAsync(signer.SignUrl(url + "?width=300&height=300&rmode=crop"));
        Assert.Equal((320, 213), MediaFiles.Size(await first.Content.ReadAsByteArrayAsync()));
        Assert.Equal((300, 300), MediaFiles.Size(await second.Content.ReadAsByteArrayAsync()));
        var folder = MediaVariantCache.FolderOf(hub.Factory.Services.GetRequiredService<PoleKnowledge.Cms.Hosting.HubPaths>(), Guid.Parse(image["key"]!.GetValue<string>()));
        var copy = Assert.Single(Directory.GetFiles(folder, "working-*.jpg"));
        Assert.EndsWith("-2.jpg", copy, StringComparison.Ordinal);
        Assert.Equal((1200, 800), MediaFiles.Size(await File.ReadAllBytesAsync(copy)));

        // A large variant still comes from the original.
        var large = await hub.Site.GetAsync(url + "?width=1280");
        Assert.Equal((1280, 853), MediaFiles.Size(await large.Content.ReadAsByteArrayAsync()));
        Assert.Single(Directory.GetFiles(folder, "working-*.jpg"));
    }

    [Fact]
    public async Task File_RightAfterUpload_ServedBeforeTheMediaCacheCatchesUp()
    {
        // No catch-up wait: the URL the upload answers with must work for the very next request.
        var (response, body) = await hub.UploadAsync(MediaFiles.Pdf("Compte rendu de la réunion"), "compte-rendu.pdf");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = await hub.Site.GetAsync(body!["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        // An unknown key is still a 404.
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Site.GetAsync($"/media/{Guid.NewGuid()}/compte-rendu.pdf")).StatusCode);
    }

    [Fact]
    public async Task Variant_NotPresetWithoutHmac_Is400()
    {
        var image = await hub.UploadImageAsync(MediaFiles.Image("png", 300, 200), "libre.png");
        var response = await hub.Site.GetAsync(image["url"]!.GetValue<string>() + "?width=123");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hmac", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variant_SignedUrl_RightSizeCachedOnDiskWithEtag()
    {
        var image = await hub.UploadImageAsync(MediaFiles.Image("png", 300, 200), "signee.png");
        var signer = hub.Factory.Services.GetRequiredService<MediaUrlSigner>();
        var variants = hub.Factory.Services.GetRequiredService<MediaVariantCache>();
        var url = signer.SignUrl(image["url"]!.GetValue<string>() + "?width=100&height=100&rmode=crop&format=webp");

        var before = variants.RenderCount;
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => hub.Site.GetAsync(url)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before + 1, variants.RenderCount);
        var first = responses[0];
        Assert.Equal("image/webp", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal((100, 100), MediaFiles.Size(await first.Content.ReadAsByteArrayAsync()));

        var second = await hub.Site.GetAsync(url);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(before + 1, variants.RenderCount);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await hub.Site.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Variant_TamperedSignature_Is400()
    {
        var image = await hub.UploadImageAsync(MediaFiles.Image("png", 300, 200), "falsifiee.png");
        var url = hub.Factory.Services.GetRequiredService<MediaUrlSigner>().SignUrl(image["url"]!.GetValue<string>() + "?width=100");
        Assert.Equal(HttpStatusCode.BadRequest, (await hub.Site.GetAsync(url.Replace("width=100", "width=101", StringComparison.Ordinal))).StatusCode);
    }

    [Theory]
    [InlineData("/{key}/..%2f..%2fhub.db")]
    [InlineData("/{key}/..%2fcache%2fpublished.snapshot")]
    [InlineData("/..%2f..%2fhub.db/x")]
    [InlineData("/{key}/%2e%2e%2f%2e%2e%2fhub.db")]
    public async Task File_PathTraversal_Is4xx(string suffix)
    {
        var image = await hub.UploadImageAsync(MediaFiles.Image("png"), "cible.png");
        var response = await hub.Site.GetAsync("/media" + suffix.Replace("{key}", image["key"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task DeliveryEndpoints_FolderAndImage_Shapes()
    {
        var folderName = "Photos " + Guid.NewGuid().ToString("N")[..6];
        var (_, folder) = await hub.Api.PostJsonAsync(MediaHubFixture.Media + "/folders", new { name = folderName });
        var folderKey = folder!["key"]!.GetValue<string>();
        var image = await hub.UploadImageAsync(MediaFiles.Image("jpg", 120, 80), "phare.jpg", folderKey, "Phare");
        var key = image["key"]!.GetValue<string>();

        var byId = await GetJsonAsync($"{Delivery}/item/{key}");
        Assert.Equal(["path", "createDate", "updateDate", "focalPoint", "crops", "id", "name", "mediaType", "url", "extension", "width", "height", "bytes", "properties"], byId.AsObject().Select(p => p.Key));
        Assert.Equal($"/{folderName.ToLowerInvariant()}/phare/", byId["path"]!.GetValue<string>());
        Assert.Equal("image", byId["mediaType"]!.GetValue<string>());
        Assert.Equal(120, byId["width"]!.GetValue<int>());
        Assert.Equal("Une photo de test", byId["properties"]!["altText"]!.GetValue<string>());

        var byPath = await GetJsonAsync($"{Delivery}/item/{Uri.EscapeDataString(folderName.ToLowerInvariant())}/phare/");
        Assert.Equal(key, byPath["id"]!.GetValue<string>());

        var items = await GetJsonAsync($"{Delivery}/items?id={key}&id={folderKey}&id={Guid.NewGuid()}&id={key}");
        Assert.Equal(2, items.AsArray().Count);
        var folderJson = items[1]!;
        Assert.Equal("folder", folderJson["mediaType"]!.GetValue<string>());
        Assert.Equal("", folderJson["url"]!.GetValue<string>());
        Assert.Null(folderJson["width"]);

        var children = await GetJsonAsync($"{Delivery}?fetch=children:{folderKey}");
        Assert.Equal(1, children["total"]!.GetValue<int>());

        // Umbraco's published JSON schemas accept every shape: item (image and folder), batch, page.
        Assert.Empty(UmbracoContractSchemas.Validate("ApiMediaWithCropsResponseModel", byId.ToJsonString()));
        Assert.Empty(UmbracoContractSchemas.Validate("ApiMediaWithCropsResponseModel", items.ToJsonString(), array: true));
        Assert.Empty(UmbracoContractSchemas.Validate("PagedIApiMediaWithCropsResponseModel", children.ToJsonString()));
        var byName = await GetJsonAsync($"{Delivery}?fetch=children:/{Uri.EscapeDataString(folderName)}/&take=5");
        Assert.Equal(key, byName["items"]![0]!["id"]!.GetValue<string>());
        var root = await GetJsonAsync($"{Delivery}?fetch=children:/&filter=mediaType:folder");
        Assert.Contains(root["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == folderKey);

        var bad = await hub.Site.GetAsync($"{Delivery}?fetch=ancestors:{key}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Selector option not found", JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Site.GetAsync($"{Delivery}/item/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task MediaPicker_ResourceCover_DeliversMediaReference()
    {
        var image = await hub.UploadImageAsync(MediaFiles.Image("png", 90, 60), "couverture.png");
        var mediaKey = image["key"]!.GetValue<Guid>();
        var (response, created) = await hub.Api.PostJsonAsync(ApiClientExtensions.Content, new
        {
            contentType = "resource",
            name = "Ressource avec couverture " + Guid.NewGuid().ToString("N")[..6],
            parent = "/ressources",
            publish = true,
            values = new Dictionary<string, object?>
            {
                ["resourceType"] = "guide", ["summary"] = "Résumé", ["body"] = "Texte.",
                ["cover"] = new[] { new { mediaKey } },
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {created}");
        await hub.Factory.CatchUpAsync();

        var services = hub.Factory.Services;
        var cache = services.GetRequiredService<PublishedContentCache>();
        var schema = services.GetRequiredService<ContentSchemaHolder>().Schema;
        var item = cache.Get(created!["key"]!.GetValue<Guid>())!;
        using var document = DeliveryContentWriter.ToDocument(cache, schema, item, schema.DefaultCulture, services.GetRequiredService<PublishedMediaCache>());
        var cover = document.RootElement.GetProperty("properties").GetProperty("cover");
        Assert.Equal(1, cover.GetArrayLength());
        var reference = cover[0];
        Assert.Equal(["focalPoint", "crops", "id", "name", "mediaType", "url", "extension", "width", "height", "bytes", "properties"], reference.EnumerateObject().Select(p => p.Name));
        Assert.Equal(mediaKey, reference.GetProperty("id").GetGuid());
        Assert.Equal(image["url"]!.GetValue<string>(), reference.GetProperty("url").GetString());
        Assert.Equal(90, reference.GetProperty("width").GetInt32());
        Assert.Equal(JsonValueKind.Object, reference.GetProperty("properties").ValueKind);

        // The public page renders too (the media reference goes through the page's JSON).
        var route = cache.GetRoute(item.Key, schema.DefaultCulture)!;
        Assert.Equal(HttpStatusCode.OK, (await hub.Site.GetAsync(route.TrimEnd('/') + "/")).StatusCode);
    }

    private async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await hub.Site.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }
}
