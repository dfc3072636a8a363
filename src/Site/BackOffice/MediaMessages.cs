using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>Media outcomes as a French sentence.</summary>
public static class MediaMessages
{
    public static string Of(MediaOutcome outcome) => outcome.Status switch
    {
        MediaStatus.TooLarge => "Fichier trop volumineux.",
        MediaStatus.UnsupportedType => "Type de fichier non accepté : le contenu du fichier ne correspond pas à une image, un PDF, un DOCX ou un ODT (l'extension ne suffit pas).",
        MediaStatus.TooManyPixels => "Image trop grande (trop de pixels).",
        MediaStatus.NotFound => "Média introuvable.",
        MediaStatus.Conflict => "Ce média a été modifié entre-temps : rechargez la page.",
        _ => string.Join(" ", new[] { outcome.Errors.Count > 0 ? null : outcome.Message }.Concat(outcome.Errors.Select(e => e.Message == MediaStore.DuplicateFolderName ? "Un dossier porte déjà ce nom à cet endroit." : e.Message)).Where(m => !string.IsNullOrWhiteSpace(m))),
    };
}
