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
    /// In-memory buffer of a full build, shared by its indexing threads (Lucene's default is 16 MB): 100,000 items
    /// fit in one segment per thread, so nothing is merged during or after the build. Peak memory of the
    /// 100,000-item rebuild was lower than with 256 MB (fewer flushes and merges running beside the indexing).
    /// </summary>
    private const double BulkRamBufferMegabytes = 512;

    public string Name { get; }
    public FSDirectory Directory { get; }
    public IndexWriter Writer { get; }
    public SearcherManager Searchers { get; }
    /// <summary>The last feed sequence committed to this generation.</summary>
    public long Position { get; set; }
    /// <summary>The analysis signature its documents were written with (kept in its commits until a rebuild replaces it).</summary>
    public string AnalysisSignature { get; set; } = "";

    /// <summary>Opens (or creates) a generation; <paramref name="bulk"/> sizes the writer for a full build (fewer, larger flushes and merges).</summary>
    public static ContentIndexGeneration Open(string path, string name, Analyzer analyzer, bool create, bool bulk = false)
    {
        var directory = FSDirectory.Open(path);
        try
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND };
            if (bulk)
            {
                config.RAMBufferSizeMB = BulkRamBufferMegabytes;
            }
            return new ContentIndexGeneration(name, directory, new IndexWriter(directory, config));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Searchers.Dispose();
        Writer.Dispose();
        Directory.Dispose();
    }
}
