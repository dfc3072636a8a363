namespace PoleKnowledge.Cms.Content;

/// <summary>How a content operation ended; the HTTP edge maps it to a status code.</summary>
public enum ContentStatus
{
    Ok,
    Created,
    /// <summary>Validation failed (422): see the field errors.</summary>
    Invalid,
    NotFound,
    /// <summary>Stale revision or a state that forbids the operation (409).</summary>
    Conflict,
}
