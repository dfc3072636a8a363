using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Import;

namespace PoleKnowledge.Cms.Tests.Import;

public sealed class FrontMatterDocumentTests
{
    [Fact]
    public void Parse_TypesPlainScalarsAndKeepsQuotedOnesAsStrings()
    {
        var document = FrontMatterDocument.Parse("---\nname: \"Guide : bénévolat\"\npublish: false\ncapacity: 12\namount: 1500.50\nzip: \"35000\"\ncode: 035\ndate: 2027-03-15\nthemes: [benevolat, gouvernance]\nnothing: ~\n---\n# Titre\n\nCorps.\n");
        Assert.Equal("Guide : bénévolat", document.Fields["name"]!.GetValue<string>());
        Assert.False(document.Fields["publish"]!.GetValue<bool>());
        Assert.Equal(12, document.Fields["capacity"]!.GetValue<long>());
        Assert.Equal(1500.50, document.Fields["amount"]!.GetValue<double>());
        Assert.Equal("35000", document.Fields["zip"]!.GetValue<string>());
        Assert.Equal("035", document.Fields["code"]!.GetValue<string>()); // a leading zero is an identifier, not a number
        Assert.Equal("2027-03-15", document.Fields["date"]!.GetValue<string>());
        Assert.Equal(["benevolat", "gouvernance"], document.Fields["themes"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(document.Fields["nothing"]);
        Assert.Equal("# Titre\n\nCorps.\n", document.Body);
        Assert.Equal(8, document.Lines["date"]); // file lines: the opening --- is line 1
    }

    [Theory]
    [InlineData("Pas de front matter", "must start with a '---'")]
    [InlineData("---\nname: x\n", "not closed")]
    [InlineData("---\nname: [ouvert\n---\n", "invalid YAML")]
    [InlineData("---\nname: a\nname: b\n---\n", "line 3: invalid YAML: Duplicate key")]
    [InlineData("---\n- a\n- b\n---\n", "mapping")]
    public void Parse_BadInput_ThrowsAFormatExceptionSayingWhy(string text, string expected)
    {
        var exception = Assert.Throws<FormatException>(() => FrontMatterDocument.Parse(text));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CrLfAndBom_AreAccepted()
    {
        var document = FrontMatterDocument.Parse("\uFEFF---\r\nname: x\r\n---\r\nCorps\r\n");
        Assert.Equal("x", document.Fields["name"]!.GetValue<string>());
        Assert.Equal("Corps\n", document.Body);
    }

    [Fact]
    public void Parse_NestedMappings_BecomeJsonObjects()
    {
        var document = FrontMatterDocument.Parse("---\nlinks:\n  - title: Site\n    url: https://example.org\n---\n");
        var link = document.Fields["links"]!.AsArray()[0]!.AsObject();
        Assert.Equal("https://example.org", link["url"]!.GetValue<string>());
        Assert.IsType<JsonObject>(link);
    }
}
