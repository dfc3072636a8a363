using System.Text.Json.Nodes;
using PoleKnowledge.Cms.PropertyEditors;
using static PoleKnowledge.Cms.Tests.TestSchema;

namespace PoleKnowledge.Cms.Tests.PropertyEditors;

public sealed class ContentValueValidatorTests
{
    private readonly ContentValueValidator _validator = new();

    private static Dictionary<string, JsonNode?> Values(string json) =>
        JsonNode.Parse(J(json))!.AsObject().ToDictionary(p => p.Key, p => p.Value?.DeepClone());

    [Fact]
    public void Validate_ValidValues_ReturnsNormalisedValuesWithoutEmpties()
    {
        var result = _validator.Validate(Current.GetDocumentType("resource")!, Values("{'pages':'12','featured':'oui','summary':'','code':'ABC-12'}"), ValueContext);

        Assert.True(result.IsValid);
        Assert.Equal(J("{'pages':12,'featured':true,'code':'ABC-12'}"), result.Values.ToJsonString());
    }

    [Fact]
    public void Validate_UnknownAlias_ListsKnownProperties()
    {
        var result = _validator.Validate(Current.GetDocumentType("home")!, Values("{'titel':'x'}"), ValueContext);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new FieldError("titel", "Unknown property 'titel' for document type 'home'. Known: metaTitle, title."), error);
    }

    [Fact]
    public void Validate_RegexMismatch_UsesConfiguredMessage()
    {
        var result = _validator.Validate(Current.GetDocumentType("resource")!, Values("{'code':'abc'}"), ValueContext);

        Assert.Equal(new FieldError("code", "Expected a code such as ABC-12. (got 'abc')"), Assert.Single(result.Errors));
        Assert.Empty(result.Values);
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsEach()
    {
        var result = _validator.Validate(Current.GetDocumentType("resource")!, Values("{'pages':'x','contactEmail':'nope','featured':true}"), ValueContext);

        Assert.Equal(["pages", "contactEmail"], result.Errors.Select(e => e.Field));
        Assert.Equal(J("{'featured':true}"), result.Values.ToJsonString());
    }

    [Fact]
    public void CheckRequired_MissingValues_ReportsByVariance()
    {
        var home = Current.GetDocumentType("home")!;

        Assert.Equal(new FieldError("title", "'Titre' (title) is required."), Assert.Single(_validator.CheckRequired(home, [], [], variantOnly: false)));
        Assert.Empty(_validator.CheckRequired(home, [], null, variantOnly: false));
        Assert.Empty(_validator.CheckRequired(home, [], new JsonObject { ["title"] = "Accueil" }, variantOnly: true));
    }

    [Fact]
    public void CheckRequired_InvariantType_LooksInInvariantValues()
    {
        var note = Current.GetDocumentType("note")!;

        Assert.Single(_validator.CheckRequired(note, new JsonObject { ["text"] = " " }, null, variantOnly: false));
        Assert.Empty(_validator.CheckRequired(note, new JsonObject { ["text"] = "x" }, null, variantOnly: false));
        Assert.Empty(_validator.CheckRequired(note, [], null, variantOnly: true));
    }
}
