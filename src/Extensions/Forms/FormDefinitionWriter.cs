using System.Text.Json;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Writes a definition in Umbraco Forms' delivery shape: pages → fieldsets → columns → fields, each field
/// with its Umbraco type id and name, conditions referencing fields by id. The honeypot is not delivered
/// (API clients never see it; our own pages render it hidden).
/// </summary>
public static class FormDefinitionWriter
{
    public static void Write(Utf8JsonWriter writer, FormDefinition form)
    {
        writer.WriteStartObject();
        writer.WriteString("id", form.Id);
        writer.WriteString("name", form.Name);
        writer.WriteBoolean("disableDefaultStylesheet", false);
        writer.WriteString("fieldIndicationType", "MarkMandatoryFields");
        writer.WriteString("indicator", "*");
        writer.WriteBoolean("hideFieldValidation", false);
        writer.WriteString("messageOnSubmit", form.MessageOnSubmit);
        writer.WriteBoolean("messageOnSubmitIsHtml", false);
        writer.WriteNull("gotoPageOnSubmit");
        writer.WriteNull("gotoPageOnSubmitRoute");
        writer.WriteString("nextLabel", form.NextLabel);
        writer.WriteString("previousLabel", form.PreviousLabel);
        writer.WriteString("submitLabel", form.SubmitLabel);
        writer.WriteBoolean("showValidationSummary", true);
        writer.WriteStartArray("pages");
        foreach (var page in form.Pages)
        {
            writer.WriteStartObject();
            writer.WriteString("caption", page.Caption);
            WriteCondition(writer, form, page.Condition);
            writer.WriteStartArray("fieldsets");
            writer.WriteStartObject();
            writer.WriteString("id", page.FieldsetId);
            writer.WriteString("caption", "");
            writer.WriteStartArray("columns");
            writer.WriteStartObject();
            writer.WriteString("caption", "");
            writer.WriteNumber("width", 12);
            writer.WriteStartArray("fields");
            foreach (var field in page.Fields)
            {
                WriteField(writer, form, field);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter writer, FormDefinition form, FormField field)
    {
        writer.WriteStartObject();
        writer.WriteString("alias", field.Alias);
        writer.WriteString("caption", field.Caption);
        WriteCondition(writer, form, field.Condition);
        writer.WriteString("helpText", field.HelpText);
        writer.WriteString("id", field.Id);
        writer.WriteString("pattern", field.Pattern);
        writer.WriteString("patternInvalidErrorMessage", field.PatternInvalidErrorMessage);
        writer.WriteString("placeholder", field.Placeholder);
        writer.WriteStartArray("preValues");
        foreach (var preValue in field.PreValues)
        {
            writer.WriteStartObject();
            writer.WriteString("caption", preValue.Caption);
            writer.WriteString("value", preValue.Value);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteBoolean("required", field.Required);
        writer.WriteString("requiredErrorMessage", field.RequiredErrorMessage);
        writer.WriteStartObject("settings");
        foreach (var (key, value) in field.Settings)
        {
            writer.WriteString(key, value);
        }
        if (field.Type == FormFieldType.Email && !field.Settings.ContainsKey("fieldType"))
        {
            writer.WriteString("fieldType", "email");
        }
        if (field.Type.HasChoices && field.Type == FormFieldType.MultipleChoice)
        {
            writer.WriteString("allowMultipleSelections", "True");
        }
        if (!field.Settings.ContainsKey("maximumLength") && field.Type.AcceptsValue && field.Type != FormFieldType.FileUpload)
        {
            writer.WriteString("maximumLength", field.EffectiveMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        writer.WriteEndObject();
        if (field.FileUploadOptions is { } files)
        {
            writer.WriteStartObject("fileUploadOptions");
            writer.WriteBoolean("allowAllUploadExtensions", false);
            writer.WriteStartArray("allowedUploadExtensions");
            foreach (var extension in files.AllowedUploadExtensions)
            {
                writer.WriteStringValue(extension);
            }
            writer.WriteEndArray();
            writer.WriteBoolean("allowMultipleFileUploads", files.AllowMultipleFileUploads);
            writer.WriteNumber("maximumFileSizeKb", files.MaxFileSizeKb);
            writer.WriteEndObject();
        }
        writer.WriteStartObject("type");
        writer.WriteString("id", field.Type.UmbracoId);
        writer.WriteString("name", field.Type.UmbracoName);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter writer, FormDefinition form, FormCondition condition)
    {
        writer.WriteStartObject("condition");
        writer.WriteString("actionType", condition.ActionType);
        writer.WriteString("logicType", condition.LogicType);
        writer.WriteStartArray("rules");
        foreach (var rule in condition.Rules)
        {
            writer.WriteStartObject();
            writer.WriteString("field", form.FindField(rule.Field)?.Id.ToString() ?? rule.Field);
            writer.WriteString("operator", rule.Operator);
            writer.WriteString("value", rule.Value);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
