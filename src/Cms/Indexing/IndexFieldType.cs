namespace PoleKnowledge.Cms.Indexing;

/// <summary>How an index field is stored: exact keywords (filters, facets), analysed text (search), numbers or dates (ranges, sorts).</summary>
public enum IndexFieldType
{
    /// <summary>Exact, case-sensitive tokens (aliases, keys): term filters, sorts on the raw value, facets.</summary>
    Keyword,
    /// <summary>Text analysed for search (culture-aware analyser).</summary>
    Text,
    /// <summary>A 64-bit integer: ranges and sorts.</summary>
    Integer,
    /// <summary>A UTC date-time (stored as ticks): ranges and sorts.</summary>
    Date,
}
