namespace PoleKnowledge.Cms.Persistence.Entities;

/// <summary>A bearer token for the management API. Only a SHA-256 hash is stored; the token is shown once.</summary>
internal sealed class ApiTokenEntity
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>First characters of the token, to recognise it in lists.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreateDateUtc { get; set; }
    public DateTime? RevokeDateUtc { get; set; }
    public DateTime? LastUseDateUtc { get; set; }
    public string? CreatedBy { get; set; }
}
