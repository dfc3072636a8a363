using System.Text;

namespace PoleKnowledge.Generator;

/// <summary>French sentences and Markdown bodies composed from fragments about the social and solidarity economy.</summary>
internal sealed class FrenchText(Random random)
{
    private static readonly string[] Subjects =
    [
        "Les associations du Pays de Rennes", "Une coopérative d'activité et d'emploi", "Le conseil d'administration",
        "Les bénévoles engagés depuis plusieurs années", "La SCIC", "Le pôle ESS", "Les structures de base",
        "Une ressourcerie de quartier", "Les têtes de réseau", "Le groupe de travail", "Les salariés associés de la SCOP",
        "Une mutuelle de proximité", "La fondation", "Les jeunes porteurs de projet", "Les collectivités partenaires",
        "Le comité de pilotage de l'Agenda 21", "Une épicerie solidaire", "Les administrateurs bénévoles",
    ];

    /// <summary>Each verb in the singular and the plural, to agree with <see cref="Subjects"/>.</summary>
    private static readonly (string One, string Many)[] Verbs =
    [
        ("cherche à renouveler", "cherchent à renouveler"), ("met en commun", "mettent en commun"), ("fait évoluer", "font évoluer"),
        ("s'appuie sur", "s'appuient sur"), ("a choisi de repenser", "ont choisi de repenser"), ("accompagne", "accompagnent"),
        ("finance", "financent"), ("documente", "documentent"), ("partage", "partagent"), ("évalue", "évaluent"),
        ("consolide", "consolident"), ("réinvente", "réinventent"), ("place au cœur de son projet", "placent au cœur de leur projet"),
        ("interroge", "interrogent"), ("mutualise", "mutualisent"),
    ];

    private static readonly string[] Objects =
    [
        "la gouvernance partagée", "l'accueil des nouveaux bénévoles", "leurs fonds propres", "un emploi à temps partagé",
        "les locaux et le matériel", "la démarche d'Agenda 21", "le modèle économique", "la relation avec les financeurs publics",
        "l'évaluation de l'utilité sociale", "le plan de trésorerie", "la formation des dirigeants", "la communication interne",
        "les achats responsables", "la transmission des savoir-faire", "l'accès au crédit bancaire", "le bénévolat de compétences",
        "la qualité de service rendu aux adhérents", "les groupements d'employeurs", "la vie démocratique de l'association",
    ];

    private static readonly string[] Complements =
    [
        "pour répondre à des besoins sociaux encore mal couverts", "avec l'appui d'un chargé de mission", "sur trois ans",
        "sans perdre de vue le projet associatif", "en lien avec la Région et Rennes Métropole", "grâce à une subvention de fonctionnement",
        "dans le respect de la lucrativité limitée", "à l'échelle du Pays de Rennes", "avec des outils simples et gratuits",
        "en s'inspirant d'expériences menées ailleurs en Bretagne", "au rythme d'une séance par mois", "dès la phase d'émergence",
        "pour pérenniser des emplois de qualité", "sans alourdir la charge des bénévoles", "avec une attention particulière à l'égalité femmes-hommes",
    ];

    private static readonly string[] Headings =
    [
        "Pourquoi cette démarche ?", "Les étapes clés", "Ce qu'il faut retenir", "Témoignages", "Points de vigilance",
        "Le rôle du conseil d'administration", "Financer le projet", "Mesurer les résultats", "Pour aller plus loin",
        "Les outils proposés", "Calendrier indicatif", "Qui peut en bénéficier ?", "Le cadre juridique", "Retour d'expérience",
    ];

    private static readonly string[] ListItems =
    [
        "réunir les statuts et le dernier rapport d'activité", "désigner un binôme référent", "prévoir un budget prévisionnel sur trois ans",
        "associer les salariés dès le début", "présenter le projet en assemblée générale", "solliciter l'avis des usagers",
        "formaliser une convention de mise à disposition", "fixer des indicateurs simples et partagés", "organiser un temps convivial",
        "vérifier l'éligibilité au dispositif local d'accompagnement (DLA)", "rédiger une fiche de mission bénévole",
        "anticiper le départ des dirigeants historiques", "comparer au moins deux offres de prêt", "publier un compte rendu",
    ];

