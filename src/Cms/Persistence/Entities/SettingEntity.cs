namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>A setting an administrator changes in the back office (e.g. the Delivery API key's hash), by name.</summary>
internal sealed class SettingEntity
{
    public required string Name { get; set; }
    public string? Value { get; set; }
    public DateTime UpdateDateUtc { get; set; }
    public string? UpdatedBy { get; set; }
}
