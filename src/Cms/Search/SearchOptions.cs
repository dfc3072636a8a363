namespace PoleKnowledge.Cms.Search;

/// <summary>Search settings (configuration section <c>PoleKnowledge:Search</c>).</summary>
public sealed class SearchOptions
{
    public const string Section = "PoleKnowledge:Search";

    /// <summary>Keep results per index reader (<see cref="SearchResultCache"/>); turn off only to measure the engine's own cost.</summary>
    public bool CacheResults { get; set; } = true;
}
