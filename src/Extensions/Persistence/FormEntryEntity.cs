namespace PoleKnowledge.Extensions.Persistence;

/// <summary>A stored form entry: the accepted values as one JSON document (validated against the definition first).</summary>
internal sealed class FormEntryEntity
{
    public Guid Id { get; set; }
    public required string FormAlias { get; set; }
    public Guid? ContentKey { get; set; }
    public string? Culture { get; set; }
    public required string ValuesJson { get; set; }
    public DateTime CreatedUtc { get; set; }
}
