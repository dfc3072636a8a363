using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary>
/// <c>Umbraco.DateTime</c>: ISO-8601 only, parsed with the invariant culture so "01/05/2024" (1 May or
/// 5 January?) is refused rather than guessed. Date-times are stored in UTC with a <c>Z</c>; a date-time
/// without an offset is taken as UTC. Format <c>date</c> stores <c>yyyy-MM-dd</c>.
/// </summary>
internal sealed class DateTimeEditor : PropertyEditorBase
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    private static readonly string[] InputFormats = BuildInputFormats();

    public override string Alias => "Umbraco.DateTime";

    public override IEnumerable<(string RelativePath, string Message)> ValidateConfiguration(JsonElement config, SchemaValidationContext context)
    {
        foreach (var problem in EditorConfig.UnknownKeys(config, Alias, "format"))
        {
            yield return problem;
        }
        if (EditorConfig.Get(config, "format") is { } format && !(format.ValueKind == JsonValueKind.String && format.GetString() is "date" or "datetime"))
        {
            yield return (".format", $"'format' must be \"date\" or \"datetime\", got {EditorInput.Truncate(format.GetRawText())}.");
        }
    }

    public override PropertyValueResult Normalize(JsonNode? value, PropertyType property, PropertyValueContext context)
    {
        if (EditorInput.IsEmpty(value))
        {
            return PropertyValueResult.Empty;
        }
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? EditorInput.StringOf(v).Trim() : null;
        if (text is null || !DateTimeOffset.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return PropertyValueResult.Fail($"Expected an ISO-8601 date such as \"2024-05-01\" or \"2024-05-01T08:30:00Z\", got {EditorInput.Describe(value)}.");
        }
        var stored = IsDateOnly(property)
            // The calendar date as written: "2024-05-01T23:30:00+02:00" is 1 May for its author, not 30 April.
            ? parsed.ToString(DateFormat, CultureInfo.InvariantCulture)
            : parsed.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);
        return PropertyValueResult.Ok(JsonValue.Create(stored));
    }

    public override void Publish(Utf8JsonWriter writer, JsonElement stored, PropertyType property, PropertyPublishContext context)
    {
        var text = stored.GetString() ?? "";
        writer.WriteStringValue(text.Length == DateFormat.Length ? text + "T00:00:00Z" : text);
    }

    public override string? GetIndexText(JsonElement stored, PropertyType property, ContentSchema schema) => null;

    private static bool IsDateOnly(PropertyType property) => EditorConfig.GetString(property.Config, "format") == "date";

    private static string[] BuildInputFormats()
    {
        var formats = new List<string> { DateFormat };
        foreach (var separator in new[] { "'T'", " " })
        {
            foreach (var time in new[] { "HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF" })
            {
                foreach (var zone in new[] { "", "'Z'", "zzz" })
                {
                    formats.Add(DateFormat + separator + time + zone);
                }
            }
        }
        return [.. formats];
    }
}
