namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>The public routes of the sign-up pages (Razor pages in src/Site/Pages/Pole), shared with the e-mails that link to them.</summary>
public static class SignUpRoutes
{
    public const string Confirm = "/groupes-de-travail/inscription/confirmer";
    public const string Cancel = "/groupes-de-travail/inscription/annuler";

    public static string SignUpPage(string groupSegment) => $"/groupes-de-travail/{groupSegment}/inscription";

    public static string ConfirmLink(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}{Confirm}?jeton={Uri.EscapeDataString(token)}";

    public static string CancelLink(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}{Cancel}?jeton={Uri.EscapeDataString(token)}";
}
