using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Site.Tests.Infrastructure;
using PoleKnowledge.Site.Tests.Media;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>Image crops: the configured crops edited per image in the back office, delivered like Umbraco's, rendered by <c>crop=</c> URLs.</summary>
public sealed class BackOfficeMediaCropTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    private MediaStore Media => hub.Factory.Services.GetRequiredService<MediaStore>();

    private async Task<MediaItem> ImageAsync()
    {
        var outcome = await Media.CreateAsync(new MediaWrite
        {
            Content = MediaFiles.Image("png", 200, 100), FileName = "recadrage.png",
            Properties = new Dictionary<string, JsonNode?> { ["altText"] = JsonValue.Create("Un carré orange") },
        }, "tests");
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Item!;
    }

    private static string Url(Guid key) => $"/backoffice/medias/{key}";

    private static List<KeyValuePair<string, string>> Form(MediaItem item, params (string Crop, string X1, string Y1, string X2, string Y2)[] crops)
    {
        var fields = new List<KeyValuePair<string, string>> { new("name", item.Name), new("Revision", item.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("p.altText", "Un carré orange"), new("focalLeft", "0.5"), new("focalTop", "0.5") };
        foreach (var (crop, x1, y1, x2, y2) in crops)
        {
            fields.AddRange([new($"crop.{crop}.x1", x1), new($"crop.{crop}.y1", y1), new($"crop.{crop}.x2", x2), new($"crop.{crop}.y2", y2)]);
        }
        return fields;
    }

    [Fact]
    public async Task SaveCrops_Coordinates_StoredAndDeliveredAsUmbracoCrops()
    {
        var image = await ImageAsync();
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var page = await editor.GetStringAsync(Url(image.Key));
        Assert.Contains("<legend>vignette (480 × 320 px)</legend>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"crop.banniere.x1\"", page, StringComparison.Ordinal);

        using var response = await editor.PostAsync(Url(image.Key) + "?handler=Save", Form(image, ("vignette", "0.1", "0,2", "0.3", "0.1")), Url(image.Key));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await hub.Factory.CatchUpAsync();
        using var client = hub.Factory.CreateClient();
        using var delivered = JsonDocument.Parse(await client.GetStringAsync($"/umbraco/delivery/api/v2/media/item/{image.Key}"));
        var crops = delivered.RootElement.GetProperty("crops").EnumerateArray().ToDictionary(c => c.GetProperty("alias").GetString()!);
        Assert.Equal(["vignette", "banniere", "carre"], crops.Keys);
        Assert.Equal(480, crops["vignette"].GetProperty("width").GetInt32());
        Assert.Equal(320, crops["vignette"].GetProperty("height").GetInt32());
        var coordinates = crops["vignette"].GetProperty("coordinates");
        Assert.Equal(0.1m, coordinates.GetProperty("x1").GetDecimal());
        Assert.Equal(0.2m, coordinates.GetProperty("y1").GetDecimal());
        Assert.Equal(0.3m, coordinates.GetProperty("x2").GetDecimal());
        Assert.Equal(0.1m, coordinates.GetProperty("y2").GetDecimal());
        Assert.Equal(JsonValueKind.Null, crops["banniere"].GetProperty("coordinates").ValueKind);
        var again = await editor.GetStringAsync(Url(image.Key));
        Assert.Contains("id=\"crop-vignette-x2\" name=\"crop.vignette.x2\" inputmode=\"decimal\" value=\"0.3\"", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.6", "0", "0.5", "0")]
    [InlineData("0.1", "", "0.1", "0.1")]
    [InlineData("-0.1", "0", "0", "0")]
    [InlineData("abc", "0", "0", "0")]
    public async Task SaveCrops_BadCoordinates_422NextToTheCrop(string x1, string y1, string x2, string y2)
    {
        var image = await ImageAsync();
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);

        using var response = await editor.PostAsync(Url(image.Key) + "?handler=Save", Form(image, ("carre", x1, y1, x2, y2)), Url(image.Key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"crop-carre-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await Media.GetAsync(image.Key))!.Crops);
    }

    [Fact]
    public async Task CropUrl_Signed_RendersTheCroppedPart()
    {
        var image = await ImageAsync();
        var signer = hub.Factory.Services.GetRequiredService<MediaUrlSigner>();
        using var client = hub.Factory.CreateClient();

        using var cropped = await client.GetAsync(signer.SignUrl($"{image.Url}?crop=0.25,0,0.25,0.5&cropmode=percentage"));
        using var unsigned = await client.GetAsync($"{image.Url}?crop=0.25,0,0.25,0.5&cropmode=percentage");
        using var bad = await client.GetAsync(signer.SignUrl($"{image.Url}?crop=0.6,0,0.5,0"));

        Assert.Equal(HttpStatusCode.OK, cropped.StatusCode);
        var info = SixLabors.ImageSharp.Image.Identify(await cropped.Content.ReadAsByteArrayAsync());
        Assert.Equal(100, info.Width);
        Assert.Equal(50, info.Height);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("crop", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
