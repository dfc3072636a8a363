using System.Net;
using System.Text.Json;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>The site-wide search behind the content and media pickers: name, type filter, paging, recycle bin, bad input, access.</summary>
public sealed class BackOfficePickerSearchTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    private const string Content = "/backoffice/api/selecteur/contenu";
    private const string Media = "/backoffice/api/selecteur/medias";

    private static async Task<JsonElement> JsonAsync(BackOfficeClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task SearchContent_NameFragmentAndType_MatchesOnlyThose()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var (key, name, _) = (await hub.Store.FindForPickerAsync(["resource"], null, 5))[2];
        var fragment = name.Length > 8 ? name.Substring(2, 6) : name;

        var page = await JsonAsync(writer, $"{Content}?types=resource&q={Uri.EscapeDataString(fragment.ToUpperInvariant())}");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("id").GetGuid() == key && i.GetProperty("name").GetString() == name);
        Assert.All(items, i => Assert.Equal("resource", i.GetProperty("type").GetString()));
        Assert.All(items, i => Assert.Contains(fragment, i.GetProperty("name").GetString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SearchContent_Pages_InNameOrderWithoutOverlap()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);

        var first = await JsonAsync(writer, $"{Content}?take=3");
        var second = await JsonAsync(writer, $"{Content}?take=3&skip=3");

        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var names = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(6, names.Count);
        Assert.Equal(6, names.Select(i => i.GetProperty("id").GetGuid()).Distinct().Count());
        var ordered = names.Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Equal(ordered.Order(StringComparer.Ordinal), ordered);
    }

    [Fact]
    public async Task SearchContent_TrashedItemAndLikeWildcards_NotMatched()
    {
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);
        var (key, name, _) = (await hub.Store.FindForPickerAsync(["resource"], null, 50))[^1];
        Assert.True((await hub.Store.TrashAsync(key, "tests")).Succeeded);

        var page = await JsonAsync(editor, $"{Content}?q={Uri.EscapeDataString(name)}");
        var wildcards = await JsonAsync(editor, $"{Content}?q=%25_%25");

        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == key);
        Assert.Empty(wildcards.GetProperty("items").EnumerateArray());
        Assert.True((await hub.Store.RestoreAsync(key, null, "tests")).Succeeded);
    }

    [Fact]
    public async Task SearchMedia_ExcludesFolders()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);

        var page = await JsonAsync(writer, $"{Media}?take=100");

        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.NotEqual("folder", i.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData(Content + "?take=0", "take")]
    [InlineData(Content + "?take=101", "take")]
    [InlineData(Content + "?skip=-1", "skip")]
    [InlineData(Content + "?types=resource,nope", "types")]
    [InlineData(Media + "?types=resource", "types")]
    public async Task Search_BadInput_400NamingTheField(string url, string field)
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);

        using var response = await writer.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Search_TooLongText_400()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var response = await writer.Http.GetAsync($"{Content}?q={new string('a', 201)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Search_Anonymous_401WithoutData()
    {
        var anonymous = BackOfficeClient.Create(hub.Factory);
        using var response = await anonymous.Http.GetAsync(Content + "?q=a");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("\"items\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditForm_PickerField_CarriesSearchEndpointWithAllowedTypes()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var key = await hub.AnyResourceAsync();

        var html = await writer.GetStringAsync($"/backoffice/contenu/{key}/modifier");

        Assert.Matches("class=\"bo-picker-filter\"[^>]*data-search=\"/backoffice/api/selecteur/(contenu|medias)", html);
    }
}
