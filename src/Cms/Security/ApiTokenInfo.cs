namespace PoleKnowledge.Cms.Security;

/// <summary>A management API token as listed (never its secret).</summary>
public sealed record ApiTokenInfo(long Id, string Name, string Prefix, DateTime CreateDate, DateTime? RevokeDate, DateTime? LastUseDate);
