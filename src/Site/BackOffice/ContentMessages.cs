using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>The store's outcomes as one French sentence for the message bar (field errors go next to their fields).</summary>
public static class ContentMessages
{
    public static string Of(ContentOutcome outcome) => outcome.Status switch
    {
        ContentStatus.NotFound => "Élément introuvable : il a peut-être été supprimé entre-temps.",
        ContentStatus.Conflict when outcome.Message?.Contains("changed by someone else", StringComparison.OrdinalIgnoreCase) == true || outcome.Message?.Contains(" at revision ", StringComparison.Ordinal) == true || outcome.Errors.Any(e => e.Field == "revision") =>
            "Quelqu'un d'autre a enregistré cet élément pendant que vous le modifiiez. Vos saisies sont conservées ci-dessous : rechargez la page dans un autre onglet pour comparer, puis enregistrez à nouveau.",
        ContentStatus.Conflict => "Action impossible : " + Detail(outcome),
        ContentStatus.Invalid => "Le contenu n'est pas valide : corrigez les champs signalés. " + string.Join(" ", outcome.Errors.Where(e => e.Field is "culture" or "parent" or "contentType" or "urlSegment").Select(e => e.Message)),
        _ => Detail(outcome),
    };

    private static string Detail(ContentOutcome outcome) =>
        string.Join(" ", new[] { outcome.Message }.Concat(outcome.Errors.Select(e => e.Message)).Where(m => !string.IsNullOrWhiteSpace(m)));
}
