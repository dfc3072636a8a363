using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Cms.Content;

/// <summary>
/// A business rule an extension adds to every content save (Umbraco's "saving" notification that can cancel):
/// the management API, the back office, imports and the extension's own endpoints all go through it. Return
/// field errors to refuse the save (422 naming the field); an empty list lets it through. Rules run after the
/// values are validated and merged, before anything is written. Register as singletons.
/// </summary>
public interface IContentWriteRule
{
    Task<IReadOnlyList<FieldError>> CheckAsync(ContentWriteCheck check, CancellationToken cancellationToken);
}

/// <summary>What a save would change: the item's data before (null for a new item) and after, in <see cref="Culture"/> ("" when invariant).</summary>
public sealed record ContentWriteCheck(string ContentType, Guid? Key, string Culture, ContentData? Before, ContentData After);
