using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>How a property is edited in the form, chosen from its editor alias.</summary>
public enum FieldKind
{
    Text,
    TextArea,
    Markdown,
    Number,
    Email,
    Boolean,
    Date,
    DateTime,
    Choice,
    Choices,
    FreeTags,
    ContentPicker,
    MediaPicker,
    Json,
}

/// <summary>One property of the edit form: what to render and the current (or just posted) value.</summary>
public sealed class PropertyField
{
    public required PropertyType Property { get; init; }
    public required FieldKind Kind { get; init; }
    public string Alias => Property.Alias;
    public string InputName => "v." + Property.Alias;
    public string InputId => "f-" + Property.Alias;
    public string Value { get; set; } = "";
    public IReadOnlyList<string> Selected { get; set; } = [];
    public IReadOnlyList<FieldOption> Options { get; set; } = [];
    /// <summary>For pickers: the search endpoint (with the allowed types) the type-ahead dialog queries.</summary>
    public string? SearchUrl { get; set; }
    public bool Multiple { get; init; }
    public int? MaxLength { get; init; }
    public int Rows { get; init; } = 4;
    public string? Error { get; set; }
    /// <summary>True when the value is shared by every culture (shown with a note when editing a second culture).</summary>
    public bool Shared { get; init; }
    /// <summary>Shared values are edited in the default culture only: shown, not posted, in the others.</summary>
    public bool ReadOnly { get; init; }
}

/// <summary>A choice of a select, checkbox list or picker.</summary>
public sealed record FieldOption(string Value, string Label);
