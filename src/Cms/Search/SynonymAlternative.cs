namespace PoleKnowledge.Cms.Search;

/// <summary>One expression of a synonym group: as written in the file (analysed per language when queried) and as normalised words (for matching).</summary>
public sealed record SynonymAlternative(string Text, string[] Words);
