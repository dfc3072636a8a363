namespace PoleKnowledge.Cms.Publishing;

/// <summary>A route in the tree of one root item ("start item"), in one culture.</summary>
internal readonly record struct RouteKey(Guid Root, string Culture, string Path);
