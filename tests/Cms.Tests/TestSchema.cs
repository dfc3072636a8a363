using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.PropertyEditors;
using PoleKnowledge.Cms.Rendering;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.Tests;

/// <summary>The valid spec schema, loaded once, and shortcuts to run one editor on one value.</summary>
internal static class TestSchema
{
    private static readonly Lazy<(ContentSchema Schema, PropertyEditorCollection Editors)> Loaded = new(() =>
    {
        var editors = new PropertyEditorCollection(BuiltInPropertyEditors.Create());
        var result = ContentSchemaLoader.Load(SpecPath("valid"), editors);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return (result.Schema!, editors);
    });

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ContentSchema Current => Loaded.Value.Schema;

    public static PropertyEditorCollection Editors => Loaded.Value.Editors;

    public static string SpecPath(string relative) => Path.Combine(AppContext.BaseDirectory, "Specs", "schema", relative);

    public static PropertyValueContext ValueContext => new() { Schema = Current, Editors = Editors, Culture = "fr-FR" };

    public static PropertyPublishContext PublishContext => new() { Schema = Current, Editors = Editors, Culture = "fr-FR", Markdown = new MarkdownRenderer() };

    public static PropertyType Property(string alias, string type = "resource") =>
        Current.GetDocumentType(type)!.GetProperty(alias) ?? throw new InvalidOperationException($"No property {alias} on {type}.");

    public static PropertyValueResult Normalize(string alias, string? json, string type = "resource")
    {
        var property = Property(alias, type);
        return property.Editor.Normalize(json is null ? null : JsonNode.Parse(json), property, ValueContext);
    }

    /// <summary>The stored form as compact JSON; fails the test with the errors when invalid.</summary>
    public static string Stored(string alias, string json, string type = "resource")
    {
        var result = Normalize(alias, json, type);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Value?.ToJsonString(Relaxed) ?? "null";
    }

    public static string Error(string alias, string json, string type = "resource")
    {
        var result = Normalize(alias, json, type);
        Assert.False(result.IsValid, "Expected an error, got " + result.Value?.ToJsonString());
        return string.Join("\n", result.Errors);
    }

    public static string Publish(string alias, string storedJson, string type = "resource")
    {
        var property = Property(alias, type);
        using var document = JsonDocument.Parse(storedJson);
        return Write(writer => property.Editor.Publish(writer, document.RootElement, property, PublishContext));
    }

    public static string Resolve(string alias, string publishedJson, IDeliveryReferenceWriter references, string type = "resource")
    {
        var property = Property(alias, type);
        using var document = JsonDocument.Parse(publishedJson);
        return Write(writer => property.Editor.WriteResolved(writer, document.RootElement, property, references));
    }

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>JSON written with single quotes in tests, for readability.</summary>
    public static string J(string singleQuoted) => singleQuoted.Replace('\'', '"');
}
