using Lucene.Net.Index;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>Content index settings (configuration section <c>PoleKnowledge:Indexing</c>).</summary>
public sealed class ContentIndexOptions
{
    public const string Section = "PoleKnowledge:Indexing";

    /// <summary>
    /// After a full rebuild has swapped in, merge its segments into one in the background (default <c>true</c>): every
    /// term lookup, scorer and enumerator of a query is made once per segment, so each segment is a fixed cost on every
    /// search. The index keeps answering and taking changes during the merge (see <see cref="ContentIndex.MergeAfterRebuild"/>).
    /// </summary>
    public bool MergeAfterRebuild { get; set; } = true;

    /// <summary>
    /// Fewest documents an indexing thread buffers before it flushes a segment during a full build (see
    /// <see cref="ContentIndexGeneration.Open"/>). Not configuration: tests lower it to get several segments from a small build.
    /// </summary>
    internal int BulkMinimumBufferedDocuments { get; set; } = 2_000;

    /// <summary>
    /// Called by the writer of a generation with each merged segment, before the merge is committed to the writer. Not
    /// configuration: tests hold a merge there to change, rebuild or dispose the index while it runs.
    /// </summary>
    internal IndexWriter.IndexReaderWarmer? MergedSegmentWarmer { get; set; }
}
