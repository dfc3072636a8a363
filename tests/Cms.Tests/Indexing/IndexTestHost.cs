using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Delivery.Querying;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Tests.Indexing;

/// <summary>
/// A published cache in memory, the index services as <c>AddHubIndexing</c> registers them, and a temp data
/// folder. Each instance is one "process": dispose it and build another on the same folder to restart.
/// </summary>
internal sealed class IndexTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public IndexTestHost(ContentSchema schema, string? dataPath = null, Action<IServiceCollection>? configure = null)
    {
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "pk-index-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(new ContentSchemaHolder(schema));
        services.AddSingleton(new HubPaths(DataPath, DataPath));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublishedContentCache>();
        services.AddHubIndexing();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Schema = schema;
    }

    public string DataPath { get; }
    public ContentSchema Schema { get; }
    public PublishedContentCache Cache => _services.GetRequiredService<PublishedContentCache>();
    public ContentIndex Index => _services.GetRequiredService<ContentIndex>();
    public DeliveryQueryParser Parser => _services.GetRequiredService<DeliveryQueryParser>();
    public IDeliveryQueryExecutor Executor => _services.GetRequiredService<IDeliveryQueryExecutor>();

    /// <summary>Loads the items into the cache at the position and builds the index from it.</summary>
    public async Task LoadAsync(IEnumerable<PublishedContent> items, long position)
    {
        Cache.Load(items, position);
        await Index.RebuildAsync(null, CancellationToken.None);
    }

    /// <summary>Changes items in the cache then in the index, as the feed consumer does (the cache first).</summary>
    public void Change(long position, params PublishedContent[] items)
    {
        Cache.Apply(items.ToDictionary(i => i.Key, i => (PublishedContent?)i), position);
        Index.Apply(items.ToDictionary(i => i.Key, _ => true), position);
    }

    public void Remove(long position, Guid key)
    {
        Cache.Apply(new Dictionary<Guid, PublishedContent?> { [key] = null }, position);
        Index.Apply(new Dictionary<Guid, bool> { [key] = true }, position);
    }

    public DeliveryQueryParseResult Parse(string? fetch = null, string[]? filters = null, string[]? sorts = null, string? skip = null, string? take = null,
        string culture = "fr-FR", Guid? startItem = null, IReadOnlySet<string>? allowed = null, IReadOnlySet<string>? disallowed = null) =>
        Parser.Parse(fetch, filters ?? [], sorts ?? [], skip, take, new DeliveryQueryContext { Culture = culture, StartItem = startItem, Cache = Cache, Schema = Schema }, allowed, disallowed);

    /// <summary>Parses (must be valid) and runs a query.</summary>
    public DeliveryQueryResult Query(string? fetch = null, string[]? filters = null, string[]? sorts = null, int skip = 0, int take = 100, string culture = "fr-FR",
        Guid? startItem = null, IReadOnlySet<string>? allowed = null, IReadOnlySet<string>? disallowed = null)
    {
        var parsed = Parse(fetch, filters, sorts, skip.ToString(System.Globalization.CultureInfo.InvariantCulture), take.ToString(System.Globalization.CultureInfo.InvariantCulture), culture, startItem, allowed, disallowed);
        Assert.True(parsed.IsValid, parsed.Error?.Title + ": " + parsed.Error?.Detail);
        return Executor.Execute(parsed.Query);
    }

    public static PublishedContent Item(Guid key, Guid? parent, string contentType, int sortOrder, int level, DateTime created, params (string Culture, string Name, DateTime Updated)[] cultures) =>
        new()
        {
            Key = key, ParentKey = parent, ContentType = contentType, SortOrder = sortOrder, Level = level, CreateDate = created,
            Cultures = cultures.ToDictionary(c => c.Culture, c => new PublishedCulture
            {
                Culture = c.Culture, Name = c.Name, UrlSegment = Segment(c.Name), UpdateDate = c.Updated, PublishDate = c.Updated, Properties = [],
            }, StringComparer.Ordinal),
        };

    public static PublishedContent WithProperties(PublishedContent item, params PublishedProperty[] properties) =>
        new()
        {
            Key = item.Key, ParentKey = item.ParentKey, ContentType = item.ContentType, SortOrder = item.SortOrder, Level = item.Level, CreateDate = item.CreateDate,
            Cultures = item.Cultures.ToDictionary(c => c.Key, c => new PublishedCulture
            {
                Culture = c.Value.Culture, Name = c.Value.Name, UrlSegment = c.Value.UrlSegment, UpdateDate = c.Value.UpdateDate, PublishDate = c.Value.PublishDate, Properties = properties,
            }, StringComparer.Ordinal),
        };

    private static string Segment(string name) =>
        new string([.. ContentIndexText.Fold(name).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');

    public void Dispose()
    {
        _services.Dispose();
    }

    public void DeleteData()
    {
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}
