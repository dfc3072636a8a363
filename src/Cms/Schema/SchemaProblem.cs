namespace PoleKnowledge.Cms.Schema;

/// <summary>
/// One problem found in a <c>content-schema/</c> file. Start-up fails when any exist, so the message
/// must let an editor fix the file without reading code: the file, where in it (a JSON path such as
/// <c>$.groups[0].properties[2].editor</c>, plus the line when known) and what is wrong.
/// </summary>
public sealed record SchemaProblem(string File, string JsonPath, string Message, int? Line = null)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line} {JsonPath}: {Message}" : $"{File} {JsonPath}: {Message}";
}
