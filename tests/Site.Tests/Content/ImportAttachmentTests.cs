using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Import;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.Tests.Infrastructure;
using PoleKnowledge.Site.Tests.Media;

namespace PoleKnowledge.Site.Tests.Content;

/// <summary>PDF, DOCX and images beside imported Markdown become media: named in a picker, or named like the Markdown file.</summary>
public sealed class ImportAttachmentTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pk-tests", Guid.NewGuid().ToString("N"));

    private static string DemoFolder => Path.Combine(CliServices.SiteContentRoot(), "..", "..", "content-schema", "demo");

    [Fact]
    public async Task Import_FilesBesideTheMarkdown_BecomeMediaPickedByTheItem_ReimportChangesNothing()
    {
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(Path.Combine(input, "annexes"));
        void Write(string name, string text) => File.WriteAllText(Path.Combine(input, name), text);
        void Bytes(string name, byte[] content) => File.WriteAllBytes(Path.Combine(input, name), content);
        const string Resource = "contentType: resource\nparent: /ressources\nresourceType: guide\nsummary: Résumé\n";
        Write("guide-compta.md", $"---\nname: Guide de la comptabilité associative\nkey: guide-compta\n{Resource}---\nLe guide complet est joint.\n");
        Bytes("guide-compta.pdf", MediaFiles.Pdf("Plan comptable des associations et bilan annuel"));
        Write("fiche-b.md", $"---\nname: Fiche bénévolat\nkey: fiche-b\n{Resource}files: [annexes/tableau.docx]\ncover: couverture.jpg\n---\n");
        Bytes(Path.Combine("annexes", "tableau.docx"), MediaFiles.Docx("Tableau de suivi des heures de bénévolat"));
        Bytes("couverture.jpg", MediaFiles.Image("jpg", 200, 100));
        Write("fiche-c.md", $"---\nname: Fiche C\nkey: fiche-c\n{Resource}files: [../../secret.pdf]\n---\n");
        Write("fiche-d.md", $"---\nname: Fiche D\nkey: fiche-d\n{Resource}files: [absent.pdf]\n---\n");
        Write("fiche-e.md", $"---\nname: Fiche E\nkey: fiche-e\n{Resource}files: [faux.pdf]\n---\n");
        Bytes("faux.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

        await using var services = await CliServices.CreateAsync(Path.Combine(_root, "data"));
        var importer = services.GetRequiredService<ContentImporter>();
        Assert.True((await importer.ImportAsync(DemoFolder, "test")).Succeeded);
        var report = await importer.ImportAsync(input, "test");

        var errors = report.Errors.ToDictionary(e => e.File, e => e.Message);
        Assert.Equal(["fiche-c.md", "fiche-d.md", "fiche-e.md"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("outside the imported folder", errors["fiche-c.md"], StringComparison.Ordinal);
        Assert.Contains("does not exist", errors["fiche-d.md"], StringComparison.Ordinal);
        Assert.Contains("faux.pdf", errors["fiche-e.md"], StringComparison.Ordinal);
        Assert.Equal(2, report.Created);

        var store = services.GetRequiredService<ContentStore>();
        var mediaStore = services.GetRequiredService<MediaStore>();
        var guide = (await store.GetAsync(ContentKeys.FromImportKey("guide-compta")))!;
        var guidePdf = Guid.Parse(Assert.Single(guide.Data.InvariantValues["files"]!.AsArray())!["mediaKey"]!.GetValue<string>());
        var pdf = (await mediaStore.GetAsync(guidePdf))!;
        Assert.Equal(MediaStore.FileType, pdf.MediaType);
        Assert.Contains("Plan comptable des associations", await mediaStore.GetTextAsync(guidePdf), StringComparison.Ordinal);
        Assert.Equal(ContentImporter.ImportFolderName, (await mediaStore.GetAsync(pdf.ParentKey!.Value))!.Name);

        var sheet = (await store.GetAsync(ContentKeys.FromImportKey("fiche-b")))!;
        var docx = Guid.Parse(Assert.Single(sheet.Data.InvariantValues["files"]!.AsArray())!["mediaKey"]!.GetValue<string>());
        Assert.Contains("heures de bénévolat", await mediaStore.GetTextAsync(docx), StringComparison.Ordinal);
        var cover = (await mediaStore.GetAsync(Guid.Parse(sheet.Data.InvariantValues["cover"]!.AsArray()[0]!["mediaKey"]!.GetValue<string>())))!;
        Assert.Equal(MediaStore.ImageType, cover.MediaType);
        Assert.Equal(200, cover.Width);
        Assert.Equal("Fiche bénévolat", System.Text.Json.Nodes.JsonNode.Parse(cover.Properties)!["altText"]!.GetValue<string>());

        // Nothing refused was stored: no item for the bad files, no media beyond the three accepted files.
        Assert.Null(await store.GetAsync(ContentKeys.FromImportKey("fiche-e")));
        Assert.Equal(3, (await mediaStore.GetChildrenAsync(pdf.ParentKey)).Count);

        var again = await importer.ImportAsync(input, "test");
        Assert.Equal(0, again.Created + again.Updated);
        Assert.Equal(guide.Version, (await store.GetAsync(guide.Key))!.Version);
        Assert.Equal(3, (await mediaStore.GetChildrenAsync(pdf.ParentKey)).Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
