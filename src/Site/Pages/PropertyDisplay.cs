using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Site.Pages;

/// <summary>
/// Turns a property's Delivery API value into readable HTML for the public pages: taxonomy aliases
/// become their labels, dates French dates, references links, Markdown its (already sanitised) HTML.
/// Everything else is HTML-encoded.
/// </summary>
internal static partial class PropertyDisplay
{
    [System.Text.RegularExpressions.GeneratedRegex("<(/?)h([1-5])([ >])")]
    private static partial System.Text.RegularExpressions.Regex HeadingLevel();

    public static IHtmlContent Render(PropertyType property, JsonElement value, ContentSchema schema, string culture)
    {
        var html = new StringBuilder();
        Append(html, property, value, schema, culture);
        return new HtmlString(html.ToString());
    }

    public static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => value.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() == 0,
        _ => false,
    };

    /// <summary>The label of a taxonomy-bound value, or the value itself.</summary>
    public static string Label(PropertyType property, string value, ContentSchema schema, string culture)
    {
        if (property.Config.ValueKind == JsonValueKind.Object)
        {
            if (property.Config.TryGetProperty("taxonomy", out var taxonomyAlias) && taxonomyAlias.ValueKind == JsonValueKind.String
                && schema.GetTaxonomy(taxonomyAlias.GetString()!)?.Find(value) is { } term)
            {
                return term.LabelFor(culture);
            }
            if (property.Config.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value", out var v) && v.GetString() == value && item.TryGetProperty("label", out var label))
                    {
                        return label.GetString() ?? value;
                    }
                }
            }
        }
        return value;
    }

    private static void Append(StringBuilder html, PropertyType property, JsonElement value, ContentSchema schema, string culture)
    {
        switch (property.EditorAlias)
        {
            case "Umbraco.MarkdownEditor":
                // The page's title is its only h1: headings written in the Markdown move one level down.
                html.Append(HeadingLevel().Replace(value.GetString() ?? "", m => $"<{m.Groups[1].Value}h{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1}{m.Groups[3].Value}"));
                return;
            case "Umbraco.DateTime":
                if (DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                {
                    var local = TimeZoneInfo.ConvertTimeFromUtc(date, ParisTime);
                    var format = property.Config.ValueKind == JsonValueKind.Object && property.Config.TryGetProperty("format", out var f) && f.GetString() == "date" ? "d MMMM yyyy" : "d MMMM yyyy 'à' HH'h'mm";
                    html.Append(Encode(local.ToString(format, CultureInfo.GetCultureInfo(culture))));
                    return;
                }
                break;
            case "Umbraco.EmailAddress":
                var email = value.GetString() ?? "";
                html.Append("<a href=\"mailto:").Append(Encode(email)).Append("\">").Append(Encode(email)).Append("</a>");
                return;
            case "Umbraco.TrueFalse":
                html.Append(value.ValueKind == JsonValueKind.True ? (culture.StartsWith("en", StringComparison.Ordinal) ? "Yes" : "Oui") : (culture.StartsWith("en", StringComparison.Ordinal) ? "No" : "Non"));
                return;
        }
        AppendGeneric(html, property, value, schema, culture);
    }

    private static void AppendGeneric(StringBuilder html, PropertyType property, JsonElement value, ContentSchema schema, string culture)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                html.Append(Encode(Label(property, value.GetString()!, schema, culture)));
                break;
            case JsonValueKind.Number:
                html.Append(Encode(value.TryGetInt64(out var integer) ? integer.ToString("N0", CultureInfo.GetCultureInfo(culture)) : value.GetDouble().ToString("N2", CultureInfo.GetCultureInfo(culture))));
                break;
            case JsonValueKind.Array:
                html.Append("<ul class=\"values\">");
                foreach (var item in value.EnumerateArray())
                {
                    html.Append("<li>");
                    AppendGeneric(html, property, item, schema, culture);
                    html.Append("</li>");
                }
                html.Append("</ul>");
                break;
            case JsonValueKind.Object:
                AppendObject(html, property, value, schema, culture);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                html.Append(value.ValueKind == JsonValueKind.True ? "Oui" : "Non");
                break;
        }
    }

    private static void AppendObject(StringBuilder html, PropertyType property, JsonElement value, ContentSchema schema, string culture)
    {
        // A content reference: {name, route:{path}}
        if (value.TryGetProperty("route", out var route) && route.ValueKind == JsonValueKind.Object && route.TryGetProperty("path", out var path) && value.TryGetProperty("name", out var name))
        {
            html.Append("<a href=\"").Append(Encode(PublicUrl(path.GetString()!, culture))).Append("\">").Append(Encode(name.GetString() ?? "")).Append("</a>");
            return;
        }
        // A link from a multi-URL picker: {url, title, route, linkType}
        if (value.TryGetProperty("linkType", out _))
        {
            var url = value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "#";
            if (value.TryGetProperty("route", out var linkRoute) && linkRoute.ValueKind == JsonValueKind.Object && linkRoute.TryGetProperty("path", out var linkPath))
            {
                url = PublicUrl(linkPath.GetString()!, culture);
            }
            var title = value.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String && t.GetString()!.Length > 0 ? t.GetString()! : url;
            var external = url.StartsWith("http", StringComparison.OrdinalIgnoreCase);
            html.Append("<a href=\"").Append(Encode(url)).Append('"').Append(external ? " rel=\"noopener noreferrer\"" : "").Append('>').Append(Encode(title)).Append("</a>");
            return;
        }
        // A block list: {items:[{content:{contentType, properties}}]}
        if (value.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            html.Append("<ol class=\"blocks\">");
            foreach (var block in items.EnumerateArray())
            {
                if (!block.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                var elementType = content.TryGetProperty("contentType", out var ct) ? schema.GetDocumentType(ct.GetString() ?? "") : null;
                html.Append("<li><dl>");
                if (content.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var nested in properties.EnumerateObject())
                    {
                        var nestedType = elementType?.GetProperty(nested.Name);
                        if (nestedType is null || IsEmpty(nested.Value))
                        {
                            continue;
                        }
                        html.Append("<dt>").Append(Encode(nestedType.Name)).Append("</dt><dd>");
                        Append(html, nestedType, nested.Value, schema, culture);
                        html.Append("</dd>");
                    }
                }
                html.Append("</dl></li>");
            }
            html.Append("</ol>");
            return;
        }
        html.Append(Encode(value.GetRawText()));
    }

    /// <summary>The public URL of a Delivery API route in a culture (English pages live under /en).</summary>
    public static string PublicUrl(string route, string culture) =>
        culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "/en" + route : route;

    // Accents stay as they are (WebUtility would write &#233; for é); markup characters are escaped.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);

    private static readonly TimeZoneInfo ParisTime = FindParis();

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
