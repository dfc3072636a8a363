using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// The Lucene content index (Umbraco's DeliveryApiContentIndex): one document per published, routable item
/// and culture, with the fields of every registered <see cref="IContentIndexFieldProvider"/>. It matches and
/// ranks only; display data comes from the <see cref="PublishedContentCache"/> by key.
/// <para>
/// Layout: <c>&lt;index&gt;/content/&lt;generation&gt;/</c> directories and a <c>current</c> pointer file naming the
/// live one. A rebuild fills a new generation beside the live one and swaps the pointer (an atomic rename)
/// and the searchers; the live index is never cleared, so queries keep answering during a rebuild.
/// The feed position an index reflects is kept in its commit user data, so it is exactly as durable as the
/// documents.
/// </para>
/// <para>
/// Tree order (<see cref="ContentIndexFieldNames.TreeOrder"/>): for each node from the root down, its sort
/// order (8 hex digits, sign bit flipped so negatives sort first) and its key (32 hex digits) — the order
/// the published cache gives siblings (sort order, then key). It depends only on the item and its
/// ancestors, so a move or a sort re-indexes just the moved or sorted items and their descendants
/// (which every feed entry does), never their siblings.
/// </para>
/// </summary>
public sealed partial class ContentIndex : IDisposable
{
    private const string PointerFileName = "current";
    private const string PositionKey = "position";
    private const string FingerprintKey = "fields";
    private const string AnalysisKey = "analysis";
    /// <summary>Bump when the documents' system fields change shape: old indexes are then rebuilt.</summary>
    private const string FormatVersion = "3"; // 2: keyOrder tie-break; 3: numbers sorted through the field cache (mediaIds, a new system field, changes the fingerprint by itself)

    private readonly PublishedContentCache _cache;
    private readonly ContentSchema _schema;
    private readonly IReadOnlyList<IContentIndexFieldProvider> _providers;
    private readonly Dictionary<string, IndexFieldDefinition> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Analyzer> _fieldAnalyzers = new(StringComparer.Ordinal);
    private readonly Analyzer _defaultAnalyzer = new FoldingAnalyzer();
    private readonly Analyzer _analyzer;
    private readonly string _fingerprint;
    private readonly string _analysisSignature;
    private readonly TimeProvider _time;
    private readonly ILogger<ContentIndex> _logger;
    private readonly ContentIndexOptions _options;
    private readonly System.Threading.Lock _writeLock = new();
    private readonly HashSet<string> _undeclaredFields = new(StringComparer.Ordinal);
    private volatile ContentIndexGeneration? _live;
    private Dictionary<Guid, bool>? _changesDuringRebuild;
    private long _positionWhileBuilding;
    private int _rebuilding;
    private volatile bool _disposed;

    public ContentIndex(HubPaths paths, PublishedContentCache cache, ContentSchemaHolder schema, IEnumerable<IContentIndexFieldProvider> providers,
        IEnumerable<ContentIndexFieldAnalyzer> analyzers, TimeProvider time, IOptions<ContentIndexOptions> options, ILogger<ContentIndex> logger)
    {
        _options = options.Value;
        RootPath = Path.Combine(paths.IndexPath, "content");
        _cache = cache;
        _schema = schema.Schema;
        _providers = [.. providers];
        _time = time;
        _logger = logger;
        foreach (var system in SystemFields)
        {
            _fields[system.Name] = system;
        }
        foreach (var provider in _providers)
        {
            foreach (var field in provider.Fields)
            {
                // Umbraco's rule: the first declaration of a name wins (the engine's provider is registered first).
                if (!_fields.TryAdd(field.Name, field))
                {
                    logger.LogWarning("Index field {Field} of {Provider} is already declared; the first declaration is kept.", field.Name, provider.GetType().Name);
                }
            }
        }
        foreach (var entry in analyzers)
        {
            _fieldAnalyzers.TryAdd(entry.FieldName, entry.Analyzer);
        }
        _analyzer = new PerFieldAnalyzerWrapper(_defaultAnalyzer, _fieldAnalyzers);
        _analysisSignature = string.Join(";", analyzers.Where(a => a.Signature.Length > 0).Select(a => $"{a.FieldName}={a.Signature}").Distinct().Order(StringComparer.Ordinal));
        _fingerprint = FormatVersion + "|" + string.Join(";", _fields.Values.Select(f => $"{f.Name}:{f.Type}:{f.Sortable}:{f.MultipleValues}:{(_fieldAnalyzers.TryGetValue(f.Name, out var a) ? a.GetType().FullName : "")}"));
    }

