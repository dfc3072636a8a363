namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>The Umbraco editors the engine ships with; extensions append theirs before the collection is built.</summary>
public static class BuiltInPropertyEditors
{
    /// <summary>New instances each call: a block list editor is bound to the one collection it is put in.</summary>
    public static IEnumerable<IPropertyEditor> Create() =>
    [
        new TextBoxEditor(),
        new TextAreaEditor(),
        new MarkdownEditor(),
        new EmailAddressEditor(),
        new IntegerEditor(),
        new DecimalEditor(),
        new TrueFalseEditor(),
        new DateTimeEditor(),
        new TagsEditor(),
        new DropDownFlexibleEditor(),
        new CheckBoxListEditor(),
        new ContentPickerEditor(),
        new MultiNodeTreePickerEditor(),
        new MediaPicker3Editor(),
        new MultiUrlPickerEditor(),
        new BlockListEditor(),
    ];
}
