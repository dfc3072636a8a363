namespace PoleKnowledge.Cms.Indexing;

/// <summary>A field of the content index, declared by an <see cref="IContentIndexFieldProvider"/>.</summary>
public sealed record IndexFieldDefinition(string Name, IndexFieldType Type, bool Sortable = false, bool MultipleValues = false);
