using System.Text.Json;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// The body of <c>POST /umbraco/forms/delivery/api/v1/entries/{id}</c>, Umbraco Forms' shape:
/// <c>{ "values": { alias: "text" | ["a","b"] | [{ "fileName", "fileContents": "data:…;base64,…" }] }, "contentId", "culture", "additionalData" }</c>.
/// </summary>
public sealed class FormEntryRequest
{
    public Dictionary<string, FormValue> Values { get; } = new(StringComparer.Ordinal);
    /// <summary>Values that are not text, a list of texts or a list of files: refused per field (422).</summary>
    public Dictionary<string, string> MalformedValues { get; } = new(StringComparer.Ordinal);
    public string? ContentId { get; init; }
    public string? Culture { get; init; }
    public Dictionary<string, string> AdditionalData { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the body, or returns null with the reason it is not an entry (400).</summary>
    public static FormEntryRequest? Parse(JsonElement root, out string? error)
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "The body must be a JSON object with a 'values' object.";
            return null;
        }
        if (!root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            error = "The body must have a 'values' object (field alias → value).";
            return null;
        }
        var request = new FormEntryRequest
        {
            ContentId = root.TryGetProperty("contentId", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString() : null,
            Culture = root.TryGetProperty("culture", out var culture) && culture.ValueKind == JsonValueKind.String ? culture.GetString() : null,
        };
        if (root.TryGetProperty("additionalData", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            foreach (var item in additional.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Take(20))
            {
                request.AdditionalData[item.Name] = item.Value.GetString()!;
            }
        }
        foreach (var property in values.EnumerateObject())
        {
            var value = ReadValue(property.Value, out var problem);
            if (value is null)
            {
                request.MalformedValues[property.Name] = problem!;
            }
            else
            {
                request.Values[property.Name] = value;
            }
        }
        return request;
    }

    private static FormValue? ReadValue(JsonElement element, out string? problem)
    {
        problem = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return FormValue.Text();
            case JsonValueKind.String:
                return FormValue.Text(element.GetString()!);
            case JsonValueKind.True or JsonValueKind.False:
                return FormValue.Text(element.ValueKind == JsonValueKind.True ? "on" : "false");
            case JsonValueKind.Number:
                return FormValue.Text(element.GetRawText());
            case JsonValueKind.Array:
                var texts = new List<string>();
                var files = new List<FormUpload>();
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        texts.Add(item.GetString()!);
                    }
                    else if (item.ValueKind == JsonValueKind.Object && ReadFile(item, out problem) is { } file)
                    {
                        files.Add(file);
                    }
                    else
                    {
                        problem ??= "Valeur invalide : un texte, une liste de textes ou une liste de fichiers est attendu.";
                        return null;
                    }
                }
                return new FormValue(texts, files);
            default:
                problem = "Valeur invalide : un texte, une liste de textes ou une liste de fichiers est attendu.";
                return null;
        }
    }

    private static FormUpload? ReadFile(JsonElement item, out string? problem)
    {
        problem = null;
        var name = item.TryGetProperty("fileName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var contents = item.TryGetProperty("fileContents", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (string.IsNullOrWhiteSpace(name) || contents is null)
        {
            problem = "Un fichier s'envoie comme { \"fileName\": \"…\", \"fileContents\": \"data:…;base64,…\" }.";
            return null;
        }
        var comma = contents.IndexOf(',', StringComparison.Ordinal);
        var base64 = contents.StartsWith("data:", StringComparison.Ordinal) && comma > 0 && contents[..comma].EndsWith(";base64", StringComparison.Ordinal)
            ? contents[(comma + 1)..]
            : null;
        var bytes = new byte[base64 is null ? 0 : base64.Length * 3 / 4 + 3];
        if (base64 is null || !Convert.TryFromBase64String(base64, bytes, out var written))
        {
            problem = $"« {Path.GetFileName(name)} » : le contenu doit être une URL data: en base64.";
            return null;
        }
        return new FormUpload(Path.GetFileName(name), bytes[..written]);
    }
}
