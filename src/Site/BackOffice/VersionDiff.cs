using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>A side-by-side comparison of two versions, property by property, with changed lines marked.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffRow> Compare(DocumentType type, ContentData left, ContentData right, string culture)
    {
        var rows = new List<DiffRow>();
        var leftName = left.Names.GetValueOrDefault(culture) ?? left.Names.GetValueOrDefault(ContentData.Invariant) ?? "";
        var rightName = right.Names.GetValueOrDefault(culture) ?? right.Names.GetValueOrDefault(ContentData.Invariant) ?? "";
        rows.Add(Row("Nom", leftName, rightName));
        var leftValues = ContentFormBinder.ValuesFor(type, left, culture);
        var rightValues = ContentFormBinder.ValuesFor(type, right, culture);
        foreach (var property in type.Properties)
        {
            rows.Add(Row(property.Name, Text(leftValues[property.Alias]), Text(rightValues[property.Alias])));
        }
        return rows;
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
    };

    private static DiffRow Row(string label, string left, string right)
    {
        var leftLines = left.Split('\n');
        var rightLines = right.Split('\n');
        var rightSet = rightLines.ToHashSet(StringComparer.Ordinal);
        var leftSet = leftLines.ToHashSet(StringComparer.Ordinal);
        return new DiffRow(
            label,
            string.Equals(left, right, StringComparison.Ordinal),
            [.. leftLines.Select(l => new DiffLine(l, !rightSet.Contains(l)))],
            [.. rightLines.Select(l => new DiffLine(l, !leftSet.Contains(l)))]);
    }
}

/// <summary>One property of a version comparison.</summary>
public sealed record DiffRow(string Label, bool Same, IReadOnlyList<DiffLine> Left, IReadOnlyList<DiffLine> Right);

/// <summary>One line of a compared value; <see cref="Changed"/> when the other side lacks it.</summary>
public sealed record DiffLine(string Text, bool Changed);
