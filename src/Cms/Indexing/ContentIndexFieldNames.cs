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

    /// <summary>
    /// Bits per level of the numeric (integer and date) fields' trie terms: 8 terms a value instead of Lucene's
    /// default 16. The trie terms were most of the distinct terms a full rebuild writes (each date is unique), and
    /// a range query still visits at most a few thousand terms. Range queries must be made with this step (an
    /// index written with the old step 4 holds every term a step-8 query asks for).
    /// </summary>
    public const int NumericPrecisionStep = 8;

    /// <summary>
    /// The key as a sortable 64-bit number that follows <see cref="Guid.CompareTo(Guid)"/> on its first 8 bytes: with
    /// <c>sortOrder</c> it orders siblings as the published cache does, and it breaks ties of sorted queries with a
    /// numeric comparison (the 40-character <see cref="TreeOrder"/> string costs a term lookup per competitive hit).
    /// </summary>
    public const string KeyOrder = "keyOrder";

    /// <summary>The value of <see cref="KeyOrder"/> for a key.</summary>
    public static long KeyOrderOf(Guid key)
    {
        Span<byte> bytes = stackalloc byte[16];
        key.TryWriteBytes(bytes);
        // Guid.CompareTo compares the int a, then shorts b and c (little-endian fields); as unsigned, then signed-shifted.
        var a = (ulong)BitConverter.ToUInt32(bytes[..4]);
        var b = (ulong)BitConverter.ToUInt16(bytes[4..6]);
        var c = (ulong)BitConverter.ToUInt16(bytes[6..8]);
        return (long)(((a << 32) | (b << 16) | c) ^ 0x8000_0000_0000_0000UL);
    }

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

    /// <summary>
    /// Keys (<see cref="FormatKey"/>) of the media a document was built from (attached files whose extracted text
    /// it holds): a change to one of them re-indexes the items using it (<see cref="ContentIndex.ItemsUsingMedia"/>).
    /// </summary>
    public const string MediaIds = "mediaIds";

    /// <summary>How keys are written in keyword fields and selector values.</summary>
    public static string FormatKey(Guid key) => key.ToString("D");
}
