using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PoleKnowledge.Site.Tests.Infrastructure;

/// <summary>Small helpers over the management API.</summary>
public static class ApiClientExtensions
{
    public const string Content = "/api/management/v1/content";

    public static async Task<(HttpResponseMessage Response, JsonObject? Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonObject? json = null;
        if (text.Length > 0 && text.TrimStart().StartsWith('{'))
        {
            json = JsonNode.Parse(text)?.AsObject();
        }
        return (response, json);
    }

    public static Task<(HttpResponseMessage Response, JsonObject? Body)> PostJsonAsync(this HttpClient client, string url, object? body = null) => client.SendJsonAsync(HttpMethod.Post, url, body ?? new { });

    public static Task<(HttpResponseMessage Response, JsonObject? Body)> PutJsonAsync(this HttpClient client, string url, object body) => client.SendJsonAsync(HttpMethod.Put, url, body);

    public static Task<(HttpResponseMessage Response, JsonObject? Body)> GetJsonAsync(this HttpClient client, string url) => client.SendJsonAsync(HttpMethod.Get, url);

    /// <summary>The error messages a ProblemDetails body gives for a field.</summary>
    public static string FieldErrors(this JsonObject? problem, string field) =>
        problem?["errors"]?[field] is JsonArray messages ? string.Join(" | ", messages.Select(m => m!.GetValue<string>())) : "";
}
