using System.Text.Json;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.MarkdownEditor</c>: stored as Markdown, published once as sanitised HTML (never rendered per request).
/// </summary>
internal sealed class MarkdownEditor : TextEditorBase
{
    private static readonly Rendering.MarkdownRenderer PlainTextRenderer = new();

    public override string Alias => "Umbraco.MarkdownEditor";

    protected override int DefaultMaxChars => 1_000_000;

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context) =>
        writer.WriteStringValue(stored.ValueKind == JsonValueKind.String ? context.Markdown.Render(stored.GetString()!) : "");

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) =>
        stored.ValueKind == JsonValueKind.String ? PlainTextRenderer.ToPlainText(stored.GetString()!) : null;
}
