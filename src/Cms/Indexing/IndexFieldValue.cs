namespace PoleKnowledge.Cms.Indexing;

/// <summary>One value of a field for one indexed document (an item in a culture). Value is a string, long or DateTime according to the field's type.</summary>
public readonly record struct IndexFieldValue(string FieldName, object Value);
