using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PoleKnowledge.Cms.Indexing;

public sealed partial class ContentIndex
{
    private Task<ContentIndexMergeResult?> _merge = Task.FromResult<ContentIndexMergeResult?>(null);

    /// <summary>
    /// The background merge started by the last rebuild (<see cref="ContentIndexOptions.MergeAfterRebuild"/>). It
    /// completes once the merged segment is searchable and committed, with what it did; with null when no merge was
    /// started, or it stopped because another generation swapped in or the index was disposed, or it failed (logged: the
    /// index then stays as the rebuild wrote it, complete and searchable). It never faults.
    /// </summary>
    public Task<ContentIndexMergeResult?> MergeAfterRebuild => Volatile.Read(ref _merge);

    /// <summary>Starts merging a generation that has just swapped in (the caller holds the write lock).</summary>
    private void StartMerge(ContentIndexGeneration generation)
    {
        if (_options.MergeAfterRebuild)
        {
            Volatile.Write(ref _merge, Task.Run(() => Merge(generation), CancellationToken.None));
        }
    }

    /// <summary>
    /// Merges the generation's segments into one while it serves: queries keep their searcher, and feed changes are taken
    /// by the writer meanwhile (deletes of documents being merged are carried into the merged segment; segments flushed
    /// during the merge stay beside it until the merge policy folds them in). Then commits, with the generation's position and
    /// analysis signature as every commit, so a restart opens the merged index, and refreshes the searchers.
    /// </summary>
    private ContentIndexMergeResult? Merge(ContentIndexGeneration generation)
    {
        try
        {
            var before = SegmentCount(generation);
            if (before <= 1)
            {
                return new(before, before, TimeSpan.Zero);
            }
            var watch = Stopwatch.StartNew();
            // A second rebuild's swap or the index's disposal disposes this writer without waiting for merges
            // (ContentIndexGeneration.Dispose): the merge is aborted and this call throws.
            generation.Writer.ForceMerge(1, doWait: true);
            var merged = watch.Elapsed;
            // Syncing the merged segment to disk is most of the commit's cost (an fsync of the whole index): done outside the
            // write lock, so feed changes do not wait for it. It keeps the commit data last set under the lock, whose position
            // never runs ahead of the documents (changes are written before their position is set), so it is safe at any time.
            generation.Writer.Commit();
            ContentIndexMergeResult result;
            lock (_writeLock)
            {
                if (IsStopped(generation))
                {
                    _logger.LogDebug("Merge of content index {Generation} done after it was replaced or closed: not committed.", generation.Name);
                    return null;
                }
                // Then a commit like any other (cheap now), which also refreshes the searchers onto the merged segment.
                Commit(generation, generation.Position);
                result = new(before, SegmentCount(generation), watch.Elapsed);
            }
            _logger.LogInformation("Content index merged: {Before} segments into {After} in {Seconds:0.0} s ({Merging:0.0} s merging, {Committing:0.0} s committing; generation {Generation}).",
                result.SegmentsBefore, result.SegmentsAfter, result.Elapsed.TotalSeconds, merged.TotalSeconds, (result.Elapsed - merged).TotalSeconds, generation.Name);
            return result;
        }
        catch (Exception exception) when (IsStopped(generation))
        {
            _logger.LogDebug(exception, "Merge of content index {Generation} stopped: the generation was replaced or closed.", generation.Name);
            return null;
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Merging content index {Generation} failed; it keeps the segments the rebuild wrote (complete, only a little slower to search).", generation.Name);
            return null;
        }
    }

    /// <summary>Whether the generation is no longer the live one (another swapped in, or the index was disposed): its writer is closed or closing.</summary>
    private bool IsStopped(ContentIndexGeneration generation) => _disposed || _live != generation;

    /// <summary>Segments of the generation's current searcher.</summary>
    private static int SegmentCount(ContentIndexGeneration generation)
    {
        var searcher = generation.Searchers.Acquire();
        try
        {
            return searcher.IndexReader.Leaves.Count;
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }
}
