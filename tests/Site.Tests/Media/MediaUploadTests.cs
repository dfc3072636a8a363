using PoleKnowledge.Site.Tests.Infrastructure;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Site.Tests.Media;

/// <summary>Uploads through the management API: accepted formats by their bytes, refusals, GPS stripping, text extraction.</summary>
public sealed class MediaUploadTests(MediaHubFixture hub) : IClassFixture<MediaHubFixture>
{
    [Theory]
    [InlineData("jpg")]
    [InlineData("png")]
    [InlineData("gif")]
    [InlineData("webp")]
    public async Task Upload_Image_StoresSizeAndExtension(string format)
    {
        var created = await hub.UploadImageAsync(MediaFiles.Image(format, 64, 48), $"Photo Été.{format}");
        Assert.Equal("image", created["mediaType"]!.GetValue<string>());
        Assert.Equal(format, created["extension"]!.GetValue<string>());
        Assert.Equal(64, created["width"]!.GetValue<int>());
        Assert.Equal(48, created["height"]!.GetValue<int>());
        Assert.EndsWith($"/photo-ete.{format}", created["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var original = await hub.Site.GetAsync(created["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(created["bytes"]!.GetValue<long>(), (await original.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    [InlineData("odt")]
    public async Task Upload_Document_StoredAsFileWithText(string format)
    {
        var content = format switch
        {
            "pdf" => MediaFiles.Pdf("L'économie sociale à Rennes"),
            "docx" => MediaFiles.Docx("L'économie sociale à Rennes"),
            _ => MediaFiles.Odt("L'économie sociale à Rennes"),
        };
        // The uploaded name's extension is wrong on purpose: the bytes decide.
        var (response, body) = await hub.UploadAsync(content, "rapport.bin", new Dictionary<string, string> { ["description"] = "Rapport annuel" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        Assert.Equal("file", body!["mediaType"]!.GetValue<string>());
        Assert.Equal(format, body["extension"]!.GetValue<string>());
        Assert.True(body["hasText"]!.GetValue<bool>());
        var text = await hub.Factory.Services.GetRequiredService<MediaStore>().GetTextAsync(body["key"]!.GetValue<Guid>());
        Assert.Contains("économie sociale", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ExecutableNamedPdf_Is415()
    {
        var (response, body) = await hub.UploadAsync([(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0], "rapport.pdf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.NotNull(body?["errors"]?["file"]);
    }

    [Fact]
    public async Task Upload_Svg_Is415()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var (response, body) = await hub.UploadAsync(svg, "logo.svg", new Dictionary<string, string> { ["altText"] = "Logo" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("SVG", body?["errors"]?["file"]?[0]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_26Megabytes_Is413()
    {
        var content = new byte[26 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(content);
        var (response, _) = await hub.UploadAsync(content, "gros.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Upload_PngHeaderClaiming50000Square_IsRefusedWithoutDecoding()
    {
        var (response, body) = await hub.UploadAsync(MediaFiles.PngHeader(50_000, 50_000), "bombe.png", new Dictionary<string, string> { ["altText"] = "x" });
        Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge, $"{response.StatusCode}: {body}");
        Assert.Contains("megapixels", body?["errors"]?["file"]?[0]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_TruncatedJpeg_Is4xxAndServerStaysHealthy()
    {
        var jpeg = MediaFiles.Image("jpg", 400, 300);
        var (response, _) = await hub.UploadAsync(jpeg[..(jpeg.Length / 2)], "coupee.jpg", new Dictionary<string, string> { ["altText"] = "x" });
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("ok", await hub.Site.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Upload_ImageWithoutAltText_Is422NamingAltText()
    {
        var (response, body) = await hub.UploadAsync(MediaFiles.Image("png"), "sans-alt.png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(body?["errors"]?["altText"]);
    }

    [Fact]
    public async Task Upload_JpegWithGps_OriginalHasNoGps()
    {
        var content = MediaFiles.JpegWithGps();
        Assert.True(MediaFiles.HasGps(content));
        var created = await hub.UploadImageAsync(content, "terrain.jpg");
        var stored = await hub.Site.GetByteArrayAsync(created["url"]!.GetValue<string>());
        Assert.False(MediaFiles.HasGps(stored));
    }

    [Fact]
    public async Task FoldersMoveDelete_TreeFollows()
    {
        var (folderResponse, folder) = await hub.Api.PostJsonAsync(MediaHubFixture.Media + "/folders", new { name = "Dossier A" });
        Assert.Equal(HttpStatusCode.Created, folderResponse.StatusCode);
        var (_, other) = await hub.Api.PostJsonAsync(MediaHubFixture.Media + "/folders", new { name = "Dossier B" });
        var folderKey = folder!["key"]!.GetValue<string>();
        var image = await hub.UploadImageAsync(MediaFiles.Image("png"), "dans-a.png", folderKey);
        var imageKey = image["key"]!.GetValue<string>();

        var (list, listed) = await hub.Api.GetJsonAsync($"{MediaHubFixture.Media}?parentKey={folderKey}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(1, listed!["total"]!.GetValue<int>());

        var (moved, movedBody) = await hub.Api.PutJsonAsync($"{MediaHubFixture.Media}/{imageKey}", new { parentKey = other!["key"]!.GetValue<string>(), properties = new { caption = "Légende" } });
        Assert.True(moved.StatusCode == HttpStatusCode.OK, $"{moved.StatusCode}: {movedBody}");
        Assert.Equal("Légende", movedBody!["properties"]!["caption"]!.GetValue<string>());
        var (intoImage, _) = await hub.Api.PutJsonAsync($"{MediaHubFixture.Media}/{folderKey}", new { parentKey = imageKey });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, intoImage.StatusCode);

        var (deleted, _) = await hub.Api.SendJsonAsync(HttpMethod.Delete, $"{MediaHubFixture.Media}/{other["key"]!.GetValue<string>()}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        await hub.Factory.CatchUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Api.GetAsync($"{MediaHubFixture.Media}/{imageKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Site.GetAsync(image["url"]!.GetValue<string>())).StatusCode);
    }
}
