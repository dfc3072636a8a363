using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// One index directory with its writer and near-real-time searchers. A rebuild creates a new generation
/// beside the live one; <see cref="ContentIndex"/> swaps the reference, so queries always have one to read.
/// </summary>
internal sealed class ContentIndexGeneration : IDisposable
{
    private ContentIndexGeneration(string name, FSDirectory directory, IndexWriter writer)
    {
        Name = name;
        Directory = directory;
        Writer = writer;
        // applyAllDeletes: a re-indexed item must never show twice, even for a moment.
        Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>
    /// In-memory buffer of a full build, shared by its indexing threads (Lucene's default is 16 MB): a ceiling only,
    /// the flushes of a build are set by its document count (see <see cref="Open"/>).
    /// </summary>
    private const double BulkRamBufferMegabytes = 768;

    /// <summary>Segments each indexing thread writes during a full build (a smaller remainder is written by the commit).</summary>
    private const int BulkSegmentsPerThread = 3;

    public string Name { get; }
    public FSDirectory Directory { get; }
    public IndexWriter Writer { get; }
    public SearcherManager Searchers { get; }
    /// <summary>The last feed sequence committed to this generation.</summary>
    public long Position { get; set; }
    /// <summary>The analysis signature its documents were written with (kept in its commits until a rebuild replaces it).</summary>
    public string AnalysisSignature { get; set; } = "";

    /// <summary>
    /// Opens (or creates) a generation. <paramref name="bulkDocuments"/> (the expected number of documents of a full
    /// build) sizes the writer for it: each indexing thread flushes its own segment every
    /// <c>documents / (threads × <see cref="BulkSegmentsPerThread"/> + 1)</c> documents, on its own thread, so the
    /// flushes run in parallel with the indexing and the commit only writes the remainders (with one flush at the end,
    /// the commit wrote the whole index on one thread: 16 s of 73 for 100,000 items). About eight large segments,
    /// fewer than the merge policy's ten per tier: nothing is merged during the build; <see cref="ContentIndex"/> merges
    /// them into one in the background once the generation is live. <paramref name="bulkMinimumBuffered"/> is the fewest
    /// documents per flush (<see cref="ContentIndexOptions.BulkMinimumBufferedDocuments"/>); <paramref name="mergedSegmentWarmer"/>
    /// is <see cref="ContentIndexOptions.MergedSegmentWarmer"/>.
    /// </summary>
    public static ContentIndexGeneration Open(string path, string name, Analyzer analyzer, bool create, int bulkDocuments = 0, int bulkMinimumBuffered = 2_000,
        IndexWriter.IndexReaderWarmer? mergedSegmentWarmer = null)
    {
        var directory = FSDirectory.Open(path);
        try
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND };
            if (mergedSegmentWarmer is not null)
            {
                config.MergedSegmentWarmer = mergedSegmentWarmer;
            }
            if (bulkDocuments > 0)
            {
                config.RAMBufferSizeMB = BulkRamBufferMegabytes;
                config.MaxBufferedDocs = Math.Max(bulkMinimumBuffered, bulkDocuments / (Environment.ProcessorCount * BulkSegmentsPerThread + 1));
            }
            return new ContentIndexGeneration(name, directory, new IndexWriter(directory, config));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Commits pending changes and closes. Running merges are aborted, not awaited (Lucene waits for them to stop, at most a
    /// few seconds): the merge after a rebuild takes 10-15 s on a large index, too long for a swap or a shutdown to wait,
    /// and an aborted merge leaves the committed segments as they were.
    /// </summary>
    public void Dispose()
    {
        Searchers.Dispose();
        Writer.Dispose(waitForMerges: false);
        Directory.Dispose();
    }
}
