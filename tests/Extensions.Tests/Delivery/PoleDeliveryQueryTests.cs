using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Delivery.Querying;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Rendering;
using PoleKnowledge.Cms.Schema;
using PoleKnowledge.Extensions.Structures;

namespace PoleKnowledge.Extensions.Tests.Delivery;

/// <summary>The pôle's filters and sorts on the real content schema, with values written and published by the real editors.</summary>
public sealed class PoleDeliveryQueryTests : IAsyncLifetime, IDisposable
{
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Library = Guid.NewGuid();
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "pk-pole-index-tests", Guid.NewGuid().ToString("N"));
    private readonly ContentSchema _schema;
    private readonly PropertyEditorCollection _editors;
    private readonly ServiceProvider _services;
    private readonly Dictionary<string, Guid> _keys = [];

    public PoleDeliveryQueryTests()
    {
        _editors = new PropertyEditorCollection(BuiltInPropertyEditors.Create().Append(new SiretPropertyEditor()));
        var loaded = ContentSchemaLoader.Load(FindSchema(), _editors);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        _schema = loaded.Schema!;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(new ContentSchemaHolder(_schema));
        services.AddSingleton(new HubPaths(_dataPath, _dataPath));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublishedContentCache>();
        services.AddHubIndexing();
        new PoleExtension().Register(new HubBuilder(services));
        _services = services.BuildServiceProvider();
    }

    private PublishedContentCache Cache => _services.GetRequiredService<PublishedContentCache>();

    public async Task InitializeAsync()
    {
        var items = new List<PublishedContent>
        {
            Item("home", "home", null, "Accueil"),
            Item("library", "section", Home, "Ressources"),
            Item("guide", "resource", Library, "Économie sociale : le guide", ("resourceType", "\"guide\""), ("themes", "[\"benevolat\",\"emploi\"]"), ("missions", "[\"amelioration\"]"), ("priorities", "[\"financement\"]"), ("audiences", "[\"benevoles\"]"), ("date", "\"2024-03-01\"")),
            Item("brochure", "resource", Library, "Annuaire des structures", ("resourceType", "\"brochure\""), ("themes", "[\"gouvernance\"]"), ("missions", "[\"developpement\"]"), ("audiences", "[\"structures-ess\",\"benevoles\"]"), ("date", "\"2023-11-15\"")),
            Item("untagged", "resource", Library, "Zoom sur les SCIC", ("resourceType", "\"guide\"")),
            Item("forum", "event", Library, "Forum de l'emploi", ("start", "\"2024-01-20T09:00:00Z\""), ("place", "\"Rennes\""), ("commune", "\"betton\""), ("themes", "[\"emploi\"]")),
            Item("fund", "fundingScheme", Library, "Fonds d'amorçage", ("kind", "\"pret\""), ("funder", "\"France Active\""), ("deadline", "\"2024-02-10\""), ("eligibleLegalForms", "[\"scop\",\"scic\"]")),
            Item("coop", "structureProfile", Library, "Coop des Champs", ("legalForm", "\"scop\""), ("commune", "\"acigne\"")),
            Item("group", "workingGroup", Library, "Groupe bénévolat", ("status", "\"inscriptions-ouvertes\""), ("modality", "\"ep\"")),
        };
        Cache.Load(items, 1);
        await _services.GetRequiredService<ContentIndex>().RebuildAsync(null, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _services.Dispose();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    [Theory]
    [InlineData("theme:benevolat", "guide")]
    [InlineData("theme:BENEVOLAT,gouvernance", "guide brochure")]
    [InlineData("theme:emploi", "guide forum")]
    [InlineData("mission:developpement", "brochure")]
    [InlineData("priority:financement", "guide")]
    [InlineData("audience:benevoles", "guide brochure")]
    [InlineData("resourceType:guide", "guide untagged")]
    [InlineData("legalForm:scop", "fund coop")]
    [InlineData("legalForm:scic", "fund")]
    [InlineData("commune:betton,acigne", "forum coop")]
    [InlineData("groupStatus:inscriptions-ouvertes", "group")]
    [InlineData("modality:ep", "group")]
    [InlineData("modality:rq", "")]
    public void PoleFilter_RealSchemaValues_MatchingItems(string filter, string expected)
    {
        Assert.Equal(expected, Names(Query(filters: [filter])));
    }

    [Fact]
    public void PoleFilter_NegationAndAnd()
    {
        Assert.Equal("brochure untagged", Names(Query(filters: ["contentType:resource", "theme:!benevolat"])));
        Assert.Equal("guide", Names(Query(filters: ["theme:emploi", "resourceType:guide"])));
    }

    [Fact]
    public void DateSort_ResourceDateEventStartFundingDeadline_UndatedLast()
    {
        Assert.Equal("brochure forum fund guide", string.Join(" ", Names(Query(sorts: ["date:asc"])).Split(' ').Take(4)));
        Assert.Equal("guide fund forum brochure", string.Join(" ", Names(Query(sorts: ["date:desc"])).Split(' ').Take(4)));
    }

    [Fact]
    public void TitleSort_AccentsFoldedInTheCulture()
    {
        Assert.Equal("brochure coop guide fund forum group untagged", Names(Query(sorts: ["title:asc"])));
    }

    private List<Guid> Query(string[]? filters = null, string[]? sorts = null)
    {
        var parser = _services.GetRequiredService<DeliveryQueryParser>();
        var context = new DeliveryQueryContext { Culture = "fr-FR", Cache = Cache, Schema = _schema };
        var parsed = parser.Parse($"children:{Library}", filters ?? [], sorts ?? [], null, "100", context, null, null);
        Assert.True(parsed.IsValid, parsed.Error?.Title);
        return [.. _services.GetRequiredService<IDeliveryQueryExecutor>().Execute(parsed.Query).Keys];
    }

    private string Names(IEnumerable<Guid> keys) => string.Join(" ", keys.Select(k => _keys.First(p => p.Value == k).Key));

    private PublishedContent Item(string id, string type, Guid? parent, string name, params (string Alias, string Json)[] values)
    {
        var key = id switch { "home" => Home, "library" => Library, _ => Guid.NewGuid() };
        _keys[id] = key;
        var documentType = _schema.GetDocumentType(type) ?? throw new InvalidOperationException(type);
        var properties = values.Select(v => Publish(documentType, v.Alias, v.Json)).ToArray();
        var culture = documentType.VariesByCulture ? "fr-FR" : "";
        return new PublishedContent
        {
            Key = key, ContentType = type, ParentKey = parent, SortOrder = _keys.Count, Level = parent is null ? 1 : 2, CreateDate = DateTime.UtcNow,
            Cultures = new Dictionary<string, PublishedCulture>
            {
                [culture] = new() { Culture = culture, Name = name, UrlSegment = id, Properties = properties },
            },
        };
    }

    /// <summary>Normalises the value with the property's editor (fails on a value the schema refuses), then publishes it.</summary>
    private PublishedProperty Publish(DocumentType type, string alias, string json)
    {
        var property = type.GetProperty(alias) ?? throw new InvalidOperationException($"{type.Alias}.{alias}");
        var normalized = property.Editor.Normalize(JsonNode.Parse(json), property, new PropertyValueContext { Schema = _schema, Editors = _editors, Culture = "fr-FR" });
        Assert.True(normalized.IsValid, string.Join("\n", normalized.Errors));
        using var stored = JsonDocument.Parse(normalized.Value!.ToJsonString());
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            property.Editor.Publish(writer, stored.RootElement, property, new PropertyPublishContext { Schema = _schema, Editors = _editors, Culture = "fr-FR", Markdown = new MarkdownRenderer() });
        }
        return new PublishedProperty(alias, buffer.WrittenSpan.ToArray(), false);
    }

    private static string FindSchema()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "content-schema");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("content-schema not found");
    }
}
