using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>Renaming and moving media folders in the back office: no cycles, unique names among siblings, revision check, editors only.</summary>
public sealed class BackOfficeMediaFolderTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    private MediaStore Media => hub.Factory.Services.GetRequiredService<MediaStore>();

    private async Task<MediaItem> FolderAsync(string name, Guid? parent = null)
    {
        var outcome = await Media.CreateFolderAsync(new MediaWrite { Name = name, ParentKey = parent }, "tests");
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Item!;
    }

    private static string Url(Guid folder) => $"/backoffice/medias?folder={folder}";

    private static List<KeyValuePair<string, string>> Form(string name, Guid? target, int revision) =>
        [new("NewName", name), new("TargetFolder", target?.ToString() ?? ""), new("revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task RenameAndMove_ByEditor_FolderAndSubtreeFollow()
    {
        var source = await FolderAsync("Affiches " + Guid.NewGuid().ToString("N")[..6]);
        var child = await FolderAsync("2026", source.Key);
        var target = await FolderAsync("Archives " + Guid.NewGuid().ToString("N")[..6]);
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);

        using var response = await editor.PostAsync(Url(source.Key) + "&handler=FolderUpdate", Form("Affiches anciennes", target.Key, source.Revision), Url(source.Key));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var moved = (await Media.GetAsync(source.Key))!;
        Assert.Equal("Affiches anciennes", moved.Name);
        Assert.Equal(target.Key, moved.ParentKey);
        Assert.Equal(target.Level + 1, moved.Level);
        Assert.Equal(target.Level + 2, (await Media.GetAsync(child.Key))!.Level);
        var page = await editor.GetStringAsync(Url(child.Key));
        Assert.Contains($"<li><a href=\"/backoffice/medias?folder={target.Key}\">{target.Name}</a></li>", page, StringComparison.Ordinal);
        Assert.Contains("Affiches anciennes", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_IntoOwnSubfolder_422AndNothingChanged()
    {
        var parent = await FolderAsync("Parent " + Guid.NewGuid().ToString("N")[..6]);
        var child = await FolderAsync("Enfant", parent.Key);
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);

        // A crafted post: the form never offers the subtree.
        Assert.DoesNotContain($"value=\"{child.Key}\"", await editor.GetStringAsync(Url(parent.Key)), StringComparison.OrdinalIgnoreCase);
        using var response = await editor.PostAsync(Url(parent.Key) + "&handler=FolderUpdate", Form(parent.Name, child.Key, parent.Revision), Url(parent.Key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"targetFolder-error\">Un dossier ne peut pas aller dans lui-même", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await Media.GetAsync(parent.Key))!.ParentKey);
    }

    [Fact]
    public async Task RenameOrMove_NameTakenBySibling_422()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = await FolderAsync("Logos " + suffix);
        var second = await FolderAsync("Photos " + suffix);
        var elsewhere = await FolderAsync("Sous " + suffix);
        var same = await FolderAsync("LOGOS " + suffix, elsewhere.Key);
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);

        using var rename = await editor.PostAsync(Url(second.Key) + "&handler=FolderUpdate", Form("logos " + suffix, null, second.Revision), Url(second.Key));
        using var move = await editor.PostAsync(Url(same.Key) + "&handler=FolderUpdate", Form(same.Name, null, same.Revision), Url(same.Key));

        foreach (var response in new[] { rename, move })
        {
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(response == rename ? "rename" : "move")}: {response.StatusCode} {response.Headers.Location}");
            Assert.Contains("id=\"newName-error\">Un dossier porte déjà ce nom à cet endroit.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal("Photos " + suffix, (await Media.GetAsync(second.Key))!.Name);
        Assert.Equal(elsewhere.Key, (await Media.GetAsync(same.Key))!.ParentKey);
        Assert.False((await Media.CreateFolderAsync(new MediaWrite { Name = "logos " + suffix }, "tests")).Succeeded);
        Assert.NotNull(first);
    }

    [Fact]
    public async Task Update_StaleRevision_409()
    {
        var folder = await FolderAsync("Révision " + Guid.NewGuid().ToString("N")[..6]);
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        Assert.True((await Media.UpdateAsync(folder.Key, new MediaWrite { Name = folder.Name + " bis" }, "tests")).Succeeded);

        using var response = await editor.PostAsync(Url(folder.Key) + "&handler=FolderUpdate", Form("Écrasé", null, folder.Revision), Url(folder.Key));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(folder.Name + " bis", (await Media.GetAsync(folder.Key))!.Name);
    }

    [Fact]
    public async Task Update_ByWriter_Forbidden()
    {
        var folder = await FolderAsync("Rédaction " + Guid.NewGuid().ToString("N")[..6]);
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        Assert.DoesNotContain("handler=FolderUpdate", await writer.GetStringAsync(Url(folder.Key)), StringComparison.Ordinal);

        using var response = await writer.PostAsync(Url(folder.Key) + "&handler=FolderUpdate", Form("Renommé", null, folder.Revision), Url(folder.Key));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(folder.Name, (await Media.GetAsync(folder.Key))!.Name);
    }
}
