using System.Net;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>Odd and hostile input never gives a 500: each is a clear answer, and nothing changes.</summary>
public sealed class BackOfficeBadInputTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    [Theory]
    [InlineData("/backoffice/contenu?page=-3&sort=%27;drop&desc=maybe&type=%3Cx%3E")]
    [InlineData("/backoffice/contenu?parent=not-a-guid")]
    [InlineData("/backoffice/contenu/creer?type=unknown")]
    [InlineData("/backoffice/admin/journal?from=yesterday&to=2027-13-45&item=xyz&page=0")]
    [InlineData("/backoffice/medias?folder=00000000-0000-0000-0000-000000000001")]
    [InlineData("/backoffice/medias/00000000-0000-0000-0000-000000000001")]
    [InlineData("/backoffice/contenu/00000000-0000-0000-0000-000000000001/versions")]
    [InlineData("/backoffice/contenu/00000000-0000-0000-0000-000000000001/apercu")]
    public async Task Get_OddQuery_NeverServerError(string url)
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        using var response = await admin.Http.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Save_MalformedJsonField_ErrorNextToField()
    {
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var home = (await hub.Store.FindForPickerAsync(["fundingScheme"], null, 1))[0].Key;
        var url = $"/backoffice/contenu/{home}/modifier";
        var page = await editor.GetStringAsync(url);
        var jsonField = System.Text.RegularExpressions.Regex.Match(page, "data-kind=\"Json\">\\s*<label for=\"f-([A-Za-z0-9]+)\"").Groups[1].Value;
        Assert.NotEmpty(jsonField);
        var fields = HtmlForm.Fields(page, "data-unsaved-warning", new Dictionary<string, string> { ["v." + jsonField] = "[{ \"oops\": " });
        using var response = await editor.PostAsync($"{url}?handler=Save&culture=fr-FR", fields, tokenPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("JSON invalide", HtmlForm.ErrorOf(await response.Content.ReadAsStringAsync(), "f-" + jsonField) ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_UnderItself_ClearMessageNoChange()
    {
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var key = await hub.AnyResourceAsync();
        var before = await hub.Store.GetAsync(key);
        var url = $"/backoffice/contenu/{key}/modifier";
        using var response = await editor.PostAsync($"{url}?handler=Move&culture=fr-FR", [new("target", key.ToString())], tokenPage: url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("bo-flash-error", await editor.GetStringAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(before!.ParentKey, (await hub.Store.GetAsync(key))!.ParentKey);
    }

    [Fact]
    public async Task Schedule_GarbageDate_ClearMessage()
    {
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var key = await hub.AnyResourceAsync();
        var url = $"/backoffice/contenu/{key}/modifier";
        using var response = await editor.PostAsync($"{url}?handler=Schedule", [new("publishAt", "demain matin"), new("unpublishAt", "")], tokenPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Date invalide", HtmlForm.ErrorOf(await response.Content.ReadAsStringAsync(), "schedule") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublish_NotPublishedCulture_ClearMessage()
    {
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var key = await hub.AnyResourceAsync();
        var url = $"/backoffice/contenu/{key}/modifier";
        using var response = await editor.PostAsync($"{url}?handler=Unpublish&culture=en-US", [], tokenPage: url);
        Assert.True((int)response.StatusCode < 500);
    }

    [Fact]
    public async Task Post_WithoutToken_Refused400()
    {
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var key = await hub.AnyResourceAsync();
        using var response = await editor.Http.PostAsync($"/backoffice/contenu/{key}/modifier?handler=Trash", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await hub.Store.GetAsync(key))!.Trashed);
    }
}
