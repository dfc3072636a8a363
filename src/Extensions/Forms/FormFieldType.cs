namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// The field types a definition may use, with the id and name Umbraco Forms gives each (the definition
/// endpoint delivers them, so a front end written for Umbraco Forms renders ours unchanged).
/// </summary>
public sealed class FormFieldType
{
    private FormFieldType(string alias, string umbracoId, string umbracoName, bool acceptsValue = true, bool multipleValues = false)
    {
        Alias = alias;
        UmbracoId = umbracoId;
        UmbracoName = umbracoName;
        AcceptsValue = acceptsValue;
        MultipleValues = multipleValues;
    }

    public static FormFieldType ShortAnswer { get; } = new("shortAnswer", "3f92e01b-29e2-4a30-bf33-9df5580ed52c", "Short answer");
    /// <summary>Umbraco Forms has no e-mail type: a short answer with <c>settings.fieldType = "email"</c>. We also check the format.</summary>
    public static FormFieldType Email { get; } = new("email", "3f92e01b-29e2-4a30-bf33-9df5580ed52c", "Short answer");
    public static FormFieldType LongAnswer { get; } = new("longAnswer", "023f09ac-1445-4bcb-b8fa-ab49f33bd046", "Long answer");
    public static FormFieldType Date { get; } = new("date", "f8b4c3b8-af28-11de-9dd8-ef5956d89593", "Date");
    public static FormFieldType Checkbox { get; } = new("checkbox", "d5c0c390-ae9a-11de-a69e-666455d89593", "Checkbox");
    public static FormFieldType SingleChoice { get; } = new("singleChoice", "903df9b0-a78c-11de-9fc1-db7a56d89593", "Single choice");
    public static FormFieldType MultipleChoice { get; } = new("multipleChoice", "fab43f20-a6bf-11de-a28f-9b5755d89593", "Multiple choice", multipleValues: true);
    public static FormFieldType Dropdown { get; } = new("dropdown", "0dd29d42-a6a5-11de-a2f2-222256d89593", "Dropdown");
    public static FormFieldType FileUpload { get; } = new("fileUpload", "84a17cf8-b711-46a6-9840-0e4a072ad000", "File upload", multipleValues: true);
    public static FormFieldType DataConsent { get; } = new("dataConsent", "a72c9df9-3847-47cf-afb8-b86773fd12cd", "Data Consent");
    public static FormFieldType Hidden { get; } = new("hidden", "da206cae-1c52-434e-b21a-4a7c198af877", "Hidden");
    public static FormFieldType TitleAndDescription { get; } = new("titleAndDescription", "e3fbf6c4-f46c-495e-aff8-4b3c227b4a98", "Title and description", acceptsValue: false);

    public static IReadOnlyList<FormFieldType> All { get; } =
        [ShortAnswer, Email, LongAnswer, Date, Checkbox, SingleChoice, MultipleChoice, Dropdown, FileUpload, DataConsent, Hidden, TitleAndDescription];

    /// <summary>The name used in <c>content-schema/forms/*.json</c>.</summary>
    public string Alias { get; }
    public string UmbracoId { get; }
    public string UmbracoName { get; }
    /// <summary>False for display-only fields: a value posted for one is refused.</summary>
    public bool AcceptsValue { get; }
    /// <summary>True when the value may be an array of several items.</summary>
    public bool MultipleValues { get; }
    public bool HasChoices => this == SingleChoice || this == MultipleChoice || this == Dropdown;

    public static FormFieldType? FromAlias(string? alias) => All.FirstOrDefault(t => string.Equals(t.Alias, alias, StringComparison.Ordinal));

    public override string ToString() => Alias;
}
