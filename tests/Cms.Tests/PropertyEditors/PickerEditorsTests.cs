using PoleKnowledge.Cms.Content;
using static PoleKnowledge.Cms.Tests.TestSchema;

namespace PoleKnowledge.Cms.Tests.PropertyEditors;

/// <summary>ContentPicker, MultiNodeTreePicker, MediaPicker3 and MultiUrlPicker: stored keys, resolved per request.</summary>
public sealed class PickerEditorsTests
{
    private const string GuideKey = "0b7d4e21-58c6-4f0e-9b61-3c2a9d7e4f10";
    private const string ImageKey = "c5d2b8e0-7f13-4a91-b6de-2e0f1a9c8d77";
    private const string MissingKey = "11111111-1111-1111-1111-111111111111";

    private readonly FakeReferenceWriter _references = new();

    public PickerEditorsTests()
    {
        _references.Content[Guid.Parse(GuideKey)] = ("resource", "Guide du bénévolat", "/ressources/guide/");
        _references.Media[Guid.Parse(ImageKey)] = ("Phare", "image", "/media/phare.jpg");
    }

    [Theory]
    [InlineData("'0B7D4E21-58C6-4F0E-9B61-3C2A9D7E4F10'")]
    [InlineData("'umb://document/0b7d4e2158c64f0e9b613c2a9d7e4f10'")]
    [InlineData("['0b7d4e21-58c6-4f0e-9b61-3c2a9d7e4f10']")]
    public void ContentPicker_Normalize_GuidOrUdi_StoresLowerCaseGuid(string given) =>
        Assert.Equal($"\"{GuideKey}\"", Stored("related", J(given)));

    [Fact]
    public void ContentPicker_Normalize_ImportKey_StoresDerivedKey() =>
        Assert.Equal($"\"{ContentKeys.FromImportKey("guide-benevolat"):D}\"", Stored("related", J("'guide-benevolat'")));

    [Theory]
    [InlineData("'Guide du bénévolat'")]
    [InlineData("42")]
    [InlineData("{'id': 1}")]
    public void ContentPicker_Normalize_NotAReference_Fails(string given) =>
        Assert.StartsWith("Expected a content reference", Error("related", J(given)), StringComparison.Ordinal);

    [Fact]
    public void ContentPicker_Resolve_PublishedTarget_WritesReference() =>
        Assert.Equal(
            J($"{{'contentType':'resource','name':'Guide du bénévolat','route':{{'path':'/ressources/guide/','queryString':null}},'id':'{GuideKey}','properties':{{}}}}"),
            Resolve("related", Publish("related", $"\"{GuideKey}\""), _references));

    [Fact]
    public void ContentPicker_Resolve_MissingTarget_WritesNull() =>
        Assert.Equal("null", Resolve("related", $"\"{MissingKey}\"", _references));

    [Fact]
    public void MultiNodeTreePicker_Normalize_SingleString_BecomesArray() =>
        Assert.Equal($"[\"{GuideKey}\"]", Stored("seeAlso", $"\"{GuideKey}\""));

    [Fact]
    public void MultiNodeTreePicker_Normalize_TooMany_Fails() =>
        Assert.Equal("Expected at most 3 items, got 4.", Error("seeAlso", J("['a','b','c','d']")));

    [Fact]
    public void MultiNodeTreePicker_Normalize_BadItem_NamesIndex() =>
        Assert.StartsWith("[1]: Expected a content reference", Error("seeAlso", J("['a', 'pas une clé']")), StringComparison.Ordinal);

    [Fact]
    public void MultiNodeTreePicker_Resolve_DropsMissingTargets() =>
        Assert.Equal(
            J($"[{{'contentType':'resource','name':'Guide du bénévolat','route':{{'path':'/ressources/guide/','queryString':null}},'id':'{GuideKey}','properties':{{}}}}]"),
            Resolve("seeAlso", $"[\"{MissingKey}\",\"{GuideKey}\"]", _references));

    [Fact]
    public void MultiNodeTreePicker_ResolveMediaMode_WritesMedia() =>
        Assert.Equal(
            J($"[{{'focalPoint':null,'id':'{ImageKey}','name':'Phare','mediaType':'image','url':'/media/phare.jpg'}}]"),
            Resolve("attachments", $"[\"{ImageKey}\"]", _references));

