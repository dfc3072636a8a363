using PoleKnowledge.Extensions.Forms;

namespace PoleKnowledge.Extensions.Tests.Forms;

/// <summary>Validation rules on a small in-memory form, step by step.</summary>
public sealed class FormEntryValidatorTests
{
    private static FormField Field(string alias, FormFieldType type, bool required = false, FormCondition? condition = null, IReadOnlyList<FormPreValue>? choices = null) =>
        new() { Id = Guid.NewGuid(), Alias = alias, Caption = alias, Type = type, Required = required, RequiredErrorMessage = "requis", Condition = condition ?? FormCondition.None, PreValues = choices ?? [] };

    private static readonly FormDefinition Form = new()
    {
        Id = Guid.NewGuid(),
        Alias = "test",
        Name = "Test",
        Pages =
        [
            new FormPage { FieldsetId = Guid.NewGuid(), Fields = [Field("name", FormFieldType.ShortAnswer, required: true), Field("member", FormFieldType.Checkbox)] },
            new FormPage
            {
                FieldsetId = Guid.NewGuid(),
                Fields =
                [
                    Field("number", FormFieldType.ShortAnswer, required: true, condition: new FormCondition("Show", "All", [new FormConditionRule("member", "Is", "on")])),
                    Field("colours", FormFieldType.MultipleChoice, choices: [new("red", "Rouge"), new("blue", "Bleu")]),
                ],
            },
        ],
    };

    [Fact]
    public void Validate_FirstStepOnly_IgnoresLaterPages()
    {
        var result = FormEntryValidator.Validate(Form, new Dictionary<string, FormValue> { ["name"] = FormValue.Text("Ana"), ["member"] = FormValue.Text("on") }, lastPage: 0);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_ConditionMet_MakesTheFieldRequired()
    {
        var result = FormEntryValidator.Validate(Form, new Dictionary<string, FormValue> { ["name"] = FormValue.Text("Ana"), ["member"] = FormValue.Text("on") });
        Assert.Equal(["requis"], result.Errors["number"]);
    }

    [Fact]
    public void Validate_ConditionNotMet_DropsThePostedValue()
    {
        var result = FormEntryValidator.Validate(Form, new Dictionary<string, FormValue> { ["name"] = FormValue.Text("Ana"), ["number"] = FormValue.Text("42") });
        Assert.True(result.IsValid);
        Assert.False(result.Accepted.ContainsKey("number"));
    }

    [Fact]
    public void Validate_SeveralValuesForASingleField_IsRefused()
    {
        var result = FormEntryValidator.Validate(Form, new Dictionary<string, FormValue> { ["name"] = FormValue.Text("Ana", "Bob") });
        Assert.Contains("Une seule valeur", result.Errors["name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MultipleChoice_AcceptsOnlyOfferedValues()
    {
        var ok = FormEntryValidator.Validate(Form, new Dictionary<string, FormValue> { ["name"] = FormValue.Text("Ana"), ["colours"] = FormValue.Text("red", "blue") });
        var bad = FormEntryValidator.Validate(Form, new Dictionary<string, FormValue> { ["name"] = FormValue.Text("Ana"), ["colours"] = FormValue.Text("red", "green") });
        Assert.True(ok.IsValid);
        Assert.Contains("green", bad.Errors["colours"][0], StringComparison.Ordinal);
    }
}
