using System.Text.Json;
using static PoleKnowledge.Cms.Tests.TestSchema;

namespace PoleKnowledge.Cms.Tests.PropertyEditors;

public sealed class BlockListEditorTests
{
    private const string BlockKey = "5f3c0000-0000-4000-8000-000000000001";
    private const string SettingsKey = "a11e0000-0000-4000-8000-000000000002";
    private const string GuideKey = "0b7d4e21-58c6-4f0e-9b61-3c2a9d7e4f10";

    [Fact]
    public void Normalize_ValidBlock_StoresNormalisedValues() =>
        Assert.Equal(
            J($"{{'items':[{{'contentType':'quote','key':'{BlockKey}','values':{{'text':'Aller doucement.','link':'{GuideKey}'}},'settings':{{'contentType':'quoteSettings','key':'{SettingsKey}','values':{{'tone':'dark'}}}}}}]}}"),
            Stored("blocks", J($"[{{'contentType':'quote','key':'{BlockKey}','values':{{'text':'Aller doucement.','author':'','link':'{GuideKey.ToUpperInvariant()}'}},'settings':{{'key':'{SettingsKey}','values':{{'tone':'Sombre'}}}}}}]")));

    [Fact]
    public void Normalize_MissingKey_GeneratesOne()
    {
        var stored = JsonDocument.Parse(Stored("blocks", J("{'items':[{'contentType':'quote','values':{'text':'x'}}]}")));

        Assert.True(Guid.TryParse(stored.RootElement.GetProperty("items")[0].GetProperty("key").GetString(), out _));
    }

    [Fact]
    public void Normalize_NestedErrors_NamePathInsideTheList()
    {
        var error = Error("blocks", J("[{'contentType':'quote','values':{'text':'ok'}},{'contentType':'quote','values':{'author':'Anonyme','quote':'x'}}]"));

        Assert.Contains("items[1].values.quote: Unknown property 'quote' for element type 'quote'. Known: text, author, link.", error, StringComparison.Ordinal);
        Assert.Contains("items[1].values.text: 'Texte' (text) is required.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_NestedEditorError_IsPrefixed() =>
        Assert.Contains("items[0].values.link: Expected a content reference", Error("blocks", J("[{'contentType':'quote','values':{'text':'ok','link':'pas une clé'}}]")), StringComparison.Ordinal);

    [Theory]
    [InlineData("[{'contentType':'seo','values':{}}]", "items[0].contentType: expected one of the block types allowed here (quote), got \"seo\".")]
    [InlineData("[{'contentType':'quote','values':{'text':'x'},'settings':{'contentType':'seo','values':{}}}]", "items[0].settings.contentType: expected 'quoteSettings', got 'seo'.")]
    [InlineData("[{'contentType':'quote','value':{}}]", "items[0]: unknown key 'value'")]
    [InlineData("[{'contentType':'quote','values':{'text':'x'},'settings':{'values':{'tone':'rouge'}}}]", "items[0].settings.values.tone: [0]: Unknown value 'rouge'")]
    [InlineData("'texte'", "Expected {\"items\": [blocks]} or an array of blocks")]
    public void Normalize_BadBlock_Fails(string given, string message) =>
        Assert.StartsWith(message, Error("blocks", J(given)), StringComparison.Ordinal);

    [Fact]
    public void PublishAndResolve_WritesDeliveryShapeWithResolvedPickers()
    {
        var references = new FakeReferenceWriter();
        references.Content[Guid.Parse(GuideKey)] = ("resource", "Guide", "/guide/");
        var stored = J($"{{'items':[{{'contentType':'quote','key':'{BlockKey}','values':{{'text':'Aller doucement.','link':'{GuideKey}'}},'settings':{{'contentType':'quoteSettings','key':'{SettingsKey}','values':{{'tone':'dark'}}}}}}]}}");

        var published = Publish("blocks", stored);
        var resolved = Resolve("blocks", published, references);

        Assert.Equal(
            J($"{{'items':[{{'content':{{'contentType':'quote','id':'{BlockKey}','properties':{{'text':'Aller doucement.','author':null," +
              $"'link':{{'contentType':'resource','name':'Guide','route':{{'path':'/guide/','queryString':null}},'id':'{GuideKey}','properties':{{}}}}}}}}," +
              $"'settings':{{'contentType':'quoteSettings','id':'{SettingsKey}','properties':{{'tone':'dark'}}}}}}]}}"),
            resolved);
    }

    [Fact]
    public void GetIndexText_ConcatenatesNestedTexts()
    {
        var property = Property("blocks");
        using var document = JsonDocument.Parse(J($"{{'items':[{{'contentType':'quote','key':'{BlockKey}','values':{{'text':'Aller doucement.','author':'Anne'}},'settings':null}}]}}"));

        Assert.Equal("Aller doucement.\nAnne", property.Editor.GetIndexText(document.RootElement, property, Current));
    }
}
