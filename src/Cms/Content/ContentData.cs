using System.Text.Json;
using System.Text.Json.Nodes;

namespace PoleKnowledge.Cms.Content;

/// <summary>
/// The values of one version of an item, all cultures together: names per culture (<c>""</c> for
/// invariant items), invariant property values, and culture-variant values per culture. Stored as one
/// JSON document per version.
/// </summary>
public sealed class ContentData
{
    public const string Invariant = "";

    public Dictionary<string, string> Names { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Explicit URL segments per culture, when an editor set one; otherwise derived from the name.</summary>
    public Dictionary<string, string> Segments { get; init; } = new(StringComparer.Ordinal);
    public JsonObject InvariantValues { get; init; } = [];
    public Dictionary<string, JsonObject> CultureValues { get; init; } = new(StringComparer.Ordinal);

    public JsonObject ValuesFor(string culture)
    {
        if (!CultureValues.TryGetValue(culture, out var values))
        {
            values = [];
            CultureValues[culture] = values;
        }
        return values;
    }

    public string ToJson()
    {
        var root = new JsonObject
        {
            ["names"] = ToObject(Names),
            ["segments"] = ToObject(Segments),
            ["invariant"] = InvariantValues.DeepClone(),
        };
        var cultures = new JsonObject();
        foreach (var (culture, values) in CultureValues)
        {
            cultures[culture] = values.DeepClone();
        }
        root["cultures"] = cultures;
        return root.ToJsonString();
    }

    public static ContentData FromJson(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("Version data is not a JSON object.");
        var data = new ContentData
        {
            InvariantValues = root["invariant"]?.DeepClone().AsObject() ?? [],
        };
        ReadStrings(root["names"], data.Names);
        ReadStrings(root["segments"], data.Segments);
        if (root["cultures"] is JsonObject cultures)
        {
            foreach (var (culture, values) in cultures)
            {
                if (values is JsonObject obj)
                {
                    data.CultureValues[culture] = obj.DeepClone().AsObject();
                }
            }
        }
        return data;
    }

    public ContentData Clone() => FromJson(ToJson());

    private static JsonObject ToObject(Dictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map)
        {
            obj[key] = value;
        }
        return obj;
    }

    private static void ReadStrings(JsonNode? node, Dictionary<string, string> target)
    {
        if (node is not JsonObject obj)
        {
            return;
        }
        foreach (var (key, value) in obj)
        {
            if (value?.GetValueKind() == JsonValueKind.String)
            {
                target[key] = value.GetValue<string>();
            }
        }
    }
}
