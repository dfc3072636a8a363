using PoleKnowledge.Cms.Webhooks;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>French words of the webhook screens: event labels, delivery states, refused targets.</summary>
public static class WebhookMessages
{
    public static string EventLabel(string alias) => alias switch
    {
        WebhookEvents.ContentPublish => "Contenu publié",
        WebhookEvents.ContentUnpublish => "Contenu dépublié",
        WebhookEvents.ContentDelete => "Contenu supprimé ou mis à la corbeille",
        WebhookEvents.MediaSave => "Média enregistré",
        WebhookEvents.MediaDelete => "Média supprimé",
        WebhookEvents.Ping => "Test (ping)",
        _ => alias,
    };

    public static string StatusLabel(string status) => status switch
    {
        WebhookDeliveryStatus.Pending => "En attente",
        WebhookDeliveryStatus.Succeeded => "Livré",
        WebhookDeliveryStatus.Failed => "Échec",
        _ => status,
    };

    public static string? TargetError(WebhookTargetCheck check) => check switch
    {
        WebhookTargetCheck.Allowed => null,
        WebhookTargetCheck.HttpsRequired => "L'adresse doit commencer par https:// (http n'est permis que vers les hôtes de développement autorisés par la configuration).",
        WebhookTargetCheck.PrivateAddress => "Cette adresse pointe vers un réseau privé ou local : elle est refusée (la configuration peut l'autoriser en développement).",
        _ => "Saisissez une adresse web complète, par exemple https://exemple.org/webhooks (2 000 caractères au plus, sans identifiants).",
    };
}
