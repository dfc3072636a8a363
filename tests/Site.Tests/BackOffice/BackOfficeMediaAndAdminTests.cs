using System.Net;
using System.Net.Http.Headers;
using PoleKnowledge.Site.Tests.Media;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>The media library (alt text, lying extensions, oversize uploads, extracted text, used-by) and the administration screens.</summary>
public sealed class BackOfficeMediaAndAdminTests(BackOfficeFixture hub) : IClassFixture<BackOfficeFixture>
{
    private static async Task<HttpResponseMessage> UploadAsync(BackOfficeClient client, params (byte[] Content, string Name)[] files) =>
        await UploadAsync(client, null, files);

    private static async Task<HttpResponseMessage> UploadAsync(BackOfficeClient client, string? altText, params (byte[] Content, string Name)[] files)
    {
        var token = await client.TokenFromAsync("/backoffice/medias");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (altText is not null)
        {
            form.Add(new StringContent(altText), "altText");
        }
        foreach (var (content, name) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }
        return await client.Http.PostAsync("/backoffice/medias?handler=Upload", form);
    }

    [Fact]
    public async Task Upload_ImageWithoutAltText_ErrorNextToFieldOtherFilesKept()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var pdfName = $"guide-{Guid.NewGuid():N}.pdf";
        using var response = await UploadAsync(writer, (MediaFiles.Image("png"), "photo.png"), (MediaFiles.Pdf("Guide du bénévolat associatif"), pdfName));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("texte alternatif est obligatoire", HtmlForm.ErrorOf(html, "alt") ?? "", StringComparison.Ordinal);
        Assert.Contains(pdfName.Replace(".pdf", "", StringComparison.Ordinal), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SeveralFilesWithAltText_AllAddedAndTextShown()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var response = await UploadAsync(writer, "Des bénévoles autour d'une table", (MediaFiles.Image("jpg"), "reunion.jpg"), (MediaFiles.Pdf("Renouveler ses bénévoles pas à pas"), "renouveler.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var library = await writer.GetStringAsync("/backoffice/medias");
        var pdfLink = System.Text.RegularExpressions.Regex.Matches(library, "href=\"(/backoffice/medias/[0-9a-f-]{36})\" class=\"bo-strong\">renouveler").Last().Groups[1].Value;
        var page = await writer.GetStringAsync(pdfLink);
        Assert.Contains("Renouveler ses bénévoles", page, StringComparison.Ordinal);
        Assert.Contains("Aucun contenu n&#x27;utilise ce média".Replace("&#x27;", "'", StringComparison.Ordinal), page.Replace("&#x27;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_LyingExtension_Refused415()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using var response = await UploadAsync(writer, "alt", ("#!/bin/sh\necho pwned\n"u8.ToArray(), "photo.jpg"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("l'extension ne suffit pas", (await response.Content.ReadAsStringAsync()).Replace("&#x27;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_200MegabytesDeclared_Refused413WithoutReading()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        var token = await writer.TokenFromAsync("/backoffice/medias");
        using var content = new HugeContent(200L * 1024 * 1024);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        using var response = await writer.Http.PostAsync("/backoffice/medias?handler=Upload", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(content.BytesWritten < 50L * 1024 * 1024, $"{content.BytesWritten} bytes were sent before the refusal");
        _ = token;
    }

    [Fact]
    public async Task MediaDelete_ByWriter_Forbidden()
    {
        var writer = await hub.SignedInAsync(BackOfficeFixture.Writer);
        using (var upload = await UploadAsync(writer, (MediaFiles.Pdf("À garder"), "garder.pdf")))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }
        var library = await writer.GetStringAsync("/backoffice/medias");
        var link = System.Text.RegularExpressions.Regex.Matches(library, "href=\"(/backoffice/medias/[0-9a-f-]{36})\" class=\"bo-strong\">garder").Last().Groups[1].Value;
        using var delete = await writer.PostAsync(link + "?handler=Delete", [new("confirm", "true")], tokenPage: link);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        using var still = await writer.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task ApiToken_CreatedOnce_ThenRevoked()
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        using var create = await admin.PostAsync("/backoffice/admin/jetons?handler=Create", [new("name", "outil-import")]);
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        var html = await create.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-token\"[^>]*>([^<]+)<").Groups[1].Value;
        Assert.StartsWith("pk_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await admin.GetStringAsync("/backoffice/admin/jetons"), StringComparison.Ordinal);

        var api = hub.Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var ok = await api.GetAsync("/api/management/v1/content"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var list = await admin.GetStringAsync("/backoffice/admin/jetons");
        var id = System.Text.RegularExpressions.Regex.Matches(list, "name=\"id\" value=\"(\\d+)\"").Last().Groups[1].Value;
        using var revoke = await admin.PostAsync("/backoffice/admin/jetons?handler=Revoke", [new("id", id)]);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        using var refused = await api.GetAsync("/api/management/v1/content");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Users_CreateWithWeakPassword_ErrorNextToField_ThenCreateAndChangeRole()
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        using var weak = await admin.PostAsync("/backoffice/admin/utilisateurs?handler=Create", [new("Email", "nouvelle@test.example"), new("Role", "Rédacteur"), new("Password", "court")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("12 caractères", HtmlForm.ErrorOf(await weak.Content.ReadAsStringAsync(), "password") ?? "", StringComparison.Ordinal);
        using var ok = await admin.PostAsync("/backoffice/admin/utilisateurs?handler=Create", [new("Email", "nouvelle@test.example"), new("Role", "Rédacteur"), new("Password", "Assez-Long-Pour-2027")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var newcomer = await hub.SignedInAsync("nouvelle@test.example", "Assez-Long-Pour-2027");
        using (var denied = await newcomer.Http.GetAsync("/backoffice/admin/journal"))
        {
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        }
        var users = await admin.GetStringAsync("/backoffice/admin/utilisateurs");
        var id = System.Text.RegularExpressions.Regex.Match(users, "name=\"id\" value=\"([^\"]+)\" />\\s*<label class=\"bo-sr\" for=\"role-[^\"]+\">Rôle de nouvelle@test.example").Groups[1].Value;
        using var promote = await admin.PostAsync("/backoffice/admin/utilisateurs?handler=Role", [new("id", id), new("role", "Éditeur")]);
        Assert.Equal(HttpStatusCode.Redirect, promote.StatusCode);
        // The role change ends the open session: the new role applies at the next sign-in.
        using var ended = await newcomer.Http.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
    }

    [Fact]
    public async Task AuditLog_FiltersByActorAndAction()
    {
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        var page = await admin.GetStringAsync($"/backoffice/admin/journal?actor={Uri.EscapeDataString(BackOfficeFixture.Admin)}&action=sign-in");
        Assert.Contains(BackOfficeFixture.Admin, page, StringComparison.Ordinal);
        Assert.DoesNotContain(BackOfficeFixture.Writer, page, StringComparison.Ordinal);
        var health = await admin.GetStringAsync("/backoffice/admin/sante");
        Assert.Contains("Base de données", health, StringComparison.Ordinal);
    }

    /// <summary>A body that claims a size and produces zeros only as far as it is read.</summary>
    private sealed class HugeContent(long length) : HttpContent
    {
        public long BytesWritten { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var buffer = new byte[81920];
            while (BytesWritten < length)
            {
                var n = (int)Math.Min(buffer.Length, length - BytesWritten);
                await stream.WriteAsync(buffer.AsMemory(0, n));
                BytesWritten += n;
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
