using System.Text.Json.Nodes;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>Reading what a writer typed for a reference to another item: a GUID, a UDI or an import key.</summary>
internal static class ReferenceInput
{
    private const int MaxLength = 200;

    /// <summary>The key, or an error sentence naming what was expected.</summary>
    public static (Guid? Key, string? Error) Read(JsonNode? item, PropertyValueContext context, string kind)
    {
        var text = item is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? EditorInput.StringOf(v).Trim() : null;
        // An import key is a slug; refusing spaces and control characters catches a pasted title
        // ("Guide du bénévolat") before it silently becomes the key of an item that does not exist.
        if (text is null || text.Length == 0 || text.Length > MaxLength || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return (null, $"Expected a {kind} reference (a GUID, an umb:// UDI or an import key such as 'guide-benevolat'), got {EditorInput.Describe(item)}.");
        }
        return context.ResolveReference(text) is { } key
            ? (key, null)
            : (null, $"Unknown {kind} reference {EditorInput.Quote(text)}.");
    }
}
