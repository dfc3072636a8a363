namespace PoleKnowledge.Site.BackOffice;

/// <summary>French labels of the audit actions written by the store and the back office.</summary>
public static class AuditLabels
{
    public static string Of(string action) => action switch
    {
        "create" => "création",
        "save" => "enregistrement",
        "publish" => "publication",
        "unpublish" => "dépublication",
        "schedule-publish" => "publication programmée",
        "schedule-unpublish" => "dépublication programmée",
        "schedule-cancel" => "programmation annulée",
        "schedule-failed" => "programmation en échec",
        "move" => "déplacement",
        "copy" => "copie",
        "sort" => "tri",
        "trash" => "mise à la corbeille",
        "restore" => "restauration",
        "delete" => "suppression définitive",
        "rollback" => "retour à une version",
        "review-requested" => "relecture demandée",
        "sign-in" => "connexion",
        "sign-in-failed" => "connexion refusée",
        "sign-in-locked" => "compte bloqué",
        "sign-out-everywhere" => "déconnexion partout",
        "password-reset" => "mot de passe réinitialisé",
        "password-change" => "mot de passe changé",
        "two-factor-enabled" => "double authentification activée",
        "two-factor-disabled" => "double authentification désactivée",
        "user-create" => "utilisateur créé",
        "user-update" => "utilisateur modifié",
        "user-delete" => "utilisateur supprimé",
        "token-create" => "jeton d'API créé",
        "token-revoke" => "jeton d'API révoqué",
        "media-upload" => "média ajouté",
        "blueprint-create" => "modèle créé",
        "blueprint-delete" => "modèle supprimé",
        "media-update" => "média modifié",
        "media-delete" => "média supprimé",
        _ => action,
    };
}
