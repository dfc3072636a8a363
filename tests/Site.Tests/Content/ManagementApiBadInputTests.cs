using System.Net;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Content;

/// <summary>Bad input gets a precise ProblemDetails naming the field, and nothing stored changes.</summary>
public sealed class ManagementApiBadInputTests : IClassFixture<ManagementApiBadInputTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public HubFactory Factory { get; } = new();
        public HttpClient Api { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Api = await Factory.CreateApiClientAsync();
            await Factory.CatchUpAsync();
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly Fixture _fixture;

    public ManagementApiBadInputTests(Fixture fixture) => _fixture = fixture;

    private HttpClient Api => _fixture.Api;

    private static object Resource(string name, Dictionary<string, object?>? values = null, string parent = "/ressources") => new
    {
        contentType = "resource", name, parent, publish = true,
        values = values ?? new Dictionary<string, object?> { ["resourceType"] = "guide", ["summary"] = "Résumé" },
    };

    [Fact]
    public async Task NoToken_Is401WithAHint()
    {
        using var anonymous = _fixture.Factory.CreateClient();
        var response = await anonymous.GetAsync(ApiClientExtensions.Content);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("create-api-token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedOrWrongToken_Is401()
    {
        using var client = _fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "pk_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ApiClientExtensions.Content)).StatusCode);
    }

    [Fact]
    public async Task UnknownContentType_Is422NamingContentType()
    {
        var (response, problem) = await Api.PostJsonAsync(ApiClientExtensions.Content, new { contentType = "article", name = "X", parent = "/ressources" });
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("Unknown document type 'article'", problem.FieldErrors("contentType"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValueFailingItsEditor_Is422NamingTheProperty()
    {
        var (response, problem) = await Api.PostJsonAsync(ApiClientExtensions.Content, Resource("Guide invalide", new() { ["resourceType"] = "roman", ["date"] = "31/02/2027" }));
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.NotEmpty(problem.FieldErrors("resourceType"));
        Assert.NotEmpty(problem.FieldErrors("date"));
    }

    [Fact]
    public async Task UnknownProperty_Is422NamingIt()
    {
        var (response, problem) = await Api.PostJsonAsync(ApiClientExtensions.Content, Resource("Guide inconnu", new() { ["resourceType"] = "guide", ["auteur"] = "Moi" }));
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("auteur", problem.FieldErrors("auteur"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenMegabyteMarkdown_Is422NamingBody()
    {
        var body = new string('a', 10 * 1024 * 1024);
        var (response, problem) = await Api.PostJsonAsync(ApiClientExtensions.Content, Resource("Guide énorme", new() { ["resourceType"] = "guide", ["summary"] = "Résumé", ["body"] = body }));
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("at most", problem.FieldErrors("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RouteClash_Is422AndTheFirstItemIsUntouched()
    {
        var (first, created) = await Api.PostJsonAsync(ApiClientExtensions.Content, Resource("Guide unique", new() { ["resourceType"] = "guide", ["summary"] = "Premier" }));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var (second, problem) = await Api.PostJsonAsync(ApiClientExtensions.Content, Resource("Guide  UNIQUE !", new() { ["resourceType"] = "brochure", ["summary"] = "Second" }));
        Assert.Equal((HttpStatusCode)422, second.StatusCode);
        Assert.Contains("guide-unique", problem.FieldErrors("name"), StringComparison.Ordinal);
        var (_, stored) = await Api.GetJsonAsync($"{ApiClientExtensions.Content}/{created!["key"]}");
        Assert.Equal("Premier", stored!["values"]!["cultures"]!["fr-FR"]!["summary"]!.GetValue<string>());
        Assert.Equal(1, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task ParentThatDoesNotExist_Is422NamingParent()
    {
        var (response, problem) = await Api.PostJsonAsync(ApiClientExtensions.Content, Resource("Guide orphelin", parent: "/nulle-part"));
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("/nulle-part", problem.FieldErrors("parent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChildTypeNotAllowedUnderParent_Is422()
    {
        var (response, problem) = await Api.PostJsonAsync(ApiClientExtensions.Content, new { contentType = "page", name = "Page à la racine", publish = true });
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("root", problem.FieldErrors("parent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_Is400NamingThePath()
    {
        var (response, problem) = await Api.PostJsonAsync(ApiClientExtensions.Content, """{"contentType": "resource", "name": "X", "sortOrder": "first"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(problem.FieldErrors("sortOrder"));
    }

    [Fact]
    public async Task UpdateWithoutRevision_Is428AskingForIt()
    {
        var (_, created) = await Api.PostJsonAsync(ApiClientExtensions.Content, Resource("Guide sans révision"));
        var (response, problem) = await Api.PutJsonAsync($"{ApiClientExtensions.Content}/{created!["key"]}", new { name = "Guide sans révision", values = new { resourceType = "guide", summary = "Résumé" } });
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.NotEmpty(problem.FieldErrors("revision"));
    }

    [Fact]
    public async Task ListChildren_IsPagedWithATotal_AndRefusesAHugeTake()
    {
        var (_, roots) = await Api.GetJsonAsync(ApiClientExtensions.Content);
        var home = roots!["items"]![0]!["key"]!.GetValue<Guid>();
        var (_, sections) = await Api.GetJsonAsync($"{ApiClientExtensions.Content}?parentKey={home}&take=500");
        var resources = sections!["items"]!.AsArray().First(s => s!["names"]!["fr-FR"]?.GetValue<string>() == "Ressources")!["key"]!.GetValue<Guid>();
        var (_, first) = await Api.GetJsonAsync($"{ApiClientExtensions.Content}?parentKey={resources}&take=5");
        var (_, second) = await Api.GetJsonAsync($"{ApiClientExtensions.Content}?parentKey={resources}&skip=5&take=5");
        Assert.True(first!["total"]!.GetValue<int>() >= 12);
        Assert.Equal(5, first["items"]!.AsArray().Count);
        Assert.Empty(first["items"]!.AsArray().Select(i => i!["key"]!.GetValue<Guid>()).Intersect(second!["items"]!.AsArray().Select(i => i!["key"]!.GetValue<Guid>())));
        var (tooMany, problem) = await Api.GetJsonAsync($"{ApiClientExtensions.Content}?parentKey={resources}&take=100000");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.NotEmpty(problem.FieldErrors("take"));
    }

    [Fact]
    public async Task UnknownKey_Is404()
    {
        var (response, problem) = await Api.GetJsonAsync($"{ApiClientExtensions.Content}/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, problem!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task InvariantPropertyInATranslation_Is422()
    {
        var (_, created) = await Api.PostJsonAsync(ApiClientExtensions.Content, Resource("Guide traduit"));
        var (response, problem) = await Api.PutJsonAsync($"{ApiClientExtensions.Content}/{created!["key"]}", new
        {
            name = "Translated guide", culture = "en-US", revision = created["revision"]!.GetValue<int>(), values = new { resourceType = "brochure" },
        });
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("does not vary by culture", problem.FieldErrors("resourceType"), StringComparison.Ordinal);
    }
}
