using PoleKnowledge.Cms.Publishing;

namespace PoleKnowledge.Cms.Tests.Indexing;

/// <summary>
/// Thirty-odd items: a French/English home with three sections (resources, agenda, invariant notes), and a
/// second root. Names mix case and accents; dates are spread over January–February 2024.
/// </summary>
internal static class IndexTestTree
{
    public static readonly Guid Home = Key("home");
    public static readonly Guid Resources = Key("resources");
    public static readonly Guid Agenda = Key("agenda");
    public static readonly Guid Notes = Key("notes");
    public static readonly Guid OtherRoot = Key("other-root");
    public static readonly Guid OtherChild = Key("other-child");

    public static readonly string[] ResourceNames =
    [
        "Guide de l'Économie sociale", "annuaire des associations", "Bénévolat : recruter", "Zéro déchet", "économie circulaire",
        "Agenda 21", "Mécénat", "Coopératives", "Emploi solidaire", "Financer son projet",
    ];

    public static Guid Resource(int i) => Key("resource-" + i);
    public static Guid Event(int i) => Key("event-" + i);
    public static Guid Note(int i) => Key("note-" + i);

    public static DateTime Day(int day) => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day - 1);

    public static List<PublishedContent> Build()
    {
        var created = new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var items = new List<PublishedContent>
        {
            IndexTestHost.Item(Home, null, "home", 0, 1, created, ("fr-FR", "Accueil", created), ("en-US", "Home", created)),
            IndexTestHost.Item(Resources, Home, "section", 0, 2, created, ("fr-FR", "Ressources", created), ("en-US", "Resources", created)),
            IndexTestHost.Item(Agenda, Home, "section", 1, 2, created, ("fr-FR", "Agenda", created), ("en-US", "Events", created)),
            IndexTestHost.Item(Notes, Home, "section", 2, 2, created, ("fr-FR", "Notes", created), ("en-US", "Notes", created)),
            IndexTestHost.Item(OtherRoot, null, "home", 1, 1, created, ("fr-FR", "Autre site", created)),
            IndexTestHost.Item(OtherChild, OtherRoot, "page", 0, 2, created, ("fr-FR", "Page de l'autre site", created)),
        };
        for (var i = 0; i < ResourceNames.Length; i++)
        {
            // Created 1–10 January at 10:00, updated in reverse order in February; French only for the last two.
            var resourceCultures = i < 8
                ? new[] { ("fr-FR", ResourceNames[i], Day(40 - i)), ("en-US", "Resource " + i, Day(40 - i)) }
                : [("fr-FR", ResourceNames[i], Day(40 - i))];
            items.Add(IndexTestHost.Item(Resource(i), Resources, "resource", i, 3, Day(i + 1).AddHours(10), resourceCultures));
        }
        for (var i = 0; i < 6; i++)
        {
            items.Add(IndexTestHost.Item(Event(i), Agenda, "event", i, 3, Day(15 + i), ("fr-FR", "Rencontre " + (char)('A' + i), Day(20)), ("en-US", "Meeting " + (char)('A' + i), Day(20))));
        }
        for (var i = 0; i < 8; i++)
        {
            // Invariant: routable (and indexed) in both cultures.
            items.Add(IndexTestHost.Item(Note(i), Notes, "note", 7 - i, 3, Day(25), ("", "Note " + i, Day(25))));
        }
        return items;
    }

    private static Guid Key(string name) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
