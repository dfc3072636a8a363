namespace PoleKnowledge.Extensions.Members;

/// <summary>The members' cookie scheme and the paths of their pages.</summary>
public static class MemberAuthentication
{
    public const string Scheme = "PoleMember";
    public const string Policy = "PoleMember";
    public const string CookieName = ".Pole.Member";
    public const string Area = "/espace-membre";
    public const string LoginPath = Area + "/connexion";
}