    private static IndexFieldDefinition[] SystemFields =>
    [
        new(ContentIndexFieldNames.Id, IndexFieldType.Keyword),
        new(ContentIndexFieldNames.Culture, IndexFieldType.Keyword),
        new(ContentIndexFieldNames.IndexType, IndexFieldType.Keyword),
        new(ContentIndexFieldNames.TreeOrder, IndexFieldType.Keyword, Sortable: true),
        new(ContentIndexFieldNames.KeyOrder, IndexFieldType.Integer, Sortable: true),
        new(ContentIndexFieldNames.MediaIds, IndexFieldType.Keyword),
    ];

    /// <summary>The folder holding the generations and the pointer file.</summary>
    public string RootPath { get; }

    /// <summary>The feed sequence the live index reflects (0 before it is opened).</summary>
    public long Position => _live?.Position ?? _positionWhileBuilding;

    public bool IsOpen => _live is not null;

    /// <summary>The directory name of the live generation.</summary>
    public string? CurrentGeneration => _live?.Name;

    /// <summary>Every declared field (system fields and providers'), first declaration per name.</summary>
    public IReadOnlyDictionary<string, IndexFieldDefinition> Fields => _fields;

    private string PointerPath => Path.Combine(RootPath, PointerFileName);

    /// <summary>
    /// Opens the generation the pointer file names. Anything but <see cref="ContentIndexOpenStatus.Opened"/> calls
    /// for a rebuild; the index stays closed, except after <see cref="ContentIndexOpenStatus.AnalysisChanged"/>,
    /// whose generation serves until the rebuild swaps in.
    /// </summary>
    public ContentIndexOpenStatus Open()
    {
        var name = ReadPointer();
        if (name is null || !System.IO.Directory.Exists(Path.Combine(RootPath, name)))
        {
            return ContentIndexOpenStatus.Missing;
        }
        var (status, generation) = TryOpenGeneration(name);
        if (generation is not null)
        {
            Swap(generation);
        }
        return status;
    }

    /// <summary>
    /// Switches to the generation the pointer names when another process (the CLI <c>reindex</c>) replaced
    /// it. Returns true when it switched: <see cref="Position"/> may then have moved back.
    /// </summary>
    public bool SwitchIfReplaced()
    {
        var name = ReadPointer();
        if (name is null || name == _live?.Name)
        {
            return false;
        }
        var (status, generation) = TryOpenGeneration(name);
        if (generation is null)
        {
            _logger.LogWarning("The content index pointer names {Generation}, which cannot be opened ({Status}); keeping {Live}.", name, status, _live?.Name);
            return false;
        }
        lock (_writeLock)
        {
            Swap(generation);
        }
        return true;
    }

    /// <summary>Runs a search on the live generation's current searcher (acquired and released around the call).</summary>
    internal T Search<T>(Func<IndexSearcher, T> search)
    {
        var generation = _live ?? throw new ContentIndexNotReadyException();
        var searcher = generation.Searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The items whose documents were built from any of these media (<see cref="ContentIndexFieldNames.MediaIds"/>):
    /// when a media item changes (its file and extracted text replaced, or deleted), they are re-indexed. Empty
    /// before the first build (which reads every medium as it is then).
    /// </summary>
    public IReadOnlyCollection<Guid> ItemsUsingMedia(IReadOnlyCollection<Guid> media)
    {
        if (media.Count == 0 || _live is null)
        {
            return [];
        }
        var query = new BooleanQuery();
        foreach (var key in media.Take(BooleanQuery.MaxClauseCount))
        {
            query.Add(new TermQuery(new Term(ContentIndexFieldNames.MediaIds, ContentIndexFieldNames.FormatKey(key))), Occur.SHOULD);
        }
        return Search(searcher =>
        {
            var keys = new HashSet<Guid>();
            var ids = MultiDocValues.GetBinaryValues(searcher.IndexReader, ContentIndexFieldNames.Id);
            var bytes = new Lucene.Net.Util.BytesRef();
            foreach (var hit in searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs)
            {
                ids.Get(hit.Doc, bytes);
                keys.Add(new Guid(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)));
            }
            return keys;
        });
    }

    /// <summary>The analyser of a text field (query values go through the same one as indexed values).</summary>
    internal Analyzer GetAnalyzer(string fieldName) => _fieldAnalyzers.GetValueOrDefault(fieldName) ?? _defaultAnalyzer;

