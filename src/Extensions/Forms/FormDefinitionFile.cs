namespace PoleKnowledge.Extensions.Forms;

/// <summary>The raw shape of a <c>content-schema/forms/*.json</c> file, before <see cref="FormDefinitionLoader"/> checks it.</summary>
internal sealed class FormDefinitionFile
{
    public Guid? Id { get; set; }
    public string? Alias { get; set; }
    public string? Name { get; set; }
    public string? MessageOnSubmit { get; set; }
    public string? SubmitLabel { get; set; }
    public string? NextLabel { get; set; }
    public string? PreviousLabel { get; set; }
    public string? HoneypotAlias { get; set; }
    public int? MinimumFillSeconds { get; set; }
    public int? RetentionDays { get; set; }
    public string? Handler { get; set; }
    public List<FormWorkflow>? Workflows { get; set; }
    public List<PageFile>? Pages { get; set; }

    internal sealed class PageFile
    {
        public string? Caption { get; set; }
        public FormCondition? Condition { get; set; }
        public List<FieldFile>? Fields { get; set; }
    }

    internal sealed class FieldFile
    {
        public Guid? Id { get; set; }
        public string? Alias { get; set; }
        public string? Caption { get; set; }
        public string? Type { get; set; }
        public string? HelpText { get; set; }
        public string? Placeholder { get; set; }
        public bool Required { get; set; }
        public string? RequiredErrorMessage { get; set; }
        public string? Pattern { get; set; }
        public string? PatternInvalidErrorMessage { get; set; }
        public int? MaxLength { get; set; }
        public List<FormPreValue>? PreValues { get; set; }
        public FormCondition? Condition { get; set; }
        public FormFileUploadOptions? FileUploadOptions { get; set; }
        public Dictionary<string, string>? Settings { get; set; }
    }
}
