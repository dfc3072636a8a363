using System.Text.Json.Nodes;
using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Extensions.Structures;

/// <summary>
/// A structure's contact details are public only with its explicit consent (<c>contactConsent</c>): without it
/// the contact name, e-mail and telephone are withheld from publishing, so the Delivery API, the structure's page,
/// the directory and the search index never show them. The pôle's editors still see them in the back office.
/// </summary>
internal sealed class StructureContactRule : IPublishedPropertyRule
{
    public const string ContentType = "structureProfile";
    public static readonly string[] ContactAliases = ["contactName", "contactEmail", "contactPhone"];

    public IEnumerable<string> Withheld(string contentType, JsonObject invariantValues, JsonObject? cultureValues)
    {
        if (contentType != ContentType)
        {
            return [];
        }
        var consent = (cultureValues?["contactConsent"] ?? invariantValues["contactConsent"]) is JsonValue value && value.TryGetValue<bool>(out var given) && given;
        return consent ? [] : ContactAliases;
    }
}
