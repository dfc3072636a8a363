namespace PoleKnowledge.Cms.Search;

/// <summary>Result order: by relevance (the default), or newest first (last update).</summary>
public enum SearchSort
{
    Relevance,
    Date,
}
