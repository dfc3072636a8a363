namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// One property of a published item, computed at publish time: <see cref="Json"/> is the final Delivery API
/// value, or, when <see cref="ResolvesAtRequestTime"/>, the editor's intermediate form to finish per request.
/// </summary>
public sealed record PublishedProperty(string Alias, byte[] Json, bool ResolvesAtRequestTime);
