using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>
/// Each role × each guarded action, over HTTP with a valid anti-forgery token: what the role may not do is
/// refused on the server (403) and changes nothing, whatever the page showed.
/// </summary>
public sealed class BackOfficePermissionTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    public static TheoryData<string, string, int> AdminPages() => new()
    {
        { BackOfficeFixture.Writer, "/backoffice/admin/utilisateurs", 403 },
        { BackOfficeFixture.Editor, "/backoffice/admin/utilisateurs", 403 },
        { BackOfficeFixture.Admin, "/backoffice/admin/utilisateurs", 200 },
        { BackOfficeFixture.Writer, "/backoffice/admin/jetons", 403 },
        { BackOfficeFixture.Editor, "/backoffice/admin/jetons", 403 },
        { BackOfficeFixture.Admin, "/backoffice/admin/jetons", 200 },
        { BackOfficeFixture.Editor, "/backoffice/admin/journal", 403 },
        { BackOfficeFixture.Admin, "/backoffice/admin/journal", 200 },
        { BackOfficeFixture.Editor, "/backoffice/admin/sante", 403 },
        { BackOfficeFixture.Admin, "/backoffice/admin/sante", 200 },
        { BackOfficeFixture.Editor, "/backoffice/admin/webhooks", 403 },
        { BackOfficeFixture.Writer, "/backoffice/admin/webhooks/modifier", 403 },
        { BackOfficeFixture.Admin, "/backoffice/admin/webhooks", 200 },
        { BackOfficeFixture.Admin, "/backoffice/admin/webhooks/modifier", 200 },
        { BackOfficeFixture.Editor, "/backoffice/admin/diffusion", 403 },
        { BackOfficeFixture.Admin, "/backoffice/admin/diffusion", 200 },
        { BackOfficeFixture.Writer, "/backoffice/contenu", 200 },
        { BackOfficeFixture.Writer, "/backoffice/medias", 200 },
        { BackOfficeFixture.Writer, "/backoffice/corbeille", 200 },
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Page_ByRole_AllowedOrDenied(string email, string path, int expected)
    {
        var client = await hub.SignedInAsync(email);
        using var response = await client.Http.GetAsync(path);
        if (expected == 403)
        {
            // The cookie handler sends a signed-in user without the role to the access-denied page (itself a 403).
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/backoffice/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            using var denied = await client.Http.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        else
        {
            Assert.Equal((HttpStatusCode)expected, response.StatusCode);
        }
    }

    public static TheoryData<string> EditorOnlyHandlers() => ["Publish", "Unpublish", "Schedule", "Move", "Copy", "Trash"];

    [Theory]
    [MemberData(nameof(EditorOnlyHandlers))]
    public async Task EditorAction_CraftedByWriter_Forbidden(string handler)
    {
        var key = await hub.AnyResourceAsync();
        var before = await hub.Store.GetAsync(key);
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var url = $"/backoffice/contenu/{key}/modifier";
        var page = await writer.GetStringAsync(url);
        Assert.DoesNotContain("handler=Publish", page, StringComparison.Ordinal);
        var fields = HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string>
        {
            ["publishAt"] = "2030-01-01T10:00", ["target"] = before!.ParentKey.ToString()!,
        });
        using var response = await writer.PostAsync($"{url}?handler={handler}&culture=fr-FR", fields, tokenPage: url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await hub.Store.GetAsync(key);
        Assert.Equal(before.Revision, after!.Revision);
        Assert.Equal(before.Published.Count, after.Published.Count);
        Assert.False(after.Trashed);
        Assert.Equal(before.Schedule.Count, after.Schedule.Count);
    }

    [Fact]
    public async Task Sort_CraftedByWriter_Forbidden()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var response = await writer.PostAsync("/backoffice/contenu?handler=Sort", [], tokenPage: "/backoffice/contenu");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RecycleBin_CraftedByWriter_Forbidden()
    {
        var key = await hub.AnyResourceAsync();
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var restore = await writer.PostAsync("/backoffice/corbeille?handler=Restore", [new("key", key.ToString())]);
        using var delete = await writer.PostAsync("/backoffice/corbeille?handler=Delete", [new("key", key.ToString())]);
        Assert.Equal(HttpStatusCode.Forbidden, restore.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.NotNull(await hub.Store.GetAsync(key));
    }

    [Fact]
    public async Task AdminPost_CraftedByEditor_Denied()
    {
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        using var response = await editor.PostAsync("/backoffice/admin/jetons?handler=Create", [new("name", "pirate")], tokenPage: "/backoffice");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var tokens = await hub.Factory.Services.GetRequiredService<PoleKnowledge.Cms.Security.ApiTokenStore>().ListAsync();
        Assert.DoesNotContain(tokens, t => t.Name == "pirate");
    }

    [Fact]
    public async Task Publish_ByEditor_Publishes()
    {
        var key = await hub.AnyResourceAsync();
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var url = $"/backoffice/contenu/{key}/modifier";
        var page = await editor.GetStringAsync(url);
        var name = "Publié par l'éditrice " + Guid.NewGuid().ToString("N")[..6];
        using var response = await editor.PostAsync($"{url}?handler=Publish&culture=fr-FR", HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["Name"] = name }), tokenPage: url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await hub.Store.GetAsync(key);
        Assert.Equal(name, item!.Published["fr-FR"].Name);
    }
}
