namespace PoleKnowledge.Cms.ChangeFeed;

/// <summary>One row of the change feed as consumers see it.</summary>
public readonly record struct ChangeFeedEntry(long Sequence, DateTime Date, string Kind, Guid NodeKey);
