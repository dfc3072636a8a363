using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Hosting;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>What the pôle's HTTP tests share: a browser-like Forms API client (definition first, then entry), the mail pickup folder, HTML form fields.</summary>
public static partial class PoleTestClient
{
    public const string Forms = "/umbraco/forms/delivery/api/v1";
    public const string ContactForm = "5b0c3a54-6f0e-4c57-9a4f-2f1f7b6a1c03";
    public const string RegistrationForm = "5b0c3a54-6f0e-4c57-9a4f-2f1f7b6a1c02";
    public const string SignUpForm = "5b0c3a54-6f0e-4c57-9a4f-2f1f7b6a1c01";

    /// <summary>Reads the definition like a browser would: the anti-forgery cookie and token, and the fill-time token.</summary>
    public static async Task<(string Antiforgery, string FillToken)> GetTokensAsync(HttpClient client, string formId)
    {
        using var response = await client.GetAsync($"{Forms}/definitions/{formId}");
        response.EnsureSuccessStatusCode();
        return (response.Headers.GetValues("X-Antiforgery-Token").Single(), response.Headers.GetValues("X-Form-Token").Single());
    }

    /// <summary>Posts an entry the way the browser form would: tokens from the definition, after the minimum fill time.</summary>
    public static async Task<(HttpResponseMessage Response, JsonObject? Body)> PostEntryAsync(HubFactory hub, HttpClient client, string formId, object values, string? contentId = null, TimeSpan? wait = null)
    {
        var (antiforgery, fill) = await GetTokensAsync(client, formId);
        hub.Clock.Advance(wait ?? TimeSpan.FromSeconds(10));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Forms}/entries/{formId}")
        {
            Content = JsonContent.Create(new { values, contentId, culture = "fr-FR" }),
        };
        request.Headers.Add("RequestVerificationToken", antiforgery);
        request.Headers.Add("X-Form-Token", fill);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null);
    }

    public static string MailFolder(HubFactory hub) => hub.Services.GetRequiredService<HubPaths>().MailPath;

    /// <summary>The e-mails sent to an address so far, oldest first.</summary>
    public static async Task<List<MimeMessage>> MailsToAsync(HubFactory hub, string address)
    {
        var folder = MailFolder(hub);
        var result = new List<(DateTime, MimeMessage)>();
        if (!Directory.Exists(folder))
        {
            return [];
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add((File.GetCreationTimeUtc(file), message));
            }
        }
        return result.OrderBy(r => r.Item1).Select(r => r.Item2).ToList();
    }

    /// <summary>The first link of a mail's text that goes to the given path.</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"https?://\S+{Regex.Escape(path)}\?jeton=[A-Za-z0-9_%-]+");
        Assert.True(match.Success, $"No {path} link in: {message.TextBody}");
        return match.Value;
    }

    /// <summary>The value of a hidden or text input in an HTML page.</summary>
    public static string InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No input {name} in the page.");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Submits an HTML form: the page's anti-forgery token plus the given fields.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(HttpClient client, string url, string pageHtml, IEnumerable<KeyValuePair<string, string>> fields, bool carryState = true)
    {
        var all = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", InputValue(pageHtml, "__RequestVerificationToken")) };
        if (carryState && pageHtml.Contains("name=\"__state\"", StringComparison.Ordinal))
        {
            all.Add(new("__state", InputValue(pageHtml, "__state")));
            all.Add(new("__formToken", InputValue(pageHtml, "__formToken")));
        }
        all.AddRange(fields);
        using var content = new FormUrlEncodedContent(all);
        var response = await client.PostAsync(url, content);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
