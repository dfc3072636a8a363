using System.Net;
using System.Text.Json;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>The autosave endpoint of the edit form: saves the draft with the revision check, never overwrites on a conflict.</summary>
public sealed class BackOfficeAutosaveTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    private static string Edit(Guid key) => $"/backoffice/contenu/{key}/modifier";
    private static string Autosave(Guid key) => $"{Edit(key)}?handler=Autosave&culture=fr-FR";

    private async Task<Guid> CreateResourceAsync()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var parent = (await hub.Store.FindForPickerAsync(["section"], "Ressources", 5))[0].Key;
        var url = $"/backoffice/contenu/creer?parent={parent}&type=resource";
        var fields = HtmlForm.Fields(await writer.GetStringAsync(url), "data-unsaved-warning", new Dictionary<string, string>
        {
            ["Name"] = "Autosave " + Guid.NewGuid().ToString("N")[..8],
            ["v.summary"] = "Un résumé suffisant pour la bibliothèque.",
            ["v.resourceType"] = "guide",
            ["v.body"] = "Premier jet.",
        });
        using var response = await writer.PostAsync(url, fields, tokenPage: url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }

    [Fact]
    public async Task Autosave_ChangedForm_SavesDraftWithTimeAndNewRevision()
    {
        var key = await CreateResourceAsync();
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var page = await writer.GetStringAsync(Edit(key));
        Assert.Contains($"data-autosave=\"{Edit(key)}?handler=Autosave&amp;culture=fr-FR\"", page, StringComparison.Ordinal);
        var before = (await hub.Store.GetAsync(key))!.Revision;

        using var response = await writer.PostAsync(Autosave(key), HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["v.body"] = "Deuxième jet, enregistré tout seul." }), Edit(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("saved").GetBoolean());
        var expectedTime = TimeZoneInfo.ConvertTime(hub.Factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Brouillon enregistré à {expectedTime}", json.RootElement.GetProperty("message").GetString());
        var after = (await hub.Store.GetAsync(key))!;
        Assert.Equal(after.Revision, json.RootElement.GetProperty("revision").GetInt32());
        Assert.True(after.Revision > before);
        Assert.Contains("Deuxième jet", (await writer.GetStringAsync(Edit(key))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autosave_StaleRevision_409ConflictMessageNothingOverwritten()
    {
        var key = await CreateResourceAsync();
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var stalePage = await writer.GetStringAsync(Edit(key));
        var editorPage = await editor.GetStringAsync(Edit(key));
        using (var other = await editor.PostAsync($"{Edit(key)}?handler=Save&culture=fr-FR", HtmlForm.Fields(editorPage, "data-unsaved-warning", new Dictionary<string, string> { ["v.body"] = "Version de l'éditrice" }), Edit(key)))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }
        var revision = (await hub.Store.GetAsync(key))!.Revision;

        using var response = await writer.PostAsync(Autosave(key), HtmlForm.Fields(stalePage, "data-unsaved-warning", new Dictionary<string, string> { ["v.body"] = "Version périmée" }), Edit(key));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("conflict").GetBoolean());
        Assert.StartsWith("Quelqu'un d'autre a enregistré cet élément", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(revision, (await hub.Store.GetAsync(key))!.Revision);
        Assert.Contains("Version de l&#x27;éditrice", await writer.GetStringAsync(Edit(key)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autosave_InvalidForm_422NothingSaved()
    {
        var key = await CreateResourceAsync();
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var page = await writer.GetStringAsync(Edit(key));
        var revision = (await hub.Store.GetAsync(key))!.Revision;

        using var response = await writer.PostAsync(Autosave(key), HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["Name"] = new string('a', 1200) }), Edit(key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.GetProperty("saved").GetBoolean());
        Assert.Equal(revision, (await hub.Store.GetAsync(key))!.Revision);
    }

    [Fact]
    public async Task Autosave_WithoutAntiforgeryToken_Refused()
    {
        var key = await CreateResourceAsync();
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var fields = HtmlForm.Fields(await writer.GetStringAsync(Edit(key)), "data-unsaved-warning").Where(f => f.Key != "__RequestVerificationToken").ToList();
        var revision = (await hub.Store.GetAsync(key))!.Revision;

        using var response = await writer.Http.PostAsync(Autosave(key), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(revision, (await hub.Store.GetAsync(key))!.Revision);
    }
}
