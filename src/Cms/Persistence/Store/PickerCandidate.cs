namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>One picker search result: key, name (default culture) and type alias.</summary>
public sealed record PickerCandidate(Guid Key, string Name, string Type);
