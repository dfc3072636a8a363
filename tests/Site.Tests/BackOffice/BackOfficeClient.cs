using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PoleKnowledge.Site.Tests.BackOffice;

/// <summary>
/// A browser-like client of the back office over HTTP: keeps cookies, reads the anti-forgery token from a
/// page and posts forms with it, exactly what a crafted request by a signed-in user can do.
/// </summary>
public sealed partial class BackOfficeClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static BackOfficeClient Create(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var token = await TokenFromAsync("/backoffice/connexion");
        return await Http.PostAsync("/backoffice/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    public async Task<string> GetStringAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public async Task<string> TokenFromAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return TokenIn(html) ?? throw new InvalidOperationException($"No anti-forgery token on {url} ({(int)response.StatusCode}).");
    }

    public static string? TokenIn(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>Posts fields to a handler, with a valid token read from <paramref name="tokenPage"/> (the page itself when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenPage = null)
    {
        var token = await TokenFromAsync(tokenPage ?? url.Split('?')[0]);
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await Http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
