namespace PoleKnowledge.Cms.Delivery;

/// <summary>The outcome of <see cref="PropertyTree.Parse"/>: a tree (null for a blank value), or an error at a zero-based position.</summary>
public sealed record PropertyTreeParseResult(PropertyTree? Tree, string? Error, int Position)
{
    public bool Succeeded => Error is null;
}
