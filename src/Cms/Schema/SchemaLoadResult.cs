namespace PoleKnowledge.Cms.Schema;

/// <summary>
/// Outcome of <see cref="ContentSchemaLoader.Load"/>: the schema when every file is valid, otherwise all the
/// problems found (loading does not stop at the first, so one start-up shows every fix to make).
/// </summary>
public sealed class SchemaLoadResult
{
    /// <summary>The loaded schema; null whenever <see cref="Problems"/> is not empty.</summary>
    public ContentSchema? Schema { get; init; }

    public IReadOnlyList<SchemaProblem> Problems { get; init; } = [];

    public bool IsValid => Problems.Count == 0 && Schema is not null;
}
