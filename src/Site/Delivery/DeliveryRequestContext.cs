using System.Text.RegularExpressions;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Delivery;
using PoleKnowledge.Cms.Delivery.Querying;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Site.Delivery;

/// <summary>
/// What a Delivery API content request asks for, read once from its headers and <c>expand</c>/<c>fields</c>
/// (the item endpoints here and the <c>GET /content</c> query endpoint share it through <see cref="TryResolve"/>):
/// <list type="bullet">
/// <item><c>Accept-Language</c>: one culture token (word characters and hyphens, as Umbraco); matched to the
/// schema's cultures case-insensitively. Absent, a browser-style list (<c>en-US,en;q=0.9</c>) or an unknown
/// culture → the default culture (Umbraco would pass an unknown culture on and find nothing; we document the
/// difference).</item>
/// <item><c>Api-Key</c>, <c>Preview: true</c> (case-insensitive): the access table of DELIVERY-API.md §3.4.</item>
/// <item><c>Start-Item</c>: a root's key or its URL segment in the request culture (slashes trimmed,
/// case-insensitive); no such root → 404 "The Start-Item could not be found".</item>
/// </list>
/// </summary>
internal sealed partial class DeliveryRequestContext
{
    private static readonly object ItemsKey = new();

    public required string Culture { get; init; }

    /// <summary>True when the request asked for drafts and carried a valid key (preview without a key never gets here: 401).</summary>
    public bool Preview { get; init; }

    public bool HasValidApiKey { get; init; }

    /// <summary>The root named by <c>Start-Item</c>, or null (the default root applies to path lookups).</summary>
    public PublishedContent? StartItem { get; init; }

    /// <summary>The <c>expand</c> tree (null: nothing expanded).</summary>
    public PropertyTree? Expand { get; init; }

    /// <summary>The <c>fields</c> tree (null: every property).</summary>
    public PropertyTree? Fields { get; init; }

    /// <summary>True when the response is the plain item (no expansion, no limiting): it can be served from the serialised-item cache.</summary>
    public bool IsDefaultShape => Expand is null && Fields is null;

    /// <summary>The context the query handlers see.</summary>
    public DeliveryQueryContext ToQueryContext(PublishedContentCache cache, ContentSchema schema) =>
        new() { Culture = Culture, StartItem = StartItem?.Key, Cache = cache, Schema = schema };

    /// <summary>
    /// Reads (once per request; later calls return the same context) and checks the request. On failure
    /// <paramref name="failure"/> is the response to send: 401 (access table), 404 (unknown Start-Item) or 400
    /// (malformed <c>expand</c>/<c>fields</c>).
    /// </summary>
    public static bool TryResolve(HttpContext http, out DeliveryRequestContext context, out IResult? failure)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(ItemsKey, out var existing) && existing is DeliveryRequestContext cached)
        {
            context = cached;
            failure = null;
            return true;
        }
        context = null!;
        var services = http.RequestServices;
        var options = services.GetRequiredService<DeliveryOptions>();
        var cache = services.GetRequiredService<PublishedContentCache>();
        var schema = services.GetRequiredService<ContentSchemaHolder>().Schema;
        var headers = http.Request.Headers;

        var validKey = options.IsValidApiKey(headers["Api-Key"].ToString());
        var preview = string.Equals(headers["Preview"].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase);
        if (!IsAllowed(options, validKey, preview))
        {
            failure = DeliveryResults.Unauthorized();
            return false;
        }
        var culture = ResolveCulture(headers.AcceptLanguage.ToString(), schema);
        PublishedContent? startItem = null;
        var startHeader = headers["Start-Item"].ToString().Trim().Trim('/');
        if (startHeader.Length > 0)
        {
            startItem = FindRoot(cache, startHeader, culture);
            if (startItem is null)
            {
                failure = DeliveryResults.StartItemNotFound();
                return false;
            }
        }
        var expand = PropertyTree.Parse(http.Request.Query["expand"].ToString());
        if (!expand.Succeeded)
        {
            failure = DeliveryResults.InvalidTree("expand", expand);
            return false;
        }
        var fields = PropertyTree.Parse(http.Request.Query["fields"].ToString());
        if (!fields.Succeeded)
        {
            failure = DeliveryResults.InvalidTree("fields", fields);
            return false;
        }
        context = new DeliveryRequestContext
        {
            Culture = culture,
            Preview = preview,
            HasValidApiKey = validKey,
            StartItem = startItem,
            Expand = expand.Tree,
            // `fields=properties[$all]` is the default written out: keep the cacheable shape.
            Fields = fields.Tree is { All: true, AllChild: null } f && !f.Names.Any() ? null : fields.Tree,
        };
        http.Items[ItemsKey] = context;
        failure = null;
        return true;
    }

    /// <summary>The access decision table (§3.4), exactly: disabled → 401; public → allowed unless preview without a key; private → a key is required.</summary>
    internal static bool IsAllowed(DeliveryOptions options, bool validKey, bool preview) =>
        options.Enabled && (options.IsPublic ? !preview || validKey : validKey);

    internal static string ResolveCulture(string header, ContentSchema schema)
    {
        var value = header.Trim();
        if (value.Length > 0 && CultureToken().IsMatch(value))
        {
            foreach (var known in schema.Cultures)
            {
                if (string.Equals(known, value, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }
        }
        return schema.DefaultCulture;
    }

    private static PublishedContent? FindRoot(PublishedContentCache cache, string value, string culture)
    {
        if (Guid.TryParse(value, out var key))
        {
            return cache.Get(key) is { ParentKey: null } root ? root : null;
        }
        return cache.Roots.FirstOrDefault(root => string.Equals(root.ForCulture(culture)?.UrlSegment, value, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^[\w-]+$")]
    private static partial Regex CultureToken();
}