    private static readonly string[] Words =
    [
        "Guide", "Fiche pratique", "Repères", "Boîte à outils", "Retour d'expérience", "Dossier", "Méthode", "Questions-réponses",
    ];

    private static readonly string[] Topics =
    [
        "renouveler ses bénévoles", "réussir sa mutualisation d'emploi", "piloter un Agenda 21 associatif", "financer l'investissement",
        "ouvrir sa gouvernance", "évaluer son utilité sociale", "créer une SCIC", "accueillir un service civique", "préparer son assemblée générale",
        "construire un partenariat avec une collectivité", "réduire l'empreinte écologique de l'association", "négocier avec sa banque",
        "transmettre une entreprise à ses salariés", "partager des locaux", "fidéliser les adhérents", "répondre à un appel à projets",
    ];

    public string Pick(IReadOnlyList<string> list) => list[random.Next(list.Count)];

    public string Sentence()
    {
        var subject = Pick(Subjects);
        var verb = Verbs[random.Next(Verbs.Length)];
        var plural = subject.StartsWith("Les ", StringComparison.Ordinal);
        return $"{subject} {(plural ? verb.Many : verb.One)} {Pick(Objects)} {Pick(Complements)}.";
    }

    public string Sentences(int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }
            builder.Append(Sentence());
        }
        return builder.ToString();
    }

    /// <summary>At most <paramref name="max"/> characters, cut after a whole sentence when possible.</summary>
    public string Summary(int max)
    {
        var text = Sentences(2);
        if (text.Length <= max)
        {
            return text;
        }
        var first = Sentence();
        return first.Length <= max ? first : first[..(max - 1)] + "…";
    }

    public string Title() => $"{Pick(Words)} : {Pick(Topics)}";

    public string Topic() => Pick(Topics);

    public string Heading() => Pick(Headings);

    /// <summary>A Markdown body of roughly <paramref name="targetChars"/> characters: headings, paragraphs, lists, sometimes a table.</summary>
    public void Markdown(StringBuilder builder, string title, int targetChars, string indent = "")
    {
        var start = builder.Length;
        builder.Append(indent).Append("# ").Append(title).Append('\n').Append(indent).Append('\n');
        builder.Append(indent).Append(Sentences(3)).Append('\n').Append(indent).Append('\n');
        var section = 0;
        while (builder.Length - start < targetChars)
        {
            builder.Append(indent).Append("## ").Append(Heading()).Append('\n').Append(indent).Append('\n');
            builder.Append(indent).Append(Sentences(2 + random.Next(3))).Append('\n').Append(indent).Append('\n');
            switch ((section + random.Next(3)) % 4)
            {
                case 0:
                    for (var i = 0; i < 3 + random.Next(3); i++)
                    {
                        builder.Append(indent).Append("- ").Append(Pick(ListItems)).Append(" ;\n");
                    }
                    builder.Append(indent).Append('\n');
                    break;
                case 1:
                    for (var i = 1; i <= 3 + random.Next(2); i++)
                    {
                        builder.Append(indent).Append(i).Append(". **").Append(Pick(ListItems)).Append("** : ").Append(Sentence()).Append('\n');
                    }
                    builder.Append(indent).Append('\n');
                    break;
                case 2 when random.Next(3) == 0:
                    builder.Append(indent).Append("| Étape | Durée | Qui ? |\n");
                    builder.Append(indent).Append("|---|---|---|\n");
                    for (var i = 0; i < 3; i++)
                    {
                        builder.Append(indent).Append("| ").Append(Pick(ListItems)).Append(" | ").Append(1 + random.Next(8)).Append(" semaines | ")
                            .Append(Pick(Subjects)).Append(" |\n");
                    }
                    builder.Append(indent).Append('\n');
                    break;
                default:
                    builder.Append(indent).Append("> ").Append(Sentence()).Append('\n').Append(indent).Append('\n');
                    break;
            }
            section++;
        }
    }
}
