namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>One line of the audit log, as administrators read it.</summary>
public sealed record AuditRecord(long Id, DateTime DateUtc, string Actor, string Action, Guid? NodeKey, string? Culture, string? Detail);
