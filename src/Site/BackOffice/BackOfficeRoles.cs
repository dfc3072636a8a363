namespace PoleKnowledge.Site.BackOffice;

/// <summary>The three back-office roles and the authorization policies built on them.</summary>
public static class BackOfficeRoles
{
    public const string Administrator = "Administrateur";
    public const string Editor = "Éditeur";
    public const string Writer = "Rédacteur";
    public static readonly string[] All = [Administrator, Editor, Writer];

    /// <summary>Any back-office user: write drafts, submit for review, upload media.</summary>
    public const string UsePolicy = "BackOffice";
    /// <summary>Editors and administrators: publish, unpublish, schedule, move, copy, sort, recycle, delete media.</summary>
    public const string PublishPolicy = "BackOffice.Publish";
    /// <summary>Administrators: users, roles, API tokens, audit log, health.</summary>
    public const string AdminPolicy = "BackOffice.Admin";

    public static string Label(string role) => role switch
    {
        Administrator => "Administrateur·rice",
        Editor => "Éditeur·rice",
        Writer => "Rédacteur·rice",
        _ => role,
    };
}
