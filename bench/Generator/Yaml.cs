using System.Globalization;
using System.Text;

namespace PoleKnowledge.Generator;

/// <summary>A Markdown (multi-line) string, written as a YAML block scalar.</summary>
internal sealed record BlockText(string Text);

/// <summary>Writes the small value trees the generator builds (strings, numbers, booleans, lists, maps) as YAML.</summary>
internal static class Yaml
{
    public static void WriteField(StringBuilder builder, string key, object? value, int indent)
    {
        builder.Append(' ', indent).Append(key).Append(':');
        WriteValue(builder, value, indent);
    }

    private static void WriteValue(StringBuilder builder, object? value, int indent)
    {
        switch (value)
        {
            case null:
                builder.Append(" null\n");
                break;
            case BlockText block:
                builder.Append(" |\n");
                foreach (var line in block.Text.TrimEnd('\n').Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        builder.Append(' ', indent + 2).Append(line);
                    }
                    builder.Append('\n');
                }
                break;
            case IReadOnlyList<string> words when words.All(IsPlainWord):
                builder.Append(" [").AppendJoin(", ", words).Append("]\n");
                break;
            case IReadOnlyList<KeyValuePair<string, object?>> map:
                builder.Append('\n');
                foreach (var (k, v) in map)
                {
                    WriteField(builder, k, v, indent + 2);
                }
                break;
            case System.Collections.IList list:
                builder.Append('\n');
                foreach (var element in list)
                {
                    if (element is IReadOnlyList<KeyValuePair<string, object?>> map)
                    {
                        var first = true;
                        foreach (var (k, v) in map)
                        {
                            builder.Append(' ', indent + 2).Append(first ? "- " : "  ").Append(k).Append(':');
                            WriteValue(builder, v, indent + 4);
                            first = false;
                        }
                    }
                    else
                    {
                        builder.Append(' ', indent + 2).Append("- ");
                        builder.Append(Scalar(element)).Append('\n');
                    }
                }
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        string text => Quote(text),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static bool IsPlainWord(string word) => word.Length > 0 && char.IsAsciiLetterLower(word[0]) && word.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
