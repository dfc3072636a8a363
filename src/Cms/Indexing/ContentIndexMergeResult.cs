namespace PoleKnowledge.Cms.Indexing;

/// <summary>What the background merge after a rebuild did (<see cref="ContentIndex.MergeAfterRebuild"/>): segments of the live reader before and after, and the time it took (merging and committing).</summary>
public sealed record ContentIndexMergeResult(int SegmentsBefore, int SegmentsAfter, TimeSpan Elapsed);
