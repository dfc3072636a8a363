using System.Text.Json.Nodes;
using PoleKnowledge.Cms.PropertyEditors;
using static PoleKnowledge.Cms.Tests.TestSchema;

namespace PoleKnowledge.Cms.Tests.PropertyEditors;

public sealed class DeliveryPropertiesWriterTests
{
    private const string GuideKey = "0b7d4e21-58c6-4f0e-9b61-3c2a9d7e4f10";

    [Fact]
    public void Write_StaticAndResolvingProperties_WritesPropertiesObject()
    {
        var type = Current.GetDocumentType("home")!;
        var published = new PublishedPropertiesBuilder().Build(type, [], JsonNode.Parse(J("{'title':'Accueil'}"))!.AsObject(), PublishContext);

        var json = Write(writer => DeliveryPropertiesWriter.Write(writer, type, published, new FakeReferenceWriter()));

        Assert.Equal(J("{'metaTitle':null,'title':'Accueil'}"), json);
    }

    [Fact]
    public void Write_OnlyAliases_FiltersAndResolvesPickers()
    {
        var type = Current.GetDocumentType("resource")!;
        var references = new FakeReferenceWriter();
        references.Content[Guid.Parse(GuideKey)] = ("resource", "Guide", "/guide/");
        var invariant = JsonNode.Parse(J($"{{'pages':3,'related':'{GuideKey}','seeAlso':['{GuideKey}']}}"))!.AsObject();
        var published = new PublishedPropertiesBuilder().Build(type, invariant, [], PublishContext);

        var json = Write(writer => DeliveryPropertiesWriter.Write(writer, type, published, references, new HashSet<string> { "pages", "related", "seeAlso" }));

        var reference = J($"{{'contentType':'resource','name':'Guide','route':{{'path':'/guide/','queryString':null}},'id':'{GuideKey}','properties':{{}}}}");
        Assert.Equal(J($"{{'pages':3,'related':{reference},'seeAlso':[{reference}]}}"), json);
    }

    [Fact]
    public void Write_PropertyNoLongerInType_IsSkipped()
    {
        var type = Current.GetDocumentType("home")!;
        PublishedProperty[] published = [new("gone", "1"u8.ToArray(), false), new("title", "\"T\""u8.ToArray(), false)];

        Assert.Equal(J("{'title':'T'}"), Write(writer => DeliveryPropertiesWriter.Write(writer, type, published, new FakeReferenceWriter())));
    }
}
