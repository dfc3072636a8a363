namespace PoleKnowledge.Cms.Content;

/// <summary>One entry of an item's version history.</summary>
public sealed record ContentVersionInfo(int Number, DateTime CreateDate, string? Author, IReadOnlyList<string> PublishedCultures, IReadOnlyDictionary<string, string> Names);
