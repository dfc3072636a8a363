using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Site.Tests.Infrastructure;
using static PoleKnowledge.Site.Tests.Pole.PoleTestClient;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>The Forms API over HTTP: Umbraco Forms' shapes and status codes, and every rule enforced by the server.</summary>
public sealed class FormsApiTests(PoleHubFixture fixture) : IClassFixture<PoleHubFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private HubFactory Hub => fixture.Hub;

    private static object Contact(string email = "anna@exemple.fr", Dictionary<string, object>? extra = null)
    {
        var values = new Dictionary<string, object>
        {
            ["name"] = "Anna Lebrun",
            ["email"] = email,
            ["subject"] = "question",
            ["message"] = "Bonjour, comment rejoindre un groupe ?",
            ["consent"] = "on",
        };
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }
        return values;
    }

    [Fact]
    public async Task GetDefinition_KnownForm_ReturnsUmbracoFormsShape()
    {
        using var client = Hub.CreateClient();
        var (response, body) = await client.GetJsonAsync($"{Forms}/definitions/{ContactForm}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ContactForm, body!["id"]!.GetValue<string>());
        Assert.Equal("MarkMandatoryFields", body["fieldIndicationType"]!.GetValue<string>());
        var fields = body["pages"]![0]!["fieldsets"]![0]!["columns"]![0]!["fields"]!.AsArray();
        var email = fields.Single(f => f!["alias"]!.GetValue<string>() == "email")!;
        Assert.Equal("Short answer", email["type"]!["name"]!.GetValue<string>());
        Assert.Equal("email", email["settings"]!["fieldType"]!.GetValue<string>());
        var structure = fields.Single(f => f!["alias"]!.GetValue<string>() == "structureName")!;
        var checkboxId = fields.Single(f => f!["alias"]!.GetValue<string>() == "forStructure")!["id"]!.GetValue<string>();
        Assert.Equal(checkboxId, structure["condition"]!["rules"]![0]!["field"]!.GetValue<string>());
        var upload = fields.Single(f => f!["alias"]!.GetValue<string>() == "attachment")!;
        Assert.Contains("pdf", upload["fileUploadOptions"]!["allowedUploadExtensions"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.DoesNotContain(fields, f => f!["alias"]!.GetValue<string>() == "website");
        Assert.True(response.Headers.Contains("X-Form-Token"));
    }

    [Fact]
    public async Task GetDefinition_UnknownForm_Returns404ProblemDetails()
    {
        using var client = Hub.CreateClient();
        var (response, body) = await client.GetJsonAsync($"{Forms}/definitions/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, body!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task PostEntry_Valid_Returns202StoresAndMails()
    {
        using var client = Hub.CreateClient();
        var before = await fixture.CountEntriesAsync("contact");

        var (response, body) = await PostEntryAsync(Hub, client, ContactForm, Contact("valid@exemple.fr"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("Merci", body!["messageOnSubmit"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await fixture.CountEntriesAsync("contact"));
        var mail = (await MailsToAsync(Hub, "contact@pole-ess-rennes.example")).Last();
        Assert.Contains("valid@exemple.fr", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_MissingRequiredAndBadEmail_Returns422PerField()
    {
        using var client = Hub.CreateClient();
        var values = new Dictionary<string, object> { ["email"] = "pas-une-adresse", ["subject"] = "question", ["message"] = "x", ["consent"] = "on" };

        var (response, body) = await PostEntryAsync(Hub, client, ContactForm, values);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(422, body!["status"]!.GetValue<int>());
        Assert.Contains("obligatoire", body.FieldErrors("name"), StringComparison.Ordinal);
        Assert.Contains("Adresse électronique invalide", body.FieldErrors("email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_FieldTheDefinitionLacks_Returns422AndStoresNothing()
    {
        using var client = Hub.CreateClient();
        var before = await fixture.CountEntriesAsync("contact");

        var (response, body) = await PostEntryAsync(Hub, client, ContactForm, Contact(extra: new() { ["isAdmin"] = "true" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("ne fait pas partie du formulaire", body.FieldErrors("isAdmin"), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountEntriesAsync("contact"));
    }

    [Fact]
    public async Task PostEntry_ChoiceOutsideTheList_Returns422()
    {
        using var client = Hub.CreateClient();
        var (response, body) = await PostEntryAsync(Hub, client, ContactForm, Contact(extra: new() { ["subject"] = "piratage" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("choix proposés", body.FieldErrors("subject"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_ConsentNotGiven_Returns422OnConsent()
    {
        using var client = Hub.CreateClient();
        var (response, body) = await PostEntryAsync(Hub, client, ContactForm, Contact(extra: new() { ["consent"] = "" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("consentement", body.FieldErrors("consent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_ConditionalField_RequiredOnlyWhenShownAndDroppedWhenHidden()
    {
        using var client = Hub.CreateClient();

        var (shown, shownBody) = await PostEntryAsync(Hub, client, ContactForm, Contact(extra: new() { ["forStructure"] = "on" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shown.StatusCode);
        Assert.Contains("obligatoire", shownBody.FieldErrors("structureName"), StringComparison.Ordinal);

        var (hidden, _) = await PostEntryAsync(Hub, client, ContactForm, Contact("hidden@exemple.fr", new() { ["structureName"] = "Ne doit pas être gardé" }));
        Assert.Equal(HttpStatusCode.Accepted, hidden.StatusCode);
        var stored = await fixture.LastEntryJsonAsync("contact");
        Assert.Contains("hidden@exemple.fr", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Ne doit pas être gardé", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_DateInWrongFormat_Returns422()
    {
        using var client = Hub.CreateClient();
        var (response, body) = await PostEntryAsync(Hub, client, ContactForm, Contact(extra: new() { ["preferredDate"] = "12/03/2027" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("AAAA-MM-JJ", body.FieldErrors("preferredDate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_FileThatIsNotWhatItClaims_Returns422AndStoresNothing()
    {
        using var client = Hub.CreateClient();
        var before = await fixture.CountEntriesAsync("contact");
        var fake = new[] { new { fileName = "devis.pdf", fileContents = "data:application/pdf;base64," + Convert.ToBase64String(Encoding.ASCII.GetBytes("MZ\x90\0 this is an executable")) } };

        var (response, body) = await PostEntryAsync(Hub, client, ContactForm, Contact(extra: new() { ["attachment"] = fake }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("n'est pas un fichier PDF valide", body.FieldErrors("attachment"), StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountEntriesAsync("contact"));
    }

    [Fact]
    public async Task PostEntry_FileWithForbiddenExtension_Returns422()
    {
        using var client = Hub.CreateClient();
        var exe = new[] { new { fileName = "outil.exe", fileContents = "data:application/octet-stream;base64,TVqQAAMAAAAEAAAA" } };
        var (response, body) = await PostEntryAsync(Hub, client, ContactForm, Contact(extra: new() { ["attachment"] = exe }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("formats acceptés", body.FieldErrors("attachment"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_RealPdf_Returns202AndKeepsTheFile()
    {
        using var client = Hub.CreateClient();
        var pdf = new[] { new { fileName = "statuts.pdf", fileContents = "data:application/pdf;base64," + Convert.ToBase64String(Pdf) } };

        var (response, _) = await PostEntryAsync(Hub, client, ContactForm, Contact("pdf@exemple.fr", new() { ["attachment"] = pdf }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = JsonNode.Parse((await fixture.LastEntryJsonAsync("contact"))!)!;
        Assert.Equal("statuts.pdf", stored["attachment"]![0]!["fileName"]!.GetValue<string>());
        var files = Directory.GetFiles(Path.Combine(Hub.DataPath, "forms"), "attachment-1.pdf", SearchOption.AllDirectories);
        Assert.Contains(files, f => File.ReadAllBytes(f).SequenceEqual(Pdf));
    }

    [Fact]
    public async Task PostEntry_HoneypotFilled_LooksAcceptedStoresNothing()
    {
        using var client = Hub.CreateClient();
        var before = await fixture.CountEntriesAsync("contact");

        var (response, body) = await PostEntryAsync(Hub, client, ContactForm, Contact("bot@exemple.fr", new() { ["website"] = "http://spam.example" }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(body!["messageOnSubmit"]);
        Assert.Equal(before, await fixture.CountEntriesAsync("contact"));
    }

    [Fact]
    public async Task PostEntry_FasterThanMinimumFillTime_LooksAcceptedStoresNothing()
    {
        using var client = Hub.CreateClient();
        var before = await fixture.CountEntriesAsync("contact");

        var (response, _) = await PostEntryAsync(Hub, client, ContactForm, Contact("fast@exemple.fr"), wait: TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before, await fixture.CountEntriesAsync("contact"));
    }

    [Fact]
    public async Task PostEntry_WithoutFillToken_Returns400()
    {
        using var client = Hub.CreateClient();
        var (antiforgery, _) = await GetTokensAsync(client, ContactForm);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Forms}/entries/{ContactForm}") { Content = JsonContent.Create(new { values = Contact() }) };
        request.Headers.Add("RequestVerificationToken", antiforgery);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostEntry_WithoutAntiforgery_Returns400()
    {
        using var client = Hub.CreateClient();
        var (response, body) = await client.PostJsonAsync($"{Forms}/entries/{ContactForm}", new { values = Contact() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Anti-forgery", body!["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_NotJson_Returns415()
    {
        using var client = Hub.CreateClient();
        var (antiforgery, fill) = await GetTokensAsync(client, ContactForm);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Forms}/entries/{ContactForm}") { Content = new StringContent("name=x", Encoding.UTF8, "text/plain") };
        request.Headers.Add("RequestVerificationToken", antiforgery);
        request.Headers.Add("X-Form-Token", fill);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task PostEntry_MalformedJsonOrNoValues_Returns400()
    {
        using var client = Hub.CreateClient();
        var (antiforgery, fill) = await GetTokensAsync(client, ContactForm);
        foreach (var body in new[] { "{\"values\": {", "{\"name\": \"x\"}", "[1,2]" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Forms}/entries/{ContactForm}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("RequestVerificationToken", antiforgery);
            request.Headers.Add("X-Form-Token", fill);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task PostEntry_UnknownForm_Returns404()
    {
        using var client = Hub.CreateClient();
        var (response, _) = await client.PostJsonAsync($"{Forms}/entries/{Guid.NewGuid()}", new { values = new { } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostEntry_StructureRegistrationWithBadSiret_Returns422OnSiretAndCreatesNoDraft()
    {
        using var client = Hub.CreateClient();
        var values = Registration("Coop Test Siret", "732 829 320 00075");

        var (response, body) = await PostEntryAsync(Hub, client, RegistrationForm, values);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("clé de contrôle", body.FieldErrors("siret"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_StructureRegistrationWithLowercaseRna_Returns422OnRna()
    {
        using var client = Hub.CreateClient();
        var values = Registration("Asso Rna", null);
        values["rna"] = "w353001234";
        var (response, body) = await PostEntryAsync(Hub, client, RegistrationForm, values);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("W353001234", body.FieldErrors("rna"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEntry_StructureRegistration_CreatesAnUnpublishedProfileForReview()
    {
        using var client = Hub.CreateClient();
        var (response, _) = await PostEntryAsync(Hub, client, RegistrationForm, Registration("Coop des Tests", "732 829 320 00074"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var store = Hub.Services.GetRequiredService<ContentStore>();
        var annuaire = Hub.Services.GetRequiredService<PublishedContentCache>().GetByRoute("annuaire", "fr-FR")!;
        var draft = (await store.GetChildrenAsync(annuaire.Key)).Single(c => c.Data.Names.ContainsValue("Coop des Tests"));
        Assert.Equal("structureProfile", draft.ContentType);
        Assert.Null(Hub.Services.GetRequiredService<PublishedContentCache>().Get(draft.Key));
        await Hub.CatchUpAsync();
        var (delivery, _) = await client.GetJsonAsync("/umbraco/delivery/api/v2/content/item/annuaire/coop-des-tests/");
        Assert.Equal(HttpStatusCode.NotFound, delivery.StatusCode);
    }

    private static Dictionary<string, object> Registration(string name, string? siret)
    {
        var values = new Dictionary<string, object>
        {
            ["structureName"] = name,
            ["legalForm"] = "scop",
            ["category"] = "structure-de-base",
            ["commune"] = "rennes",
            ["summary"] = "Une coopérative de test.",
            ["contactEmail"] = "contact@coop.example.fr",
            ["offers"] = new[] { "locaux" },
            ["consent"] = "on",
        };
        if (siret is not null)
        {
            values["siret"] = siret;
        }
        return values;
    }
}
