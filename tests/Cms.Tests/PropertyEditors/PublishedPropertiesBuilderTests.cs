using System.Text;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.PropertyEditors;
using static PoleKnowledge.Cms.Tests.TestSchema;

namespace PoleKnowledge.Cms.Tests.PropertyEditors;

public sealed class PublishedPropertiesBuilderTests
{
    private const string GuideKey = "0b7d4e21-58c6-4f0e-9b61-3c2a9d7e4f10";

    [Fact]
    public void Build_Resource_OneEntryPerPropertyInDeclarationOrder()
    {
        var type = Current.GetDocumentType("resource")!;
        var invariant = JsonNode.Parse(J($"{{'pages':12,'related':'{GuideKey}'}}"))!.AsObject();
        var culture = JsonNode.Parse(J("{'metaTitle':'Guide été','body':'Du *texte*'}"))!.AsObject();

        var published = new PublishedPropertiesBuilder().Build(type, invariant, culture, PublishContext);

        Assert.Equal(type.Properties.Select(p => p.Alias), published.Select(p => p.Alias));
        var byAlias = published.ToDictionary(p => p.Alias);
        Assert.Equal("\"Guide été\"", Encoding.UTF8.GetString(byAlias["metaTitle"].Json));
        Assert.Equal("\"\\u003Cp\\u003EDu \\u003Cem\\u003Etexte\\u003C/em\\u003E\\u003C/p\\u003E\\n\"", Encoding.UTF8.GetString(byAlias["body"].Json));
        Assert.Equal("12", Encoding.UTF8.GetString(byAlias["pages"].Json));
        Assert.True(byAlias["related"].ResolvesAtRequestTime);
        Assert.False(byAlias["pages"].ResolvesAtRequestTime);
    }

    [Fact]
    public void Build_EmptyValues_PublishNullExceptMarkdown()
    {
        var type = Current.GetDocumentType("resource")!;

        var published = new PublishedPropertiesBuilder().Build(type, [], null, PublishContext).ToDictionary(p => p.Alias);

        Assert.Equal("null", Encoding.UTF8.GetString(published["summary"].Json));
        Assert.Equal("null", Encoding.UTF8.GetString(published["seeAlso"].Json));
        Assert.False(published["seeAlso"].ResolvesAtRequestTime);
        Assert.Equal("\"\"", Encoding.UTF8.GetString(published["body"].Json));
    }

    [Fact]
    public void Build_CultureVariantValueInInvariantBag_IsIgnored()
    {
        var type = Current.GetDocumentType("home")!;

        var published = new PublishedPropertiesBuilder().Build(type, new JsonObject { ["title"] = "mauvais sac" }, [], PublishContext);

        Assert.All(published, p => Assert.Equal("null", Encoding.UTF8.GetString(p.Json)));
    }
}