    [Fact]
    public void MediaPicker3_Normalize_BareReference_GetsDerivedItemKey()
    {
        var stored = Stored("cover", $"\"{ImageKey}\"");

        Assert.Equal(stored, Stored("cover", $"\"{ImageKey}\""));
        Assert.Contains($"\"mediaKey\":\"{ImageKey}\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void MediaPicker3_Normalize_ObjectWithFocalPoint_KeepsIt() =>
        Assert.Equal(
            J($"[{{'key':'{GuideKey}','mediaKey':'{ImageKey}','focalPoint':{{'left':0.5,'top':0.25}}}}]"),
            Stored("cover", J($"[{{'key':'{GuideKey}','mediaKey':'{ImageKey}','focalPoint':{{'left':0.5,'top':0.25}}}}]")));

    [Theory]
    [InlineData("[{'mediaKey':'a','focalPoint':{'left':2,'top':0}}]", "[0]: 'focalPoint' must be")]
    [InlineData("[{'media':'a'}]", "[0]: unknown key 'media'")]
    [InlineData("['a','b']", "Expected at most 1 item, got 2.")]
    public void MediaPicker3_Normalize_BadValue_Fails(string given, string message) =>
        Assert.StartsWith(message, Error("cover", J(given)), StringComparison.Ordinal);

    [Fact]
    public void MediaPicker3_Resolve_WritesArrayOfMedia() =>
        Assert.Equal(
            J($"[{{'focalPoint':{{'left':0.5,'top':0.25}},'id':'{ImageKey}','name':'Phare','mediaType':'image','url':'/media/phare.jpg'}}]"),
            Resolve("cover", J($"[{{'key':'{GuideKey}','mediaKey':'{ImageKey}','focalPoint':{{'left':0.5,'top':0.25}}}},{{'key':'{GuideKey}','mediaKey':'{MissingKey}'}}]"), _references));

    [Theory]
    [InlineData("'https://example.org/billets'", "[{'url':'https://example.org/billets'}]")]
    [InlineData("[{'title':'Plan','url':'/plan/','queryString':'tab=2','target':'_blank'}]", "[{'title':'Plan','url':'/plan/','queryString':'?tab=2','target':'_blank'}]")]
    [InlineData("[{'name':'Écrire','url':'mailto:contact@example.org'}]", "[{'title':'Écrire','url':'mailto:contact@example.org'}]")]
    [InlineData("[{'title':'Guide','contentKey':'0b7d4e21-58c6-4f0e-9b61-3c2a9d7e4f10'}]", "[{'title':'Guide','contentKey':'0b7d4e21-58c6-4f0e-9b61-3c2a9d7e4f10'}]")]
    public void MultiUrlPicker_Normalize_ValidLink_StoresIt(string given, string stored) =>
        Assert.Equal(J(stored), Stored("links", J(given)));

    [Theory]
    [InlineData("'javascript:alert(1)'", "[0]: 'url' must be an http(s), mailto: or tel: URL")]
    [InlineData("[{'url':' JaVa\\tScript:alert(1)'}]", "[0]: 'url' must be")]
    [InlineData("[{'url':'data:text/html;base64,PHNjcmlwdD4='}]", "[0]: 'url' must be")]
    [InlineData("[{'url':'relatif/sans-slash'}]", "[0]: 'url' must be")]
    [InlineData("[{'title':'x'}]", "[0]: a link needs exactly one of 'url', 'contentKey' or 'mediaKey', got none.")]
    [InlineData("[{'url':'/a','contentKey':'x'}]", "[0]: a link needs exactly one of 'url', 'contentKey' or 'mediaKey', got url and contentKey.")]
    [InlineData("[{'url':'/a','target':'nouvelle'}]", "[0]: 'target' must be one of _blank, _self, _parent, _top")]
    [InlineData("[{'url':'/a','href':'/b'}]", "[0]: unknown key 'href'")]
    public void MultiUrlPicker_Normalize_BadLink_Fails(string given, string message) =>
        Assert.StartsWith(message, Error("links", J(given)), StringComparison.Ordinal);

    [Fact]
    public void MultiUrlPicker_Resolve_WritesLinkObjectsAndDropsMissing() =>
        Assert.Equal(
            J("[" +
              $"{{'url':null,'queryString':'#carte','title':'Guide du bénévolat','target':null,'destinationId':'{GuideKey}','destinationType':'resource','route':{{'path':'/ressources/guide/','queryString':null}},'linkType':'Content'}}," +
              $"{{'url':'/media/phare.jpg','queryString':null,'title':'Phare','target':null,'destinationId':'{ImageKey}','destinationType':'image','route':null,'linkType':'Media'}}," +
              "{'url':'https://example.org/billets?x=1','queryString':'?x=1','title':'Billets','target':'_blank','destinationId':null,'destinationType':null,'route':null,'linkType':'External'}" +
              "]"),
            Resolve("links", J(
                $"[{{'contentKey':'{GuideKey}','queryString':'#carte'}},{{'contentKey':'{MissingKey}'}},{{'mediaKey':'{ImageKey}'}}," +
                "{'title':'Billets','url':'https://example.org/billets','queryString':'?x=1','target':'_blank'}]"), _references));
}
