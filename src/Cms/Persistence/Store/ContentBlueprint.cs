namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>A content blueprint as the back office lists it.</summary>
public sealed record ContentBlueprint(long Id, string Name, string ContentType, string? CreatedBy, DateTime CreateDate);
