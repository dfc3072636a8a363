using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PoleKnowledge.Cms.Import;

/// <summary>
/// A Markdown file with YAML front matter (the import format, docs/import-format.md): the front matter
/// as JSON values (plain YAML scalars typed — booleans, numbers, null; quoted scalars stay strings) and the body.
/// </summary>
public sealed class FrontMatterDocument
{
    public required IReadOnlyDictionary<string, JsonNode?> Fields { get; init; }
    /// <summary>1-based line of each front-matter key, for error messages.</summary>
    public required IReadOnlyDictionary<string, int> Lines { get; init; }
    public required string Body { get; init; }

    /// <summary>Parses a document; throws <see cref="FormatException"/> with a message naming the line on bad input.</summary>
    public static FrontMatterDocument Parse(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new FormatException("line 1: the file must start with a '---' line opening the YAML front matter.");
        }
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        while (end >= 0 && !(end + 4 == text.Length || text[end + 4] == '\n'))
        {
            end = text.IndexOf("\n---", end + 4, StringComparison.Ordinal);
        }
        if (end < 0)
        {
            throw new FormatException("the front matter is not closed by a '---' line.");
        }
        var yaml = text[4..(end + 1)];
        var body = end + 5 <= text.Length ? text[(end + 5)..] : "";
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            throw new FormatException($"line {exception.Start.Line + 1}: invalid YAML: {exception.InnerException?.Message ?? exception.Message}", exception);
        }
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is not YamlScalarNode { Value: null or "" })
        {
            if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                throw new FormatException("line 2: the front matter must be a mapping of 'key: value' lines.");
            }
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? throw new FormatException($"line {keyNode.Start.Line + 1}: keys must be plain words.");
                var line = (int)keyNode.Start.Line + 1;
                if (fields.ContainsKey(key))
                {
                    throw new FormatException($"line {line}: the key '{key}' appears twice.");
                }
                fields[key] = ToJson(valueNode);
                lines[key] = line;
            }
        }
        return new FrontMatterDocument { Fields = fields, Lines = lines, Body = body.TrimStart('\n') };
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Scalar(scalar),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? "", ToJson(pair.Value)))),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(value);
        }
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && !value.StartsWith('0') || value == "0")
        {
            return JsonValue.Create(integer);
        }
        if (value.Contains('.', StringComparison.Ordinal) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(value);
    }
}
