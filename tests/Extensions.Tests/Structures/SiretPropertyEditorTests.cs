using System.Text.Json.Nodes;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Extensions.Structures;

namespace PoleKnowledge.Extensions.Tests.Structures;

/// <summary>The pôle's SIRET editor: the schema needs it (an unknown editor stops start-up), and it validates on write.</summary>
public sealed class SiretPropertyEditorTests
{
    private static readonly string SchemaFolder = FindSchema();

    private static string FindSchema()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "content-schema");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("content-schema not found");
    }

    private static (ContentSchema Schema, PropertyEditorCollection Editors) Load()
    {
        var editors = new PropertyEditorCollection(BuiltInPropertyEditors.Create().Append(new SiretPropertyEditor()));
        var result = ContentSchemaLoader.Load(SchemaFolder, editors);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return (result.Schema!, editors);
    }

    [Fact]
    public void StructureProfileSchema_WithTheExtension_LoadsAndUsesPoleSiret()
    {
        var (schema, _) = Load();
        Assert.Equal("Pole.Siret", schema.GetDocumentType("structureProfile")!.GetProperty("siret")!.EditorAlias);
    }

    [Fact]
    public void ContentSchema_WithoutTheExtension_FailsNamingTheUnknownEditor()
    {
        var result = ContentSchemaLoader.Load(SchemaFolder, new PropertyEditorCollection(BuiltInPropertyEditors.Create()));
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.File.EndsWith("structureProfile.json", StringComparison.Ordinal) && p.Message.Contains("Pole.Siret", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadSiret_IsAFieldErrorOnSiret()
    {
        var (schema, editors) = Load();
        var type = schema.GetDocumentType("structureProfile")!;
        var result = new ContentValueValidator().Validate(type, new Dictionary<string, JsonNode?> { ["siret"] = "123 456 789 00011" }, new PropertyValueContext { Schema = schema, Editors = editors });
        Assert.False(result.IsValid);
        Assert.Equal("siret", Assert.Single(result.Errors).Field);
    }
}
