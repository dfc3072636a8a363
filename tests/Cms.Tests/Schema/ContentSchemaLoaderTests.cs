using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Tests.Schema;

public sealed class ContentSchemaLoaderTests
{
    public static TheoryData<string> InvalidCases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(TestSchema.SpecPath("invalid")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Load_InvalidSchema_ReportsTheRuleWithFileLineAndPath(string rule)
    {
        var folder = TestSchema.SpecPath(Path.Combine("invalid", rule));
        var expected = File.ReadAllText(Path.Combine(folder, "expected.txt")).Trim();

        var result = ContentSchemaLoader.Load(folder, new PropertyEditorCollection(BuiltInPropertyEditors.Create()));

        Assert.False(result.IsValid);
        Assert.Null(result.Schema);
        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)),
            $"Expected a problem containing:\n  {expected}\nGot:\n  {string.Join("\n  ", problems)}");
    }

    [Fact]
    public void Load_ValidSchema_HasNoProblems()
    {
        var result = ContentSchemaLoader.Load(TestSchema.SpecPath("valid"), new PropertyEditorCollection(BuiltInPropertyEditors.Create()));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(["fr-FR", "en-US"], result.Schema!.Cultures);
        Assert.Equal(["home", "note", "quote", "quoteSettings", "resource", "seo"], result.Schema.DocumentTypes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["file", "folder", "image"], result.Schema.MediaTypes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_TypeWithComposition_PutsCompositionPropertiesFirst()
    {
        var resource = TestSchema.Current.GetDocumentType("resource")!;

        Assert.Equal("metaTitle", resource.Properties[0].Alias);
        Assert.Equal("summary", resource.Properties[1].Alias);
        Assert.Equal(["seo"], resource.Compositions);
        Assert.Equal("document-types/resource.json", resource.SourceFile);
    }

    [Fact]
    public void Load_InvariantType_NeverVariesByCulture()
    {
        var note = TestSchema.Current.GetDocumentType("note")!;

        Assert.All(note.Properties, p => Assert.False(p.VariesByCulture));
        Assert.True(TestSchema.Property("metaTitle", "home").VariesByCulture);
    }

    [Fact]
    public void Load_Taxonomy_ReadsTermsAndCodes()
    {
        var missions = TestSchema.Current.GetTaxonomy("missions")!;

        Assert.Equal(3, missions.Terms.Count);
        Assert.Equal("35238", missions.Terms[2].Code);
        Assert.Equal("cooperation", missions.Find("COOPERATION")!.Alias);
        Assert.Equal("amelioration", missions.Find("Improvement")!.Alias);
    }

    [Fact]
    public void Load_MediaType_LowerCasesExtensions()
    {
        Assert.Equal(["jpg", "png"], TestSchema.Current.GetMediaType("image")!.FileExtensions);
    }

    [Fact]
    public void Load_PropertyWithoutConfig_HasEmptyObjectConfig()
    {
        Assert.Equal(System.Text.Json.JsonValueKind.Object, TestSchema.Property("author", "quote").Config.ValueKind);
    }

    [Fact]
    public void Load_NoSettingsFile_DefaultsToFrenchThenEnglish()
    {
        var folder = Directory.CreateTempSubdirectory("schema-");
        try
        {
            var result = ContentSchemaLoader.Load(folder.FullName, new PropertyEditorCollection(BuiltInPropertyEditors.Create()));

            Assert.True(result.IsValid);
            Assert.Equal("fr-FR", result.Schema!.DefaultCulture);
            Assert.Equal(["fr-FR", "en-US"], result.Schema.Cultures);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_SeveralProblems_ReportsAllOfThem()
    {
        var folder = TestSchema.SpecPath(Path.Combine("invalid", "composition-cycle"));
        var other = TestSchema.SpecPath(Path.Combine("invalid", "unknown-key"));

        Assert.Single(ContentSchemaLoader.Load(folder, new PropertyEditorCollection(BuiltInPropertyEditors.Create())).Problems);
        Assert.NotEmpty(ContentSchemaLoader.Load(other, new PropertyEditorCollection(BuiltInPropertyEditors.Create())).Problems);
    }

    [Fact]
    public void Load_MissingFolder_ReportsIt()
    {
        var result = ContentSchemaLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-schema-" + Guid.NewGuid()), new PropertyEditorCollection([]));

        Assert.Contains("does not exist", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }
}
