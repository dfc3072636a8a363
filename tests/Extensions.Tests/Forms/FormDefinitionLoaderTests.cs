using PoleKnowledge.Extensions.Forms;

namespace PoleKnowledge.Extensions.Tests.Forms;

/// <summary>The form files are checked at start-up: the shipped ones load, and each broken rule is reported with its file and JSON path.</summary>
public sealed class FormDefinitionLoaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pk-forms-" + Guid.NewGuid().ToString("N"));

    public FormDefinitionLoaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ShippedFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "content-schema", "forms");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("content-schema/forms");
    }

    [Fact]
    public void Load_ShippedForms_HaveNoProblems()
    {
        var (forms, problems) = FormDefinitionLoader.Load(ShippedFolder());
        Assert.Empty(problems);
        Assert.Equal(["contact", "groupSignUp", "structureRegistration"], forms.Select(f => f.Alias).Order());
        Assert.Equal(2, forms.Single(f => f.Alias == "groupSignUp").Pages.Count);
    }

    [Theory]
    [InlineData("""{"type":"colour"}""", "$.pages[0].fields[0].type", "Unknown field type")]
    [InlineData("""{"type":"shortAnswer","pattern":"[a-"}""", "$.pages[0].fields[0].pattern", "Invalid regular expression")]
    [InlineData("""{"type":"dropdown"}""", "$.pages[0].fields[0].preValues", "needs 'preValues'")]
    [InlineData("""{"type":"fileUpload","fileUploadOptions":{"allowedUploadExtensions":["exe"]}}""", "allowedUploadExtensions", "cannot be checked")]
    [InlineData("""{"type":"shortAnswer","condition":{"actionType":"Show","logicType":"All","rules":[{"field":"ghost","operator":"Is","value":"x"}]}}""", "rules[0].field", "'ghost' is not a field")]
    [InlineData("""{"type":"shortAnswer","condition":{"actionType":"Show","logicType":"All","rules":[{"field":"a","operator":"Resembles","value":"x"}]}}""", "rules[0].operator", "Unknown operator")]
    public void Load_BrokenField_NamesFilePathAndProblem(string fieldJson, string path, string message)
    {
        var field = fieldJson.Insert(1, "\"alias\":\"a\",\"caption\":\"A\",");
        File.WriteAllText(Path.Combine(_folder, "broken.json"), $$"""{"id":"11111111-2222-3333-4444-555555555555","alias":"broken","name":"Cassé","pages":[{"fields":[{{field}}]}]}""");

        var (forms, problems) = FormDefinitionLoader.Load(_folder);

        Assert.Empty(forms);
        var problem = Assert.Single(problems, p => p.JsonPath.Contains(path, StringComparison.Ordinal));
        Assert.Equal("forms/broken.json", problem.File);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateAliasAndUnknownWorkflow_AreReported()
    {
        File.WriteAllText(Path.Combine(_folder, "dup.json"), """
            {"id":"11111111-2222-3333-4444-555555555556","alias":"dup","name":"Doublon",
             "workflows":[{"type":"sendFax"}],
             "pages":[{"fields":[{"alias":"a","caption":"A","type":"shortAnswer"},{"alias":"a","caption":"A bis","type":"longAnswer"}]}]}
            """);
        var (_, problems) = FormDefinitionLoader.Load(_folder);
        Assert.Contains(problems, p => p.JsonPath == "$.pages[0].fields[1].alias");
        Assert.Contains(problems, p => p.JsonPath == "$.workflows[0].type" && p.Message.Contains("sendFax", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_InvalidJson_GivesTheLine()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.json"), "{\n  \"id\": \n}");
        var problem = Assert.Single(FormDefinitionLoader.Load(_folder).Problems);
        Assert.Equal("forms/bad.json", problem.File);
        Assert.NotNull(problem.Line);
    }
}
