using PoleKnowledge.Cms.Delivery.Querying;

namespace PoleKnowledge.Extensions.Delivery;

/// <summary>
/// The pôle's filters and sorts as the OpenAPI document shows them. Every example is a value of the
/// taxonomies in <c>content-schema/taxonomies/</c>, and a test runs each one against the demo content.
/// </summary>
internal static class PoleQueryOptionDocumentation
{
    private const string Filter = QueryOptionDocumentation.Filter;
    private const string Sort = QueryOptionDocumentation.Sort;

    public static readonly IReadOnlyList<QueryOptionDocumentation> All =
    [
        new(Filter, "theme", "Items tagged with a theme (taxonomy `themes`: benevolat, gouvernance, financement, emploi…). Comma = OR, `!` = NOT.",
            [new("Resources about volunteering", "theme:benevolat"), new("Employment or funding", "theme:emploi,financement"), new("Not about governance", "theme:!gouvernance")]),
        new(Filter, "mission", "Items serving one of the pôle's five missions (taxonomy `missions`).",
            [new("Capitalisation of know-how", "mission:capitalisation")]),
        new(Filter, "priority", "Items serving one of the pôle's seven priorities (taxonomy `priorities`).",
            [new("Funding priority", "priority:financement")]),
        new(Filter, "audience", "Items for an audience (taxonomy `audiences`: structures-ess, jeunes-entrepreneurs, benevoles…).",
            [new("For young entrepreneurs", "audience:jeunes-entrepreneurs")]),
        new(Filter, "resourceType", "Resources of a kind: guide, fiche-pratique, brochure, actes-de-conference, etude…",
            [new("Practical sheets", "resourceType:fiche-pratique"), new("Guides or brochures", "resourceType:guide,brochure")]),
        new(Filter, "legalForm", "Structures of a legal form, or funding schemes open to it (taxonomy `legalForms`).",
            [new("Associations", "legalForm:association-loi-1901"), new("Co-operatives", "legalForm:scop,scic")]),
        new(Filter, "commune", "Items located in a commune of the Pays de Rennes (taxonomy `communes`, 43 communes).",
            [new("In Rennes", "commune:rennes")]),
        new(Filter, "groupStatus", "Working groups by status: a-venir (en préparation), inscriptions-ouvertes, en-cours, termine.",
            [new("Groups open for sign-up", "groupStatus:inscriptions-ouvertes"), new("Groups not finished", "groupStatus:!termine")]),
        new(Filter, "modality", "Working groups by modality: ep (practice exchange), rq (question-solving), concertation.",
            [new("Practice exchange groups", "modality:ep")]),
        new(Filter, "output", "Working groups that produced a resource (their `outputs` picker): the other direction of the link, since an item's properties mirror its document type. Use the resource's id.",
            [new("The group that produced a resource", "output:3f1c2a9e-0000-4000-8000-000000000000")]),
        new(Sort, "date", "By the item's own date: a resource's publication date, an event's start, a funding scheme's deadline. Items without one come last.",
            [new("Most recent first", "date:desc"), new("Soonest first", "date:asc")]),
        new(Sort, "title", "By name, alphabetically in the culture's rules (accents folded: « Économie » sorts with the E).",
            [new("A to Z", "title:asc")]),
    ];
}
