namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// Names of the fields of the content index. The system fields are written by <see cref="ContentIndex"/>
/// itself; the others by the engine's field provider, following Umbraco's DeliveryApiContentIndex names
/// where the query grammar refers to them.
/// </summary>
public static class ContentIndexFieldNames
{
    /// <summary>The item key (<see cref="FormatKey"/>): term queries (the <c>ancestors:</c> selector) and the doc value queries read.</summary>
    public const string Id = "id";
    /// <summary>The culture of the document, lower-cased (<c>fr-fr</c>): invariant items have one document per culture they are routable in.</summary>
    public const string Culture = "culture";
    /// <summary>Every document holds <c>content</c> here: the "all content" selector (Umbraco's <c>__IndexType</c>).</summary>
    public const string IndexType = "__IndexType";
    public const string IndexTypeContent = "content";
    /// <summary>The depth-first position as a sortable string (<see cref="ContentIndex"/> explains the encoding): the default order and every sort's tie-break.</summary>
    public const string TreeOrder = "treeOrder";

    public const string ContentType = "contentType";
    /// <summary>The name in the culture, lower-cased: the <c>name:</c> sort (Umbraco's <c>sortName</c>).</summary>
    public const string Name = "name";
    /// <summary>The name in the culture, analysed: the <c>name:</c> "contains" filter.</summary>
    public const string NameText = "nameText";
    public const string CreateDate = "createDate";
    public const string UpdateDate = "updateDate";
    public const string Level = "level";
    public const string SortOrder = "sortOrder";
    /// <summary>The parent key (<see cref="Guid.Empty"/> for roots): the <c>children:</c> selector.</summary>
    public const string ParentId = "parentId";
    /// <summary>Every ancestor key: the <c>descendants:</c> selector and Start-Item scoping.</summary>
    public const string AncestorIds = "ancestorIds";

    /// <summary>How keys are written in keyword fields and selector values.</summary>
    public static string FormatKey(Guid key) => key.ToString("D");
}
