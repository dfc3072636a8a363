namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>One line of a back-office list view: enough to show and link an item, nothing to edit it.</summary>
public sealed record ContentListRow(
    Guid Key,
    Guid? ParentKey,
    string ContentType,
    string Name,
    int SortOrder,
    DateTime UpdateDate,
    IReadOnlyList<string> PublishedCultures,
    bool HasChildren,
    bool Trashed);
