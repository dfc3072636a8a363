using System.Net;
using MimeKit;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>Writing through the back office: forms, validation next to the field, conflicts, review, schedule, versions.</summary>
public sealed class BackOfficeContentTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    private static string Edit(Guid key) => $"/backoffice/contenu/{key}/modifier";

    private async Task<(BackOfficeClient Client, Guid Key, string Page)> OpenAsync(string email)
    {
        var key = await CreateResourceAsync();
        var client = await hub.SignedInAsync(email);
        return (client, key, await client.GetStringAsync(Edit(key)));
    }

    /// <summary>A fresh resource made through the create form, so tests do not step on each other.</summary>
    private async Task<Guid> CreateResourceAsync(string? name = null)
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var parent = (await hub.Store.FindForPickerAsync(["section"], "Ressources", 5))[0].Key;
        var url = $"/backoffice/contenu/creer?parent={parent}&type=resource";
        var page = await writer.GetStringAsync(url);
        var fields = HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string>
        {
            ["Name"] = name ?? "Guide test " + Guid.NewGuid().ToString("N")[..8],
            ["v.summary"] = "Un résumé suffisant pour la bibliothèque.",
            ["v.resourceType"] = "guide",
            ["v.body"] = "# Titre\n\nDu **Markdown**.",
        });
        using var response = await writer.PostAsync(url, fields, tokenPage: url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }

    [Fact]
    public async Task Create_ByWriter_SavesDraftUnpublished()
    {
        var key = await CreateResourceAsync();
        var item = await hub.Store.GetAsync(key);
        Assert.NotNull(item);
        Assert.Empty(item.Published);
        Assert.Equal("guide", item.Data.InvariantValues["resourceType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Save_MissingRequiredField_ErrorNextToFieldAndInputKept()
    {
        var (client, key, page) = await OpenAsync(BackOfficeFixture.Writer);
        var fields = HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["v.summary"] = "", ["v.source"] = "Ma saisie à garder" });
        using var response = await client.PostAsync($"{Edit(key)}?handler=Save&culture=fr-FR", fields, tokenPage: Edit(key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.NotNull(HtmlForm.ErrorOf(html, "f-summary"));
        Assert.Contains("value=\"Ma saisie à garder\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_StaleRevision_ConflictKeepsInput()
    {
        var (client, key, page) = await OpenAsync(BackOfficeFixture.Editor);
        var other = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var otherPage = await other.GetStringAsync(Edit(key));
        using (var first = await other.PostAsync($"{Edit(key)}?handler=Save&culture=fr-FR", HtmlForm.Fields(otherPage, "data-unsaved-warning", new Dictionary<string, string> { ["v.source"] = "Première main" }), tokenPage: Edit(key)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        var fields = HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["v.source"] = "Seconde main, à ne pas perdre" });
        using var response = await client.PostAsync($"{Edit(key)}?handler=Save&culture=fr-FR", fields, tokenPage: Edit(key));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Quelqu&#x27;un d&#x27;autre a enregistré", html.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Seconde main, à ne pas perdre", html, StringComparison.Ordinal);
        Assert.Equal("Première main", (await hub.Store.GetAsync(key))!.Data.CultureValues["fr-FR"]["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task Save_ScriptInFields_ShownEscaped()
    {
        const string script = "<script>alert('x')</script>";
        var (client, key, page) = await OpenAsync(BackOfficeFixture.Writer);
        var fields = HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["Name"] = "Guide " + script, ["v.source"] = script });
        using var response = await client.PostAsync($"{Edit(key)}?handler=Save&culture=fr-FR", fields, tokenPage: Edit(key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var edit = await client.GetStringAsync(Edit(key));
        Assert.DoesNotContain(script, edit, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", edit, StringComparison.Ordinal);
        var item = await hub.Store.GetAsync(key);
        var list = await client.GetStringAsync($"/backoffice/contenu?parent={item!.ParentKey}&q=script");
        Assert.DoesNotContain(script, list, StringComparison.Ordinal);
        var preview = await client.GetStringAsync($"/backoffice/contenu/{key}/apercu");
        Assert.DoesNotContain(script, preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_OverlongName_ErrorNextToName()
    {
        var (client, key, page) = await OpenAsync(BackOfficeFixture.Writer);
        var fields = HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["Name"] = new string('a', 1200) });
        using var response = await client.PostAsync($"{Edit(key)}?handler=Save&culture=fr-FR", fields, tokenPage: Edit(key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(HtmlForm.ErrorOf(await response.Content.ReadAsStringAsync(), "name"));
    }

    [Fact]
    public async Task Submit_ByWriter_MailsEditorsAndQueuesReview()
    {
        var (client, key, page) = await OpenAsync(BackOfficeFixture.Writer);
        var fields = HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["ReviewMessage"] = "Relire la partie 2 svp" });
        using var response = await client.PostAsync($"{Edit(key)}?handler=Submit&culture=fr-FR", fields, tokenPage: Edit(key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mails = Directory.GetFiles(hub.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => (m.TextBody ?? "").Contains(key.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Contains(mails, m => m.To.Mailboxes.Any(a => a.Address == BackOfficeFixture.Editor));
        Assert.DoesNotContain(mails, m => m.To.Mailboxes.Any(a => a.Address == BackOfficeFixture.Writer));
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var dashboard = await editor.GetStringAsync("/backoffice");
        Assert.Contains(key.ToString(), dashboard, StringComparison.Ordinal);
        Assert.Contains("Relire la partie 2 svp", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_InThePast_RefusedWithMessage()
    {
        var (client, key, _) = await OpenAsync(BackOfficeFixture.Editor);
        using var response = await client.PostAsync($"{Edit(key)}?handler=Schedule&culture=fr-FR", [new("publishAt", "2020-01-01T10:00")], tokenPage: Edit(key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("dans le futur", HtmlForm.ErrorOf(await response.Content.ReadAsStringAsync(), "schedule") ?? "", StringComparison.Ordinal);
        Assert.Empty((await hub.Store.GetAsync(key))!.Schedule);
    }

    [Fact]
    public async Task Schedule_LocalTime_StoredUtcAndPublishedWhenDue()
    {
        var (client, key, _) = await OpenAsync(BackOfficeFixture.Editor);
        // The fake clock is 10 January 2027, 09:00 UTC; Paris is UTC+1 in winter.
        using var response = await client.PostAsync($"{Edit(key)}?handler=Schedule&culture=fr-FR", [new("publishAt", "2027-01-12T08:30")], tokenPage: Edit(key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var scheduled = (await hub.Store.GetAsync(key))!.Schedule.Single();
        Assert.Equal(new DateTime(2027, 1, 12, 7, 30, 0, DateTimeKind.Utc), scheduled.DueUtc);
        Assert.Contains("12 janvier 2027 à 08:30", await client.GetStringAsync(Edit(key)), StringComparison.Ordinal);
        hub.Factory.Clock.Advance(TimeSpan.FromDays(3));
        await hub.Store.RunDueSchedulesAsync();
        Assert.True((await hub.Store.GetAsync(key))!.Published.ContainsKey("fr-FR"));
    }

    [Fact]
    public async Task Versions_DiffAndRollback_RestoresEarlierDraft()
    {
        var (client, key, page) = await OpenAsync(BackOfficeFixture.Writer);
        var original = (await hub.Store.GetAsync(key))!.Data.Names["fr-FR"];
        using (var save = await client.PostAsync($"{Edit(key)}?handler=Save&culture=fr-FR", HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["Name"] = "Nom changé" }), tokenPage: Edit(key)))
        {
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }
        var versions = await client.GetStringAsync($"/backoffice/contenu/{key}/versions?left=1&right=2");
        Assert.Contains("class=\"bo-ins\">Nom changé", versions, StringComparison.Ordinal);
        var revision = (await hub.Store.GetAsync(key))!.Revision;
        using var rollback = await client.PostAsync($"/backoffice/contenu/{key}/versions?handler=Rollback&culture=fr-FR", [new("number", "1"), new("revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        var item = await hub.Store.GetAsync(key);
        Assert.Equal(original, item!.Data.Names["fr-FR"]);
        Assert.Equal(3, item.Version);
    }

    [Fact]
    public async Task Rollback_ToVersionOfAnotherItem_RefusedWithMessage()
    {
        var (client, key, _) = await OpenAsync(BackOfficeFixture.Writer);
        var before = (await hub.Store.GetAsync(key))!;
        using var rollback = await client.PostAsync($"/backoffice/contenu/{key}/versions?handler=Rollback", [new("number", "999")]);
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        var page = await client.GetStringAsync(rollback.Headers.Location!.OriginalString);
        Assert.Contains("pas de version 999", page, StringComparison.Ordinal);
        Assert.Equal(before.Revision, (await hub.Store.GetAsync(key))!.Revision);
    }

    [Fact]
    public async Task TrashAndRestore_ByEditor_RoundTrips()
    {
        var (client, key, _) = await OpenAsync(BackOfficeFixture.Editor);
        using (var trash = await client.PostAsync($"{Edit(key)}?handler=Trash", [], tokenPage: Edit(key)))
        {
            Assert.Equal(HttpStatusCode.Redirect, trash.StatusCode);
        }
        Assert.True((await hub.Store.GetAsync(key))!.Trashed);
        Assert.Contains(key.ToString(), await client.GetStringAsync("/backoffice/corbeille"), StringComparison.Ordinal);
        using (var restore = await client.PostAsync("/backoffice/corbeille?handler=Restore", [new("key", key.ToString())]))
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }
        Assert.False((await hub.Store.GetAsync(key))!.Trashed);
    }

    [Fact]
    public async Task List_FilterSortAndPage_Work()
    {
        var marker = "Zèbre " + Guid.NewGuid().ToString("N")[..6];
        var key = await CreateResourceAsync(marker);
        var parent = (await hub.Store.GetAsync(key))!.ParentKey;
        var client = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var filtered = await client.GetStringAsync($"/backoffice/contenu?parent={parent}&q={Uri.EscapeDataString(marker)}");
        Assert.Contains(marker, filtered, StringComparison.Ordinal);
        Assert.Contains("1 élément", filtered, StringComparison.Ordinal);
        var sorted = await client.GetStringAsync($"/backoffice/contenu?parent={parent}&sort=name&desc=true");
        Assert.Contains("aria-sort=\"descending\"", sorted, StringComparison.Ordinal);
        using var missing = await client.Http.GetAsync($"/backoffice/contenu/{Guid.NewGuid()}/modifier");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task EnglishCulture_SavedSeparately()
    {
        var (client, key, _) = await OpenAsync(BackOfficeFixture.Writer);
        var url = Edit(key) + "?culture=en-US";
        var page = await client.GetStringAsync(url);
        var fields = HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["Name"] = "English guide", ["v.summary"] = "An English summary." });
        using var response = await client.PostAsync($"{Edit(key)}?handler=Save&culture=en-US", fields, tokenPage: Edit(key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await hub.Store.GetAsync(key);
        Assert.Equal("English guide", item!.Data.Names["en-US"]);
        Assert.NotEqual("English guide", item.Data.Names["fr-FR"]);
    }

    [Fact]
    public async Task Sort_ByEditor_ReordersChildren()
    {
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var parent = (await hub.Store.FindForPickerAsync(["section"], "Ressources", 5))[0].Key;
        var url = $"/backoffice/contenu?parent={parent}";
        var page = await editor.GetStringAsync(url);
        var fields = HtmlForm.Fields(page, "data-sortable");
        var orders = fields.Where(f => f.Key.StartsWith("order[", StringComparison.Ordinal)).ToList();
        Assert.True(orders.Count >= 2);
        var reversed = orders.Select((f, i) => new KeyValuePair<string, string>(f.Key, (orders.Count - i).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("parent", parent.ToString())).ToList();
        using var response = await editor.PostAsync($"/backoffice/contenu?handler=Sort&parent={parent}", reversed, tokenPage: url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var first = Guid.Parse(orders[0].Key[6..^1]);
        var last = Guid.Parse(orders[^1].Key[6..^1]);
        Assert.True((await hub.Store.GetAsync(last))!.SortOrder < (await hub.Store.GetAsync(first))!.SortOrder);
    }

    [Fact]
    public async Task Blueprint_SavedByEditor_PrefillsNewItems_WriterCannotSave()
    {
        var (editor, key, _) = await OpenAsync(BackOfficeFixture.Editor);
        using (var denied = await (await hub.SignedInAsync(BackOfficeFixture.Writer)).PostAsync($"{Edit(key)}?handler=Blueprint", [new("blueprintName", "Pirate")], tokenPage: Edit(key)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        using (var saved = await editor.PostAsync($"{Edit(key)}?handler=Blueprint", [new("blueprintName", "Guide type")], tokenPage: Edit(key)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var blueprint = Assert.Single(await hub.Store.GetBlueprintsAsync("resource"));
        Assert.Equal("Guide type", blueprint.Name);
        var parent = (await hub.Store.GetAsync(key))!.ParentKey;
        var page = await editor.GetStringAsync($"/backoffice/contenu/creer?parent={parent}&type=resource&blueprint={blueprint.Id}");
        Assert.Contains("Un résumé suffisant pour la bibliothèque.", page, StringComparison.Ordinal);
    }
}
