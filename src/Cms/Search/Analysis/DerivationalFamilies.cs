using Lucene.Net.Tartarus.Snowball;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Search.Analysis;

/// <summary>
/// French word families the Snowball stemmer does not join because the noun and the verb do not share a
/// suffix-stripped stem (<c>dissoudre</c>/<c>dissolution</c>, <c>adhérer</c>/<c>adhésion</c>,
/// <c>vendre</c>/<c>vente</c>, <c>créer</c>/<c>création</c>). Each line is one family; every member's Snowball
/// stem is mapped to the first member's, in the morphology fields only, at index and query time alike.
/// Only true derivations belong here (same root, same meaning), not synonyms: those are the editors'
/// <c>content-schema/search/synonyms.txt</c>, applied to queries. Changing this table changes the index:
/// the table is part of <see cref="SearchAnalysisSignature"/>, so existing indexes are rebuilt at start.
/// </summary>
public static class DerivationalFamilies
{
    private static readonly string[] French =
    [
        "dissolution dissoudre dissous dissoute dissolvent",
        "adhésion adhérer adhérent adhérente adhère adhèrent",
        "vente vendre vendu vendue vend vendent vendeur vendeuse",
        "création créer crée créé créée créent créateur créatrice",
        "exclusion exclure exclu exclue exclut",
        "inscription inscrire inscrit inscrite",
        "élection élire élu élue élus",
        "production produire produit produite",
        "réduction réduire réduit réduite",
        "acquisition acquérir acquis acquise",
        "don donner donne donné donation donateur donatrice",
        "cession céder cède cédé",
        "admission admettre admis admise",
        "transmission transmettre transmis transmise",
        "ouverture ouvrir ouvert ouverte",
        "naissance naître",
        "agrément agréer agréé agréée",
        "cotisation cotiser cotise",
        "subvention subventionner subventionné subventionnée",
        "imposition imposer imposé imposée impôt imposable",
        "paiement payer paye paie payé",
        "modification modifier modifié modifiée",
        "publication publier publié publiée",
        "immatriculation immatriculer immatriculé immatriculée",
        "diffusion diffuser diffusé",
        "remboursement rembourser remboursé",
        "emploi employer employé employée employeur",
        "travail travailler travaille travailleur travailleuse",
        "organisation organiser organisé organisée organisateur",
        "formation former formé formée formateur",
        "gestion gérer géré gérée gestionnaire",
        "décision décider décidé",
        "résiliation résilier résilié",
        "rupture rompre rompu",
        "conduite conduire conducteur conductrice",
        "construction construire construit",
        "obtention obtenir obtenu obtenue",
        "récupération récupérer récupéré",
        "direction diriger dirigeant dirigeante directeur directrice",
        "accueil accueillir accueilli",
        "domiciliation domicilier domicilié domicile",
        "nomination nommer nommé nommée",
        "présidence présider président présidente",
        "administration administrer administrateur administratrice",
        "exonération exonérer exonéré",
        "déduction déduire déduit déductible",
        "souscription souscrire souscrit",
        "protection protéger protégé",
        "naturalisation naturaliser naturalisé",
        "démission démissionner démissionnaire",
        "licenciement licencier licencié",
        "embauche embaucher embauché",
        "déclaration déclarer déclaré déclarée",
        "conservation conserver conservé",
        "assurance assurer assuré assureur",
        "rémunération rémunérer rémunéré",
        "financement financer financé financeur",
        "garde garder gardé",
        "location louer loué locataire",
        "achat acheter acheté acheteur",
        "prêt prêter prêté prêteur",
        "vol voler volé",
        "perte perdre perdu perdue",
        "dépôt déposer déposé",
        "retrait retirer retiré",
        "annulation annuler annulé",
        "suppression supprimer supprimé",
        "suspension suspendre suspendu",
        "contestation contester contesté",
        "signature signer signé",
        "versement verser versé",
        "détention détenir détenu",
        "mutation muter muté",
        "succession succéder",
        "adoption adopter adopté",
        "mariage marier marié mariée",
        "divorce divorcer divorcé divorcée",
        "décès décéder décédé",
        "retraite retraité retraitée",
        "bénévolat bénévole bénévoles",
    ];

    /// <summary>The table as text, for <see cref="SearchAnalysisSignature"/>.</summary>
    internal static string TableText { get; } = string.Join('\n', French);

    private static readonly Dictionary<string, string> FrenchStems = Build(French, new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer());

    /// <summary>The family's stem of a folded Snowball stem, or the stem itself.</summary>
    public static string Map(string stem) => FrenchStems.GetValueOrDefault(stem, stem);

    /// <summary>True when the stem belongs to a family with another stem.</summary>
    public static bool TryMap(ReadOnlySpan<char> stem, out string family) =>
        FrenchStems.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(stem, out family!);

    private static Dictionary<string, string> Build(string[] lines, SnowballProgram stemmer)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var head = Stem(words[0], stemmer);
            foreach (var word in words.Skip(1))
            {
                var stem = Stem(word, stemmer);
                if (stem != head)
                {
                    map.TryAdd(stem, head);
                }
            }
        }
        return map;
    }

    /// <summary>As <see cref="MorphologySearchAnalyzer"/> reduces a word: lower case, Snowball, then fold.</summary>
    private static string Stem(string word, SnowballProgram stemmer)
    {
        stemmer.SetCurrent(word.ToLowerInvariant());
        stemmer.Stem();
        return ContentIndexText.Fold(stemmer.Current);
    }
}
