using System.Text.Json;
using static PoleKnowledge.Cms.Tests.TestSchema;

namespace PoleKnowledge.Cms.Tests.PropertyEditors;

/// <summary>Tags, DropDown.Flexible and CheckBoxList: closed lists and taxonomies.</summary>
public sealed class ChoiceEditorsTests
{
    [Theory]
    [InlineData("['amelioration', 'Coopération']", "['amelioration','cooperation']")]
    [InlineData("'Improvement'", "['amelioration']")]
    [InlineData("['formation', 'FORMATION']", "['formation']")]
    public void Tags_Normalize_TaxonomyAliasOrLabel_StoresAliases(string given, string stored) =>
        Assert.Equal(J(stored), Stored("missions", J(given)));

    [Fact]
    public void Tags_Normalize_UnknownTerm_ListsTerms() =>
        Assert.Equal("[1]: Unknown value 'jardinage': expected one of taxonomy 'missions' (amelioration, cooperation, formation).", Error("missions", J("['formation', 'jardinage']")));

    [Fact]
    public void Tags_Normalize_TooMany_Fails()
    {
        var property = Property("missions");
        var result = property.Editor.Normalize(System.Text.Json.Nodes.JsonNode.Parse(J("['a', 'b', 'c', 'd']")), property, ValueContext);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Tags_Normalize_FreeText_TrimsAndDeduplicates() =>
        Assert.Equal(J("['vélo','Covoiturage']"), Stored("keywords", J("[' vélo ', 'Covoiturage', 'VÉLO']")));

    [Fact]
    public void Tags_Publish_WritesArray() => Assert.Equal(J("['amelioration','formation']"), Publish("missions", J("['amelioration','formation']")));

    [Fact]
    public void Tags_GetIndexText_ReturnsLabels()
    {
        var property = Property("missions");
        using var document = JsonDocument.Parse(J("['amelioration','cooperation']"));

        Assert.Equal("Amélioration, Coopération", property.Editor.GetIndexText(document.RootElement, property, Current));
    }

    [Theory]
    [InlineData("'elus'", "'elus'")]
    [InlineData("'Élus'", "'elus'")]
    [InlineData("['agents']", "'agents'")]
    public void DropDown_Normalize_SingleValueOrLabel_StoresString(string given, string stored) =>
        Assert.Equal(J(stored), Stored("audience", J(given)));

    [Fact]
    public void DropDown_Normalize_UnknownValue_ListsItems() =>
        Assert.Equal("[0]: Unknown value 'maires': expected one of the configured items (elus, agents).", Error("audience", J("'maires'")));

    [Fact]
    public void DropDown_Normalize_SeveralValuesWhenSingle_Fails() =>
        Assert.StartsWith("Expected a single value, got 2", Error("audience", J("['elus', 'agents']")), StringComparison.Ordinal);

    [Fact]
    public void DropDown_Normalize_Multiple_StoresArray() =>
        Assert.Equal(J("['web','pdf']"), Stored("formats", J("['web', 'PDF']")));

    [Fact]
    public void DropDown_Publish_SingleAndMultiple_WriteStringAndArray()
    {
        Assert.Equal(J("'elus'"), Publish("audience", J("'elus'")));
        Assert.Equal(J("['pdf']"), Publish("formats", J("['pdf']")));
        Assert.Equal(J("['pdf']"), Publish("formats", J("'pdf'")));
    }

    [Fact]
    public void CheckBoxList_Normalize_Labels_StoresValues() =>
        Assert.Equal(J("['formation','amelioration']"), Stored("priorities", J("['Formation', 'amelioration']")));

    [Fact]
    public void CheckBoxList_Normalize_Unknown_Fails() =>
        Assert.Contains("Unknown value 'x'", Error("priorities", J("['x']")), StringComparison.Ordinal);

    [Fact]
    public void CheckBoxList_Publish_WritesArray() => Assert.Equal(J("['formation']"), Publish("priorities", J("['formation']")));
}
