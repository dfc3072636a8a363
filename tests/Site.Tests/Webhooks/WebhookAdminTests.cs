using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Webhooks;
using PoleKnowledge.Site.Tests.BackOffice;

namespace PoleKnowledge.Site.Tests.Webhooks;

/// <summary>
/// The webhook screens over HTTP with the default (production) target policy: validation next to each field,
/// creation with the secret shown once, enable/disable, and the administrator-only boundary.
/// </summary>
public sealed class WebhookAdminTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    private const string EditUrl = "/backoffice/admin/webhooks/modifier";

    private static List<KeyValuePair<string, string>> Form(string name, string url, params string[] events) =>
        [new("Name", name), new("TargetUrl", url), .. events.Select(e => new KeyValuePair<string, string>("Events", e)), new("Enabled", "true"), new("Enabled", "false")];

    public static TheoryData<string, string> BadUrls() => new()
    {
        { "pas une adresse", "Saisissez une adresse web complète" },
        { "ftp://exemple.org/x", "Saisissez une adresse web complète" },
        { "https://user:pass@exemple.org/x", "Saisissez une adresse web complète" },
        { "http://exemple.org/hook", "doit commencer par https://" },
        { "https://10.1.2.3/hook", "réseau privé ou local" },
        { "https://127.0.0.1:8080/hook", "réseau privé ou local" },
        { "https://localhost/hook", "réseau privé ou local" },
        { "https://[::1]/hook", "réseau privé ou local" },
        { "https://169.254.169.254/latest/meta-data", "réseau privé ou local" },
    };

    [Theory]
    [MemberData(nameof(BadUrls))]
    public async Task Create_BadUrl_422WithErrorNextToField(string url, string message)
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        var before = (await hub.Factory.Services.GetRequiredService<WebhookStore>().ListAsync()).Count;

        using var response = await admin.PostAsync(EditUrl + "?handler=Save", Form("Mauvaise adresse", url, WebhookEvents.ContentPublish), EditUrl);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"<p class=\"bo-error\" id=\"url-error\">[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}", html);
        Assert.Contains("aria-describedby=\"url-help url-error\"", html, StringComparison.Ordinal);
        Assert.Equal(before, (await hub.Factory.Services.GetRequiredService<WebhookStore>().ListAsync()).Count);
    }

    [Fact]
    public async Task Create_NoEventNoName_422WithBothErrors()
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);

        using var response = await admin.PostAsync(EditUrl + "?handler=Save", Form("", "https://hooks.exemple.org/pole"), EditUrl);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"events-error\">Choisissez au moins un événement.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"name-error\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"https://hooks.exemple.org/pole\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownEventOrType_422()
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        var form = Form("Inconnu", "https://hooks.exemple.org/pole", "Umbraco.Everything");
        form.Add(new("Types", "<script>alert(1)</script>"));

        using var response = await admin.PostAsync(EditUrl + "?handler=Save", form, EditUrl);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"events-error\">Événement inconnu.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"types-error\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Valid_SecretShownOnceThenListedAndDisabled()
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        var form = Form("Site des partenaires", "https://hooks.exemple.org/pole", WebhookEvents.ContentPublish, WebhookEvents.MediaSave);
        form.Add(new("Types", "resource"));

        using var response = await admin.PostAsync(EditUrl + "?handler=Save", form, EditUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<code id=\"webhook-secret\" class=\"bo-break\">whsec_[A-Za-z0-9_-]{40,}</code>", html);
        var hook = (await hub.Factory.Services.GetRequiredService<WebhookStore>().ListAsync()).Single(h => h.Name == "Site des partenaires");
        Assert.Equal([WebhookEvents.ContentPublish, WebhookEvents.MediaSave], hook.Events);
        Assert.Equal(["resource"], hook.ContentTypes);
        Assert.True(hook.Enabled);

        var edit = await admin.GetStringAsync($"{EditUrl}/{hook.Key}");
        Assert.DoesNotContain("whsec_", edit, StringComparison.Ordinal);
        var list = await admin.GetStringAsync("/backoffice/admin/webhooks");
        Assert.Contains("Site des partenaires", list, StringComparison.Ordinal);

        using var disable = await admin.PostAsync("/backoffice/admin/webhooks?handler=Enable", [new("key", hook.Key.ToString()), new("enabled", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.False((await hub.Factory.Services.GetRequiredService<WebhookStore>().GetAsync(hook.Key))!.Enabled);
        var audit = await admin.GetStringAsync("/backoffice/admin/journal");
        Assert.Contains("webhook désactivé", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_UnknownKey_404()
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        using var response = await admin.Http.GetAsync($"{EditUrl}/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var log = await admin.Http.GetAsync($"/backoffice/admin/webhooks/journal/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, log.StatusCode);
    }

    [Fact]
    public async Task CraftedPost_ByEditor_RefusedAndNothingChanged()
    {
        var store = hub.Factory.Services.GetRequiredService<WebhookStore>();
        var (hook, _) = await store.CreateAsync(new WebhookInput("Garde", "https://hooks.exemple.org/garde", [WebhookEvents.ContentPublish], [], true), "tests");
        var editor = await hub.SignedInAsync(BackOfficeFixture.Editor);

        // A valid anti-forgery token from a page the editor may see; the admin page itself redirects them away.
        using var toggle = await editor.PostAsync("/backoffice/admin/webhooks?handler=Enable", [new("key", hook.Key.ToString()), new("enabled", "false")], "/backoffice/contenu");
        using var delete = await editor.PostAsync($"{EditUrl}/{hook.Key}?handler=Delete", [], "/backoffice/contenu");
        using var create = await editor.PostAsync(EditUrl + "?handler=Save", Form("Pirate", "https://evil.exemple.org/", WebhookEvents.ContentPublish), "/backoffice/contenu");

        foreach (var response in new[] { toggle, delete, create })
        {
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, response.StatusCode.ToString());
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("/backoffice/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
        var after = await store.GetAsync(hook.Key);
        Assert.NotNull(after);
        Assert.True(after.Enabled);
        Assert.DoesNotContain(await store.ListAsync(), h => h.Name == "Pirate");
    }
}
