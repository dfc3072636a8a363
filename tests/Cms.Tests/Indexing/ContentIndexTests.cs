using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Indexing;
using PoleKnowledge.Cms.Publishing;
using T = PoleKnowledge.Cms.Tests.Indexing.IndexTestTree;

namespace PoleKnowledge.Cms.Tests.Indexing;

public sealed class ContentIndexTests : IAsyncLifetime, IDisposable
{
    private readonly IndexTestHost _host = new(TestSchema.Current);
    private readonly List<IndexTestHost> _others = [];

    public Task InitializeAsync() => _host.LoadAsync(T.Build(), 10);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var other in _others)
        {
            other.Dispose();
        }
        _host.Dispose();
        _host.DeleteData();
    }

    private PublishedContent Get(Guid key) => _host.Cache.Get(key)!;

    private static PublishedContent Moved(PublishedContent item, Guid? parent, int sortOrder, int? level = null) =>
        new() { Key = item.Key, ContentType = item.ContentType, ParentKey = parent, SortOrder = sortOrder, Level = level ?? item.Level, CreateDate = item.CreateDate, Cultures = item.Cultures };

    private void AssertTreeOrder(Guid root)
    {
        Assert.Equal(_host.Cache.DescendantsOf(root, "fr-FR").Select(i => i.Key), _host.Query($"descendants:{root}").Keys);
    }

    [Fact]
    public void Apply_MoveItem_ChildrenAndDefaultOrderFollow()
    {
        _host.Change(11, Moved(Get(T.Resource(3)), T.Agenda, -1));
        Assert.Equal(T.Resource(3), _host.Query($"children:{T.Agenda}").Keys[0]);
        Assert.Equal(9, _host.Query($"children:{T.Resources}").Total);
        Assert.Equal([T.Home, T.Agenda], _host.Query($"ancestors:{T.Resource(3)}").Keys);
        AssertTreeOrder(T.Home);
    }

    [Fact]
    public void Apply_MoveSection_DescendantsGetNewAncestorsAndOrder()
    {
        _host.Change(11, Moved(Get(T.Notes), T.Resources, 100, level: 3));
        Assert.Equal(10 + 1 + 8, _host.Query($"descendants:{T.Resources}").Total);
        Assert.Equal([T.Home, T.Resources, T.Notes], _host.Query($"ancestors:{T.Note(0)}").Keys);
        AssertTreeOrder(T.Home);
    }

    [Fact]
    public void Apply_Sort_DefaultOrderIsTheNewTreeOrder()
    {
        var sorted = Enumerable.Range(0, 10).Select(i => Moved(Get(T.Resource(i)), T.Resources, 10 - i)).ToArray();
        _host.Change(11, sorted);
        Assert.Equal(Enumerable.Range(0, 10).Reverse().Select(T.Resource), _host.Query($"children:{T.Resources}").Keys);
        _host.Change(12, Moved(Get(T.Agenda), T.Home, -5));
        Assert.Equal([T.Agenda, T.Resources, T.Notes], _host.Query($"children:{T.Home}").Keys);
        AssertTreeOrder(T.Home);
    }

    [Fact]
    public void Apply_UnpublishParentThenRepublish_DescendantsLeaveAndReturn()
    {
        var agenda = Get(T.Agenda);
        _host.Remove(11, T.Agenda);
        Assert.Equal(0, _host.Query(filters: ["contentType:event"]).Total);
        Assert.Equal(11, _host.Index.Position);
        _host.Change(12, agenda);
        Assert.Equal(6, _host.Query(filters: ["contentType:event"]).Total);
    }

    [Fact]
    public void Apply_AfterCachedQueries_DeletedAndChangedItemsAreSeen()
    {
        // The first queries cache each clause's documents per segment; later changes delete documents in that
        // segment and add new segments: the cached sets must not resurrect or hide anything.
        Assert.Equal(6, _host.Query(filters: ["contentType:event"]).Total);
        var meetings = _host.Query(filters: ["name:rencontre"]).Total;
        Assert.True(meetings > 0);
        var withoutEvents = _host.Query(filters: ["contentType:!event"]).Total;
        var agenda = Get(T.Agenda);
        _host.Remove(11, T.Agenda);
        Assert.Equal(0, _host.Query(filters: ["contentType:event"]).Total);
        Assert.Equal(0, _host.Query(filters: ["name:rencontre"]).Total);
        Assert.Equal(withoutEvents - 1, _host.Query(filters: ["contentType:!event"]).Total);
        _host.Change(12, agenda);
        Assert.Equal(6, _host.Query(filters: ["contentType:event"]).Total);
        Assert.Equal(meetings, _host.Query(filters: ["name:rencontre"]).Total);
        Assert.Equal(_host.Query().Total - 6, _host.Query(filters: ["contentType:!event"]).Total);
    }

    [Fact]
    public void Apply_Rename_SearchableImmediately()
    {
        var item = Get(T.Event(2));
        var renamed = new PublishedContent
        {
            Key = item.Key, ContentType = item.ContentType, ParentKey = item.ParentKey, SortOrder = item.SortOrder, Level = item.Level, CreateDate = item.CreateDate,
            Cultures = item.Cultures.ToDictionary(c => c.Key, c => new PublishedCulture { Culture = c.Key, Name = "Forum de l'ESS", UrlSegment = "forum", UpdateDate = c.Value.UpdateDate, Properties = [] }),
        };
        _host.Change(11, renamed);
        Assert.Equal([T.Event(2)], _host.Query(filters: ["name:forum"]).Keys);
        Assert.Equal(5, _host.Query(filters: ["name:rencontre"]).Total);
    }

    [Fact]
    public async Task Rebuild_OldIndexAnswersUntilTheSwapThenIsDeleted()
    {
        var before = _host.Index.CurrentGeneration!;
        long totalDuringRebuild = -1;
        string? generationDuringRebuild = null;
        await _host.Index.RebuildAsync(new InlineProgress(_ =>
        {
            totalDuringRebuild = _host.Query().Total;
            generationDuringRebuild = _host.Index.CurrentGeneration;
        }), CancellationToken.None);
        Assert.Equal(30, totalDuringRebuild);
        Assert.Equal(before, generationDuringRebuild);
        Assert.NotEqual(before, _host.Index.CurrentGeneration);
        Assert.Equal(30, _host.Query().Total);
        Assert.Equal(10, _host.Index.Position);
        Assert.False(Directory.Exists(Path.Combine(_host.Index.RootPath, before)));
        Assert.Equal(_host.Index.CurrentGeneration, File.ReadAllText(Path.Combine(_host.Index.RootPath, "current")));
    }

    [Fact]
    public async Task Rebuild_ChangeAppliedDuringTheBuild_KeptAfterTheSwap()
    {
        var resource = Get(T.Resource(1));
        await _host.Index.RebuildAsync(new InlineProgress(_ => _host.Remove(11, T.Resource(1))), CancellationToken.None);
        Assert.Equal(11, _host.Index.Position);
        Assert.DoesNotContain(T.Resource(1), _host.Query($"children:{T.Resources}").Keys);
        _host.Change(12, resource);
        Assert.Contains(T.Resource(1), _host.Query($"children:{T.Resources}").Keys);
    }

    [Fact]
    public async Task Restart_OpensAtTheStoredPosition()
    {
        _host.Remove(11, T.Resource(0));
        _host.Remove(12, T.Resource(1));
        var generation = _host.Index.CurrentGeneration;
        _host.Dispose();

        var restarted = Restart();
        Assert.Equal(ContentIndexOpenStatus.Opened, restarted.Index.Open());
        Assert.Equal(12, restarted.Index.Position);
        Assert.Equal(generation, restarted.Index.CurrentGeneration);
        restarted.Cache.Load(T.Build().Where(i => i.Key != T.Resource(0) && i.Key != T.Resource(1)), 12);
        Assert.Equal(8, restarted.Query($"children:{T.Resources}").Total);
        await Task.CompletedTask;
    }

    [Fact]
    public void Open_DamagedOrMissing_AsksForARebuild()
    {
        var root = _host.Index.RootPath;
        var generation = _host.Index.CurrentGeneration!;
        _host.Dispose();
        foreach (var file in Directory.GetFiles(Path.Combine(root, generation), "segments*"))
        {
            File.WriteAllBytes(file, [1, 2, 3]);
        }
        Assert.NotEqual(ContentIndexOpenStatus.Opened, Restart().Index.Open());

        File.Delete(Path.Combine(root, "current"));
        Assert.Equal(ContentIndexOpenStatus.Missing, Restart().Index.Open());
    }

    [Fact]
    public void Open_AnotherFieldProvider_Outdated()
    {
        _host.Dispose();
        var restarted = Restart(services => services.AddSingleton<IContentIndexFieldProvider>(new ExtraFieldProvider()));
        Assert.Equal(ContentIndexOpenStatus.Outdated, restarted.Index.Open());
    }

    private IndexTestHost Restart(Action<IServiceCollection>? configure = null)
    {
        var host = new IndexTestHost(TestSchema.Current, _host.DataPath, configure);
        _others.Add(host);
        return host;
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private sealed class ExtraFieldProvider : IContentIndexFieldProvider
    {
        public IEnumerable<IndexFieldDefinition> Fields => [new("extra", IndexFieldType.Keyword)];

        public IEnumerable<IndexFieldValue> GetValues(PublishedContent item, string culture, IndexingContext context) => [];
    }
}
