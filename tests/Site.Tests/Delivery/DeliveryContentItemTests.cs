using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary>The content item endpoints on the demo content: shapes, cultures, start items, redirects, sets, ETags, cost.</summary>
public sealed partial class DeliveryContentItemTests(DeliveryHubFixture hub) : IClassFixture<DeliveryHubFixture>
{
    private const string Item = DeliveryClient.Content + "/item";
    private const string Guide = Item + "/ressources/guide-agenda-21/";

    private HttpClient Client => hub.Client;

    [Fact]
    public async Task ByPath_Root_WritesTheItemInUmbracoMemberOrder()
    {
        var (response, body) = await Client.FetchAsync(Item + "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["contentType", "name", "createDate", "updateDate", "route", "id", "properties", "cultures"], body.Keys());
        Assert.Equal("home", (string?)body!["contentType"]);
        Assert.Equal("Accueil", (string?)body["name"]);
        Assert.Matches(DateZ(), (string?)body["createDate"]);
        Assert.Matches(DateZ(), (string?)body["updateDate"]);
        Assert.Matches(GuidD(), (string?)body["id"]);
        Assert.Equal(["path", "queryString", "startItem"], body["route"].Keys());
        Assert.Equal("/", (string?)body["route"]!["path"]);
        Assert.Equal((string?)body["id"], (string?)body["route"]!["startItem"]!["id"]);
        Assert.Equal(["fr-FR", "en-US"], body["cultures"].Keys());
        var vary = string.Join(", ", response.Headers.Vary);
        foreach (var header in new[] { "Accept-Language", "Preview", "Start-Item", "Api-Key" })
        {
            Assert.Contains(header, vary, StringComparison.Ordinal);
        }
        // The empty path is the root too, and by id gives the same bytes.
        Assert.Equal((string?)body["id"], (string?)(await Client.FetchAsync(Item)).Body?["id"]);
        var byId = await Client.GetStringAsync($"{Item}/{body["id"]}");
        Assert.Equal(await response.Content.ReadAsStringAsync(), byId);
    }

    [Fact]
    public async Task ByPath_Guide_PickerIsShallowAndNullsAreWritten()
    {
        var (response, body) = await Client.FetchAsync(Guide);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var properties = body!["properties"]!.AsObject();
        // Every property of the type is written, even when nothing resolves (media are not stored yet).
        Assert.True(properties.ContainsKey("cover"));
        var group = properties["producingGroup"]!;
        Assert.Equal(["contentType", "name", "createDate", "updateDate", "route", "id", "properties"], group.Keys());
        Assert.Equal("workingGroup", (string?)group["contentType"]);
        Assert.Equal("Agenda 21 associatif", (string?)group["name"]);
        Assert.Empty(group["properties"]!.AsObject());
        Assert.Equal("/ressources/guide-agenda-21/", (string?)body["route"]!["path"]);
        // Trailing slash optional, %2F-encoded paths decoded.
        Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(Item + "/ressources/guide-agenda-21")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(Item + "/ressources%2Fguide-agenda-21%2F")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.FetchAsync(Item + "/ressources/nope/")).Response.StatusCode);
    }

    [Fact]
    public async Task Expand_Picker_WritesThePickedItemsPropertiesWithItsOwnPickersShallow()
    {
        var (_, body) = await Client.FetchAsync(Guide + "?expand=properties[producingGroup]");
        var group = body!["properties"]!["producingGroup"]!["properties"]!;
        Assert.Equal("ep", (string?)group["modality"]);
        Assert.Equal(5, group["sessions"]!["items"]!.AsArray().Count);
        var outputs = group["outputs"]!.AsArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Empty(o!["properties"]!.AsObject()));

        var (_, deeper) = await Client.FetchAsync(Guide + "?expand=properties[producingGroup[properties[outputs]]]");
        var expandedOutputs = deeper!["properties"]!["producingGroup"]!["properties"]!["outputs"]!.AsArray();
        Assert.Contains(expandedOutputs, o => (string?)o!["properties"]!["resourceType"] == "guide");
        // The guide's own picker inside the expanded outputs stays shallow.
        var self = expandedOutputs.First(o => (string?)o!["name"] == "Guide Agenda 21")!;
        Assert.Empty(self["properties"]!["producingGroup"]!["properties"]!.AsObject());

        var (_, all) = await Client.FetchAsync(Guide + "?expand=properties[$all]");
        Assert.NotEmpty(all!["properties"]!["producingGroup"]!["properties"]!.AsObject());
    }

    [Fact]
    public async Task Fields_LimitsPropertiesAtEachLevel()
    {
        var (_, top) = await Client.FetchAsync(Guide + "?fields=properties[summary,producingGroup]");
        Assert.Equal(["summary", "producingGroup"], top!["properties"].Keys());
        Assert.Equal(["contentType", "name", "createDate", "updateDate", "route", "id", "properties", "cultures"], top.Keys());

        var (_, nested) = await Client.FetchAsync(Guide + "?expand=properties[producingGroup]&fields=properties[producingGroup[properties[capacity,sessions[properties[topic]]]]]");
        var group = nested!["properties"]!["producingGroup"]!["properties"]!;
        Assert.Equal(["capacity", "sessions"], group.Keys());
        Assert.All(group["sessions"]!["items"]!.AsArray(), s => Assert.Equal(["topic"], s!["content"]!["properties"].Keys()));

        // Limiting a level that is not expanded changes nothing visible.
        var (_, shallow) = await Client.FetchAsync(Guide + "?fields=properties[producingGroup[properties[capacity]]]");
        Assert.Empty(shallow!["properties"]!["producingGroup"]!["properties"]!.AsObject());
    }

    [Fact]
    public async Task Expand_ChainOfFourPickers_ExpandsEachLevelTheTreeReaches()
    {
        var d = await hub.CreateResourceAsync("Chaîne niveau D", publish: true);
        var c = await hub.CreateResourceAsync("Chaîne niveau C", publish: true, d["key"]!.GetValue<Guid>());
        var b = await hub.CreateResourceAsync("Chaîne niveau B", publish: true, c["key"]!.GetValue<Guid>());
        var a = await hub.CreateResourceAsync("Chaîne niveau A", publish: true, b["key"]!.GetValue<Guid>());
        var root = await hub.CreateResourceAsync("Chaîne racine", publish: true, a["key"]!.GetValue<Guid>());
        var expand = "properties[producingGroup[properties[producingGroup[properties[producingGroup[properties[producingGroup]]]]]]]";
        var (response, body) = await Client.FetchAsync($"{Item}/{root["key"]}?expand={expand}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var level = body!;
        foreach (var name in new[] { "Chaîne niveau A", "Chaîne niveau B", "Chaîne niveau C", "Chaîne niveau D" })
        {
            level = level["properties"]!["producingGroup"]!;
            Assert.Equal(name, (string?)level["name"]);
            Assert.NotEmpty(level["properties"]!.AsObject());
        }
        // D picks nothing: the key is written with null; one level less leaves D shallow.
        Assert.True(level["properties"]!.AsObject().ContainsKey("producingGroup"));
        Assert.Null(level["properties"]!["producingGroup"]);
        Assert.Null(level["properties"]!["date"]);
        var (_, three) = await Client.FetchAsync($"{Item}/{root["key"]}?expand=properties[producingGroup[properties[producingGroup[properties[producingGroup]]]]]");
        var fourth = three!["properties"]!["producingGroup"]!["properties"]!["producingGroup"]!["properties"]!["producingGroup"]!["properties"]!["producingGroup"]!;
        Assert.Equal("Chaîne niveau D", (string?)fourth["name"]);
        Assert.Empty(fourth["properties"]!.AsObject());
    }

    [Theory]
    [InlineData("expand", "[properties]")]
    [InlineData("expand", "properties[a")]
    [InlineData("expand", "properties[a]]")]
    [InlineData("expand", "properties[]")]
    [InlineData("fields", "properties[picker[]]")]
    [InlineData("fields", "properties[a]b")]
    public async Task MalformedTree_Is400ProblemDetails(string parameter, string value)
    {
        var (response, body) = await Client.FetchAsync($"{Guide}?{parameter}={Uri.EscapeDataString(value)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (int?)body!["status"]);
        Assert.Contains($"'{parameter}'", (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptLanguage_English_ReturnsTheEnglishNameAndBothRoutes()
    {
        var (_, english) = await Client.FetchAsync(Item + "/", ("Accept-Language", "en-US"));
        Assert.Equal("Home", (string?)english!["name"]);
        Assert.Equal(["fr-FR", "en-US"], english["cultures"].Keys());
        Assert.Equal("/", (string?)english["cultures"]!["en-US"]!["path"]);
        // Lower case is accepted; a browser-style list or an unknown culture falls back to the default culture.
        Assert.Equal("Home", (string?)(await Client.FetchAsync(Item + "/", ("Accept-Language", "en-us"))).Body!["name"]);
        Assert.Equal("Accueil", (string?)(await Client.FetchAsync(Item + "/", ("Accept-Language", "en-US,en;q=0.9"))).Body!["name"]);
        Assert.Equal("Accueil", (string?)(await Client.FetchAsync(Item + "/", ("Accept-Language", "de-DE"))).Body!["name"]);
    }

    [Fact]
    public async Task StartItem_ByKeyOrSegment_UnknownIs404()
    {
        var (_, home) = await Client.FetchAsync(Item + "/");
        var homeKey = (string)home!["id"]!;
        var segment = (string)home["route"]!["startItem"]!["path"]!;
        Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(Guide, ("Start-Item", homeKey))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(Guide, ("Start-Item", "/" + segment.ToUpperInvariant() + "/"))).Response.StatusCode);
        var (unknown, _) = await Client.FetchAsync(Guide, ("Start-Item", "nowhere"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("The Start-Item could not be found", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.FetchAsync($"{Item}/{homeKey}", ("Start-Item", Guid.NewGuid().ToString()))).Response.StatusCode);
        // A key that is not a root is not a start item.
        var (_, guide) = await Client.FetchAsync(Guide);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.FetchAsync(Guide, ("Start-Item", (string)guide!["id"]!))).Response.StatusCode);
    }

    [Fact]
    public async Task Rename_OldPathAnswers301WithStartItemHeaders()
    {
        var created = await hub.CreateResourceAsync("Guide avant renommage", publish: true);
        var key = created["key"]!.GetValue<Guid>();
        var (renamed, json) = await hub.Api.PutJsonAsync($"{ApiClientExtensions.Content}/{key}", new
        {
            name = "Guide après renommage", revision = created["revision"]!.GetValue<int>(), publish = true,
            values = new { resourceType = "guide", summary = "Résumé" },
        });
        Assert.True(renamed.IsSuccessStatusCode, json?.ToJsonString());
        await hub.Factory.CatchUpAsync();
        var (_, home) = await Client.FetchAsync(Item + "/");
        var (response, _) = await Client.FetchAsync(Item + "/ressources/guide-avant-renommage/");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/ressources/guide-apres-renommage/", response.Headers.Location?.OriginalString);
        Assert.Equal((string?)home!["route"]!["startItem"]!["path"], response.Headers.GetValues("Location-Start-Item-Path").Single());
        Assert.Equal((string?)home["id"], response.Headers.GetValues("Location-Start-Item-Id").Single());
        Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(Item + "/ressources/guide-apres-renommage/")).Response.StatusCode);
    }

    [Fact]
    public async Task Items_SetSemantics_MissingOmitted_MalformedIs400()
    {
        var guide = (string)(await Client.FetchAsync(Guide)).Body!["id"]!;
        var home = (string)(await Client.FetchAsync(Item + "/")).Body!["id"]!;
        var (response, body) = await Client.FetchAsync($"{DeliveryClient.Content}/items?id={guide}&id={home}&id={guide.ToUpperInvariant()}&id={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([guide, home], body!.AsArray().Select(i => (string)i!["id"]!));
        Assert.Empty((await Client.FetchAsync($"{DeliveryClient.Content}/items")).Body!.AsArray());
        var (bad, problem) = await Client.FetchAsync($"{DeliveryClient.Content}/items?id={guide}&id=nope");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("id"));
    }

    [Fact]
    public async Task DisallowedContentType_IsNotFound()
    {
        var (response, body) = await Client.FetchAsync(Item + "/financements/garantie-solidaire-de-pret/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (int?)body!["status"]);
        // Its section is allowed.
        Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(Item + "/financements/")).Response.StatusCode);
    }

    [Fact]
    public async Task ETag_IfNoneMatch_Answers304()
    {
        var (first, _) = await Client.FetchAsync(Guide);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        var (second, _) = await Client.FetchAsync(Guide, ("If-None-Match", etag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(Guide, ("If-None-Match", "\"other\""))).Response.StatusCode);
        // Another shape is another representation.
        Assert.NotEqual(etag, (await Client.FetchAsync(Guide + "?expand=properties[$all]")).Response.Headers.ETag);
    }

    [Fact]
    public async Task PublishedItems_RunZeroDatabaseCommands()
    {
        var guide = (string)(await Client.FetchAsync(Guide)).Body!["id"]!;
        string[] urls = [Item + "/", Guide, $"{Item}/{guide}", Guide + "?expand=properties[$all]", $"{DeliveryClient.Content}/items?id={guide}", Item + "/groupes-de-travail/agenda-21-associatif/"];
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(url)).Response.StatusCode);
        }
        using (hub.Factory.Commands.Measure())
        {
            foreach (var url in urls)
            {
                Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(url, ("Accept-Language", "fr-FR"))).Response.StatusCode);
            }
            Assert.Equal(0, hub.Factory.Commands.Count);
        }
    }

    [Fact]
    public async Task Preview_RendersTheDraftWithTheKeyOnly()
    {
        var draft = await hub.CreateResourceAsync("Brouillon à prévisualiser", publish: false);
        var key = draft["key"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NotFound, (await Client.FetchAsync($"{Item}/{key}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.FetchAsync($"{Item}/{key}", ("Preview", "true"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.FetchAsync($"{Item}/{key}", ("Preview", "true"), ("Api-Key", "wrong"))).Response.StatusCode);
        var (response, body) = await Client.FetchAsync($"{Item}/{key}", ("Preview", "TRUE"), ("Api-Key", DeliveryHubFixture.ApiKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Brouillon à prévisualiser", (string?)body!["name"]);
        Assert.Equal($"/preview-{key:D}/", (string?)body["route"]!["path"]);
        Assert.Equal("Résumé : Brouillon à prévisualiser", (string?)body["properties"]!["summary"]);
        var (byPath, _) = await Client.FetchAsync($"{Item}/preview-{key:D}", ("Preview", "true"), ("Api-Key", DeliveryHubFixture.ApiKey));
        Assert.Equal(HttpStatusCode.OK, byPath.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.FetchAsync($"{Item}/preview-{key:D}")).Response.StatusCode);
        // A key without preview is published content as usual (public access).
        Assert.Equal(HttpStatusCode.OK, (await Client.FetchAsync(Guide, ("Api-Key", "wrong"))).Response.StatusCode);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")]
    private static partial Regex DateZ();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex GuidD();
}
