using System.Text.Json.Nodes;

namespace PoleKnowledge.Site.Tests.Delivery;

/// <summary>Delivery API requests with headers, returning the parsed body when it is JSON.</summary>
internal static class DeliveryClient
{
    public const string Content = "/umbraco/delivery/api/v2/content";

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> FetchAsync(this HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        return (response, text.Length > 0 && mediaType.Contains("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : null);
    }

    public static string[] Keys(this JsonNode? node) => node is JsonObject o ? [.. o.Select(p => p.Key)] : [];
}