    /// <summary>Whether <see cref="Dispose"/> has begun (set before the live generation's writer is closed).</summary>
    internal bool IsDisposed => _disposed;

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _live?.Dispose();
            _live = null;
            _analyzer.Dispose();
            _defaultAnalyzer.Dispose();
        }
        // A merge after a rebuild was aborted with the writer, which waited for Lucene's merge thread to stop (well under
        // a second); its task then only logs, or takes the lock to find the index closed: nothing to wait for.
    }

    private (ContentIndexOpenStatus Status, ContentIndexGeneration? Generation) TryOpenGeneration(string name)
    {
        var path = Path.Combine(RootPath, name);
        IReadOnlyDictionary<string, string> userData;
        try
        {
            using (var directory = FSDirectory.Open(path))
            {
                if (!DirectoryReader.IndexExists(directory))
                {
                    return (ContentIndexOpenStatus.Missing, null);
                }
                var infos = new SegmentInfos();
                infos.Read(directory);
                userData = new Dictionary<string, string>(infos.UserData, StringComparer.Ordinal);
            }
            if (userData.GetValueOrDefault(FingerprintKey) != _fingerprint)
            {
                return (ContentIndexOpenStatus.Outdated, null);
            }
            var generation = ContentIndexGeneration.Open(path, name, _analyzer, create: false);
            generation.Position = long.Parse(userData.GetValueOrDefault(PositionKey) ?? "0", CultureInfo.InvariantCulture);
            generation.AnalysisSignature = userData.GetValueOrDefault(AnalysisKey) ?? "";
            // Other analysis: the documents are readable (same fields), only ranked a little differently; serve
            // them while the rebuild the caller starts replaces them, rather than answer 503 meanwhile.
            return (generation.AnalysisSignature == _analysisSignature ? ContentIndexOpenStatus.Opened : ContentIndexOpenStatus.AnalysisChanged, generation);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or LockObtainFailedException
            || exception.GetType().Name.Contains("Corrupt", StringComparison.Ordinal))
        {
            _logger.LogWarning(exception, "The content index {Generation} cannot be opened.", name);
            return (ContentIndexOpenStatus.Corrupt, null);
        }
    }

    /// <summary>
    /// Makes a generation live; the previous one is closed (a merge running there is aborted) and its folder removed.
    /// Callers hold the write lock (or run before the index is shared).
    /// </summary>
    private void Swap(ContentIndexGeneration next)
    {
        var previous = _live;
        _live = next;
        WritePointer(next.Name);
        // A query that acquired a searcher of the old generation keeps its own reference: the reader
        // stays usable until released; on Windows deleting its files may fail and is retried at the next swap.
        previous?.Dispose();
        DeleteOtherGenerations(next.Name);
    }

    private string? ReadPointer()
    {
        try
        {
            var name = File.ReadAllText(PointerPath).Trim();
            return name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal) ? null : name;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private void WritePointer(string name)
    {
        System.IO.Directory.CreateDirectory(RootPath);
        var temporary = PointerPath + ".tmp";
        File.WriteAllText(temporary, name);
        File.Move(temporary, PointerPath, overwrite: true);
    }

    private void DeleteOtherGenerations(string live)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(RootPath))
        {
            var name = Path.GetFileName(folder);
            if (name == live)
            {
                continue;
            }
            try
            {
                using (var directory = FSDirectory.Open(folder))
                {
                    // Another process (a site, while the CLI rebuilds) may still write there: it switches and deletes later.
                    if (IndexWriter.IsLocked(directory))
                    {
                        continue;
                    }
                }
                System.IO.Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _logger.LogInformation(exception, "Old content index {Generation} not deleted yet.", name);
            }
        }
    }

    private string NewGenerationName()
    {
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        var name = stamp;
        for (var suffix = 1; System.IO.Directory.Exists(Path.Combine(RootPath, name)) || name == _live?.Name; suffix++)
        {
            name = stamp + "-" + suffix.ToString(CultureInfo.InvariantCulture);
        }
        return name;
    }

    private void Commit(ContentIndexGeneration generation, long position)
    {
        generation.Writer.SetCommitData(new Dictionary<string, string>
        {
            [PositionKey] = position.ToString(CultureInfo.InvariantCulture),
            [FingerprintKey] = _fingerprint,
            // A generation opened with older analysis keeps its own signature: a restart before the rebuild swaps in still rebuilds.
            [AnalysisKey] = generation.AnalysisSignature,
        });
        generation.Writer.Commit();
        generation.Position = position;
        generation.Searchers.MaybeRefreshBlocking();
    }
}
